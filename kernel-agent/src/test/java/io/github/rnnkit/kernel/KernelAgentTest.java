package io.github.rnnkit.kernel;

import REPL.Snippets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class KernelAgentTest {

    private final List<Snippets.Cell> cells = new ArrayList<>();
    private final ByteArrayOutputStream cellErr = new ByteArrayOutputStream();
    private final List<Integer> halts = new ArrayList<>();
    private final KernelAgent agent = new KernelAgent(new CellStopper(Duration.ofMillis(300)), halts::add);
    private PrintStream kernelErr;

    @BeforeEach
    void captureTheCellsStderr() {
        kernelErr = System.err;
        System.setErr(new PrintStream(cellErr, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restore() throws InterruptedException {
        System.setErr(kernelErr);
        for (Snippets.Cell cell : cells) {
            cell.release();
        }
    }

    @Test
    void anInterruptedCellSaysItStopsAndTheJvmLivesOn() throws InterruptedException {
        cells.add(Snippets.sleeping());
        agent.onInterrupt();
        assertEquals(KernelAgent.STOPPING + System.lineSeparator(), cellErr.toString(StandardCharsets.UTF_8));
        assertEquals(List.of(), halts);
    }

    @Test
    void aCellThatCannotBeStoppedSaysTheKernelRestartsAndEndsTheJvm() throws InterruptedException {
        cells.add(Snippets.stubborn());
        agent.onInterrupt();
        assertEquals(KernelAgent.STOPPING + System.lineSeparator() + KernelAgent.RESTARTING + System.lineSeparator(),
                cellErr.toString(StandardCharsets.UTF_8));
        assertEquals(List.of(KernelAgent.UNSTOPPABLE_EXIT), halts);
    }

    @Test
    void anInterruptWithNoCellRunningDoesNothing() {
        agent.onInterrupt();
        assertEquals("", cellErr.toString(StandardCharsets.UTF_8));
        assertEquals(List.of(), halts);
    }
}
