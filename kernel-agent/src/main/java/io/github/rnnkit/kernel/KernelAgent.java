package io.github.rnnkit.kernel;

import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.PrintStream;
import java.lang.instrument.Instrumentation;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.IntConsumer;

import sun.misc.Signal;

/**
 * The kit's Java agent in the Jupyter kernel's JVM ({@code java -javaagent:rnnkit-kernel-agent.jar …}).
 *
 * <ul>
 *   <li>It closes the kernel's two start-up races ({@link StartupRaces}), which left about one start
 *   in six with a shell that never answers.</li>
 *   <li><b>SIGINT</b>, which Jupyter sends for Interrupt (■) when the kernelspec says
 *   {@code "interrupt_mode": "signal"}, no longer ends the JVM: it stops the running cell
 *   ({@link CellStopper}) and the session lives on. A cell this JVM cannot stop ends the JVM with
 *   exit code {@value #UNSTOPPABLE_EXIT}, after saying so in the cell, and Jupyter restarts the kernel.</li>
 *   <li>With {@code RNNKIT_EXIT_ON_STDIN_EOF=1} in its environment (set by the kit's launcher), the
 *   JVM halts when its stdin reaches end-of-file: the launcher has died ({@link ParentWatch}).</li>
 * </ul>
 */
public final class KernelAgent {

    static final String WATCH_STDIN = "RNNKIT_EXIT_ON_STDIN_EOF";
    static final int UNSTOPPABLE_EXIT = 130;
    static final int PARENT_GONE_EXIT = 129;
    static final Duration GRACE = Duration.ofMillis(600);
    /** Time for the kernel to publish the last message before the JVM halts. */
    static final long LAST_WORDS_MILLIS = 300;

    static final String STOPPING = "■ Interrupted: stopping this cell. What earlier cells defined is kept, "
            + "so you can go on with the next cell.";
    static final String RESTARTING = "■ This cell did not stop, so the Java kernel restarts now: "
            + "run the notebook again from the top (Run › Run All Cells).";

    private final CellStopper stopper;
    private final IntConsumer halt;
    private final AtomicBoolean stopping = new AtomicBoolean();

    KernelAgent(CellStopper stopper, IntConsumer halt) {
        this.stopper = stopper;
        this.halt = halt;
    }

    public static void premain(String options, Instrumentation instrumentation) {
        if (StartupRaces.patch(instrumentation, ClassLoader.getSystemClassLoader()).size() < 2) {
            System.err.println("[rnnkit-agent] the kernel's start-up races are not patched (not rapaio-jupyter-kernel "
                    + "3.0.x?); the kit's launcher still restarts a start that hangs");
        }
        IntConsumer halt = status -> Runtime.getRuntime().halt(status);
        KernelAgent agent = new KernelAgent(new CellStopper(GRACE), halt);
        Signal.handle(new Signal("INT"), signal -> agent.onInterrupt());
        if ("1".equals(System.getenv(WATCH_STDIN))) {
            ParentWatch.start(new FileInputStream(FileDescriptor.in), () -> halt.accept(PARENT_GONE_EXIT));
        }
    }

    /** Stops the running cell. One interrupt at a time: a ■ pressed while a cell is being stopped is ignored. */
    void onInterrupt() {
        if (!stopping.compareAndSet(false, true)) {
            return;
        }
        try {
            if (!stopper.busy()) {
                return;
            }
            PrintStream cellErr = System.err; // the running cell's stderr, while it runs
            cellErr.println(STOPPING);
            if (stopper.stop() == CellStopper.Outcome.UNSTOPPABLE) {
                cellErr.println(RESTARTING);
                pause(LAST_WORDS_MILLIS);
                halt.accept(UNSTOPPABLE_EXIT);
            }
        } finally {
            stopping.set(false);
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
