package io.github.rnnkit.kernel;

import java.time.Duration;

/**
 * What a kernel's shell thread does with a cell: compiles it, then runs it on a thread of its own and
 * waits for it to end. The shell thread itself never executes snippet code, as in a real kernel.
 */
final class FakeShell {

    private FakeShell() {
    }

    /** Compiles for {@code compiling}, then runs {@code snippet} on a new thread and joins it. */
    static void compileThenRun(Duration compiling, Runnable snippet) {
        try {
            Thread.sleep(compiling.toMillis());
            Thread cell = new Thread(snippet, "snippet-compiled");
            cell.setDaemon(true);
            cell.start();
            cell.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
