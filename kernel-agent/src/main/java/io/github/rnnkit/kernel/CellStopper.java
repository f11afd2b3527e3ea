package io.github.rnnkit.kernel;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Stops the cell a JShell-based kernel is running, and nothing else.
 *
 * <p>A thread runs a cell while a frame of its stack belongs to a class of JShell's package
 * {@code REPL}, where JShell puts every snippet's class; the frames above the deepest such frame are
 * what the cell is doing now. A cell is in progress while a thread is inside {@code JShell.eval};
 * an interrupt that comes while the cell still compiles waits for its snippet to start running.
 * Stopping takes two steps:
 * <ol>
 *   <li>A cell that waits ({@code sleep}, {@code wait}, {@code join}, a blocking queue) outside the
 *   kernel's messaging and the JDK's I/O is interrupted. Only a waiting cell: printing is a ZeroMQ
 *   send, and an interrupt that reaches a thread inside an NIO call closes that channel, the pipe
 *   that wakes ZeroMQ's I/O thread among them, and the kernel goes deaf for good.</li>
 *   <li>A cell still running after the grace period is stopped with {@link Thread#stop()}, which is
 *   how JShell's own in-process engine stops snippets on Java 17 to 19. A {@code ThreadDeath} closes
 *   no channel; landing inside a send it can at worst garble that one message. Java 20 made
 *   {@code stop} throw (JShell itself now weaves stop checks into snippet classes, which a kernel's
 *   own engine does not), so there a busy cell cannot be stopped in the JVM.</li>
 * </ol>
 */
public final class CellStopper {

    /** What an attempt to stop the running cell achieved. */
    public enum Outcome {
        /** No thread was running snippet code. */
        NOTHING_RUNNING,
        /** The interrupt ended the cell. */
        INTERRUPTED,
        /** The cell ignored the interrupt and was stopped with {@link Thread#stop()}. */
        STOPPED,
        /** The cell still runs: this JVM cannot stop it safely. */
        UNSTOPPABLE
    }

    private static final String SNIPPET_PACKAGE = "REPL.";
    /** Packages of the kernels' messaging and of the JDK's I/O: a cell inside them is left alone. */
    private static final List<String> MACHINERY = List.of("zmq.", "org.zeromq.", "org.rapaio.jupyter.",
            "io.github.spencerpark.", "org.dflib.jjava.", "jdk.jshell.", "java.io.", "java.nio.", "sun.nio.");
    private static final Set<Thread.State> WAITING = Set.of(Thread.State.WAITING, Thread.State.TIMED_WAITING);
    private static final long POLL_MILLIS = 2;
    /** The longest an interrupt waits for a compiling cell to start running. */
    private static final Duration COMPILE_WAIT = Duration.ofSeconds(60);

    private final Duration grace;
    private final Supplier<List<Thread>> threads;
    private final Predicate<StackTraceElement> evaluating;

    /**
     * @param grace how long each step waits for the cell to end
     */
    public CellStopper(Duration grace) {
        this(grace, () -> List.copyOf(Thread.getAllStackTraces().keySet()),
                frame -> frame.getClassName().equals("jdk.jshell.JShell") && frame.getMethodName().equals("eval"));
    }

    CellStopper(Duration grace, Supplier<List<Thread>> threads, Predicate<StackTraceElement> evaluating) {
        if (grace == null || grace.isNegative()) {
            throw new IllegalArgumentException("grace: expected a duration >= 0, got " + grace);
        }
        this.grace = grace;
        this.threads = threads;
        this.evaluating = evaluating;
    }

    /** Whether this JVM's {@link Thread#stop()} works (Java 17 to 19). */
    public static boolean canStopThreads() {
        return Runtime.version().feature() < 20;
    }

    /** The threads that run snippet code now, this one excepted. */
    public List<Thread> runningCells() {
        return threads.get().stream()
                .filter(t -> t != Thread.currentThread() && runsSnippet(t))
                .collect(Collectors.toList());
    }

    /** Whether a cell is being compiled or run: a thread is inside {@code JShell.eval}, or runs snippet code. */
    public boolean busy() {
        return !runningCells().isEmpty() || threads.get().stream().anyMatch(
                t -> t != Thread.currentThread() && Arrays.stream(t.getStackTrace()).anyMatch(evaluating));
    }

    /** Waits for a compiling cell to start running, then interrupts it if it waits and stops what still runs. */
    public Outcome stop() {
        List<Thread> cells = runningCells();
        long deadline = System.nanoTime() + COMPILE_WAIT.toNanos();
        while (cells.isEmpty() && busy() && System.nanoTime() < deadline && pause(POLL_MILLIS)) {
            cells = runningCells();
        }
        if (cells.isEmpty()) {
            return Outcome.NOTHING_RUNNING;
        }
        cells.stream().filter(t -> WAITING.contains(t.getState()) && outsideMachinery(t.getStackTrace()))
                .forEach(Thread::interrupt);
        if (awaitEnd(cells)) {
            return Outcome.INTERRUPTED;
        }
        if (!canStopThreads()) {
            return Outcome.UNSTOPPABLE;
        }
        cells.stream().filter(CellStopper::runsSnippet).forEach(CellStopper::forceStop);
        return awaitEnd(cells) ? Outcome.STOPPED : Outcome.UNSTOPPABLE;
    }

    @SuppressWarnings({"deprecation", "removal"}) // JShell's own stop on Java 17-19; see the class comment
    private static void forceStop(Thread cell) {
        cell.stop();
    }

    private boolean awaitEnd(List<Thread> cells) {
        long deadline = System.nanoTime() + grace.toNanos();
        while (cells.stream().anyMatch(CellStopper::runsSnippet)) {
            if (System.nanoTime() >= deadline || !pause(POLL_MILLIS)) {
                return false;
            }
        }
        return true;
    }

    private static boolean pause(long millis) {
        try {
            Thread.sleep(millis);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    static boolean runsSnippet(Thread thread) {
        return thread.isAlive() && deepestSnippetFrame(thread.getStackTrace()) >= 0;
    }

    /**
     * Whether the frames the cell is executing (those above its deepest snippet frame) are all
     * outside the kernel's messaging, the JDK's I/O and class initialisation: an interrupt is safe.
     */
    static boolean outsideMachinery(StackTraceElement[] stack) {
        int deepest = deepestSnippetFrame(stack);
        for (int i = 0; i < deepest; i++) {
            String name = stack[i].getClassName();
            if (stack[i].getMethodName().equals("<clinit>") || MACHINERY.stream().anyMatch(name::startsWith)) {
                return false;
            }
        }
        return deepest >= 0;
    }

    private static int deepestSnippetFrame(StackTraceElement[] stack) {
        for (int i = stack.length - 1; i >= 0; i--) {
            if (stack[i].getClassName().startsWith(SNIPPET_PACKAGE)) {
                return i;
            }
        }
        return -1;
    }
}
