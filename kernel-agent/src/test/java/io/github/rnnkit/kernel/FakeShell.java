package io.github.rnnkit.kernel;

import REPL.Snippets;

import java.time.Duration;
import java.util.function.Consumer;

/** What a kernel's shell thread does with a cell: compiles it, then runs it and waits for it to end. */
final class FakeShell {

    private FakeShell() {
    }

    /** Compiles for {@code compiling}, then runs a spinning cell, handed to {@code running}. */
    static void compileThenRun(Duration compiling, Consumer<Snippets.Cell> running) {
        try {
            Thread.sleep(compiling.toMillis());
            Snippets.Cell cell = Snippets.spinning();
            running.accept(cell);
            cell.thread().join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
