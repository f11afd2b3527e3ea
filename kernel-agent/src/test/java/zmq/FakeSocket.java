package zmq;

import java.util.concurrent.atomic.AtomicBoolean;

/** A stand-in for the kernel's ZeroMQ send: it notes an interrupt that reaches it (one closes an NIO channel). */
public final class FakeSocket {

    private final AtomicBoolean disturbed = new AtomicBoolean();

    /** Busy for about {@code micros} microseconds, as a send is, noting an interrupt that arrives meanwhile. */
    public void send(long micros) {
        long end = System.nanoTime() + micros * 1000;
        while (System.nanoTime() < end) {
            if (Thread.currentThread().isInterrupted()) {
                disturbed.set(true);
            }
        }
    }

    public boolean interrupted() {
        return disturbed.get();
    }
}
