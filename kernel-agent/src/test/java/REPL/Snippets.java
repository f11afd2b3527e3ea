package REPL;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/** Stand-ins for running cells: JShell puts every snippet's class in the package REPL. */
public final class Snippets {

    /** A running stand-in cell, ended for good by {@link #release()}. */
    public static final class Cell {
        private final AtomicBoolean released = new AtomicBoolean();
        private final CountDownLatch started = new CountDownLatch(1);
        private final Thread thread;

        private Cell(String name, java.util.function.Consumer<Cell> body) {
            thread = new Thread(() -> body.accept(this), "snippet-" + name);
            thread.setDaemon(true);
            thread.start();
            try {
                if (!started.await(5, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("the stand-in cell '" + name + "' did not start");
                }
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        }

        public Thread thread() {
            return thread;
        }

        public void release() throws InterruptedException {
            released.set(true);
            thread.join(5000);
        }

        boolean running() {
            started.countDown();
            return !released.get();
        }
    }

    private Snippets() {
    }

    /** A cell that loops until stopped: {@code while (true) {}}. */
    public static Cell spinning() {
        return new Cell("spin", cell -> {
            while (cell.running()) {
                Thread.onSpinWait();
            }
        });
    }

    /** The body of {@code while (true) {}} for a thread the caller starts, ended by {@code released}. */
    public static Runnable spinUntil(AtomicBoolean released) {
        return () -> {
            while (!released.get()) {
                Thread.onSpinWait();
            }
        };
    }

    /** A cell that prints in a loop: nearly all of its time is spent inside the socket's send. */
    public static Cell printing(zmq.FakeSocket socket) {
        return new Cell("print", cell -> {
            long lines = 0;
            while (cell.running()) {
                lines++;
                socket.send(200);
            }
        });
    }

    /** A cell that sleeps far longer than anyone waits. */
    public static Cell sleeping() {
        return new Cell("sleep", cell -> {
            cell.running();
            try {
                Thread.sleep(1_000_000);
            } catch (InterruptedException e) {
                // the cell ends, as a snippet's uncaught InterruptedException would end it
            }
        });
    }

    /** A cell that swallows every attempt to stop it. */
    @SuppressWarnings("removal") // ThreadDeath is caught to be unstoppable on purpose
    public static Cell stubborn() {
        return new Cell("stubborn", cell -> {
            while (cell.running()) {
                try {
                    while (cell.running()) {
                        Thread.onSpinWait();
                    }
                } catch (ThreadDeath ignored) {
                    // keeps running
                }
            }
        });
    }
}
