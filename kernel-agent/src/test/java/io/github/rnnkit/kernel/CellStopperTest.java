package io.github.rnnkit.kernel;

import REPL.Snippets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CellStopperTest {

    private static final Duration GRACE = Duration.ofMillis(500);
    private final List<Snippets.Cell> cells = new ArrayList<>();

    /** Whether Thread.stop works in this JVM, found by calling it on a thread never started (Java 20+ throws). */
    private static final boolean THREAD_STOP_WORKS = THREAD_STOP_WORKSHere();

    @SuppressWarnings({"deprecation", "removal"})
    private static boolean THREAD_STOP_WORKSHere() {
        try {
            new Thread(() -> { }).stop();
            return true;
        } catch (UnsupportedOperationException e) {
            return false;
        }
    }

    @AfterEach
    void endTheStandInCells() throws InterruptedException {
        for (Snippets.Cell cell : cells) {
            cell.release();
        }
    }

    @Test
    void canStopThreadsIsTrueExactlyWhereThreadStopWorks() {
        assertEquals(THREAD_STOP_WORKS, CellStopper.canStopThreads());
    }

    @Test
    void aSleepingCellEndsWithTheInterrupt() throws InterruptedException {
        Thread cell = started(Snippets.sleeping());
        assertEquals(CellStopper.Outcome.INTERRUPTED, new CellStopper(GRACE).stop());
        cell.join(1000);
        assertFalse(cell.isAlive());
    }

    @Test
    void aBusyLoopIsStoppedOnJavaBefore20AndReportedUnstoppableAfter() throws InterruptedException {
        Thread cell = started(Snippets.spinning());
        CellStopper.Outcome outcome = new CellStopper(GRACE).stop();
        assertEquals(THREAD_STOP_WORKS ? CellStopper.Outcome.STOPPED : CellStopper.Outcome.UNSTOPPABLE, outcome);
        cell.join(THREAD_STOP_WORKS ? 1000 : 1);
        assertEquals(!THREAD_STOP_WORKS, cell.isAlive());
    }

    @Test
    void aCellThatPrintsInALoopIsStoppedWithoutAnInterruptReachingTheSend() throws InterruptedException {
        for (int attempt = 0; attempt < 20; attempt++) {
            zmq.FakeSocket socket = new zmq.FakeSocket();
            Thread cell = started(Snippets.printing(socket));
            CellStopper.Outcome outcome = new CellStopper(GRACE).stop();
            assertEquals(THREAD_STOP_WORKS ? CellStopper.Outcome.STOPPED : CellStopper.Outcome.UNSTOPPABLE,
                    outcome);
            cell.join(THREAD_STOP_WORKS ? 1000 : 1);
            assertFalse(socket.interrupted(), "attempt " + attempt + ": an interrupt reached the send");
            cells.remove(cells.size() - 1).release();
        }
    }

    @Test
    void stackFramesAboveTheSnippetDecideWhetherTheCellIsOutsideTheKernelsCode() {
        StackTraceElement snippet = new StackTraceElement("REPL.$JShell$12", "do_it$", "#12", 1);
        StackTraceElement invoke = new StackTraceElement("java.lang.reflect.Method", "invoke", "Method.java", 1);
        StackTraceElement engine = new StackTraceElement("org.rapaio.jupyter.kernel.core.java.RapaioExecutionControl",
                "lambda$execute$0", "RapaioExecutionControl.java", 1);
        StackTraceElement send = new StackTraceElement("zmq.SocketBase", "send", "SocketBase.java", 1);
        StackTraceElement print = new StackTraceElement("java.io.PrintStream", "println", "PrintStream.java", 1);
        StackTraceElement library = new StackTraceElement("io.github.rnnkit.rnn.Rnn", "forward", "Rnn.java", 1);
        StackTraceElement init = new StackTraceElement("io.github.rnnkit.plot.Plots", "<clinit>", "Plots.java", 1);
        assertTrue(CellStopper.outsideMachinery(new StackTraceElement[] {snippet, invoke, engine}));
        assertTrue(CellStopper.outsideMachinery(new StackTraceElement[] {library, snippet, invoke, engine}));
        assertFalse(CellStopper.outsideMachinery(new StackTraceElement[] {send, print, snippet, invoke, engine}));
        assertFalse(CellStopper.outsideMachinery(new StackTraceElement[] {init, snippet, invoke, engine}));
        assertFalse(CellStopper.outsideMachinery(new StackTraceElement[] {invoke, engine}));
    }

    @Test
    void anInterruptWhileTheCellCompilesWaitsForItToRunAndStopsIt() throws InterruptedException {
        AtomicBoolean released = new AtomicBoolean();
        Runnable snippet = Snippets.spinUntil(released); // made here: the shell thread runs no snippet code
        Thread compiler = new Thread(() -> FakeShell.compileThenRun(Duration.ofMillis(400), snippet), "kernel-shell");
        compiler.setDaemon(true);
        compiler.start();
        CellStopper stopper = new CellStopper(GRACE, () -> List.copyOf(Thread.getAllStackTraces().keySet()),
                frame -> frame.getMethodName().equals("compileThenRun"));
        while (!stopper.busy()) {
            Thread.onSpinWait();
        }
        assertTrue(stopper.runningCells().isEmpty(), "the stand-in cell should still be compiling");
        CellStopper.Outcome outcome = stopper.stop();
        released.set(true);
        assertEquals(THREAD_STOP_WORKS ? CellStopper.Outcome.STOPPED : CellStopper.Outcome.UNSTOPPABLE, outcome);
        compiler.join(5000);
    }

    @Test
    void aCellThatSwallowsTheStopIsReportedUnstoppable() {
        started(Snippets.stubborn());
        assertEquals(CellStopper.Outcome.UNSTOPPABLE, new CellStopper(GRACE).stop());
    }

    @Test
    void withNoSnippetRunningNothingIsTouched() throws InterruptedException {
        CountDownLatch end = new CountDownLatch(1);
        Thread other = new Thread(() -> {
            try {
                end.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "kernel-thread");
        other.setDaemon(true);
        other.start();
        CellStopper stopper = new CellStopper(GRACE, () -> List.of(other), frame -> false);
        assertEquals(CellStopper.Outcome.NOTHING_RUNNING, stopper.stop());
        assertFalse(other.isInterrupted());
        assertTrue(other.isAlive());
        end.countDown();
    }

    @Test
    void onlyThreadsInSnippetCodeCountAsRunningCells() {
        Thread cell = started(Snippets.spinning());
        assertEquals(List.of(cell), new CellStopper(GRACE).runningCells());
    }

    @Test
    void aNegativeGraceIsRejectedByName() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new CellStopper(Duration.ofMillis(-1)));
        assertEquals("grace: expected a duration >= 0, got PT-0.001S", e.getMessage());
    }

    private Thread started(Snippets.Cell cell) {
        cells.add(cell);
        return cell.thread();
    }
}
