package io.github.rnnkit.kernel;

import java.io.IOException;
import java.io.InputStream;

/**
 * Ends the JVM when the process that started it dies: that process holds the write end of a pipe
 * that is this JVM's stdin and never writes to it, so end-of-file (or a read error) there means it
 * is gone. Linux has PR_SET_PDEATHSIG for this; the pipe works on every system.
 */
public final class ParentWatch {

    private ParentWatch() {
    }

    /**
     * Starts a daemon thread that reads {@code pipe} to its end, then runs {@code onParentDeath}.
     *
     * @return the watching thread
     */
    public static Thread start(InputStream pipe, Runnable onParentDeath) {
        if (pipe == null || onParentDeath == null) {
            throw new IllegalArgumentException("pipe, onParentDeath: expected both, got "
                    + (pipe == null ? "no pipe" : "no action"));
        }
        Thread watch = new Thread(() -> {
            drain(pipe);
            onParentDeath.run();
        }, "rnnkit-parent-watch");
        watch.setDaemon(true);
        watch.start();
        return watch;
    }

    private static void drain(InputStream pipe) {
        byte[] ignored = new byte[256];
        try {
            while (pipe.read(ignored) >= 0) {
                // the launcher never writes: anything read is discarded
            }
        } catch (IOException closedOrBroken) {
            // a broken pipe also means the writer is gone
        }
    }
}
