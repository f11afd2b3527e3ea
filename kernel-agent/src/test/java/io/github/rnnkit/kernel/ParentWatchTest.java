package io.github.rnnkit.kernel;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ParentWatchTest {

    @Test
    void theActionRunsWhenTheWriterClosesThePipe() throws IOException, InterruptedException {
        PipedOutputStream launcher = new PipedOutputStream();
        CountDownLatch gone = new CountDownLatch(1);
        ParentWatch.start(new PipedInputStream(launcher), gone::countDown);
        launcher.close();
        assertTrue(gone.await(5, TimeUnit.SECONDS));
    }

    @Test
    void bytesOnThePipeAreNotTakenForTheParentsDeath() throws IOException, InterruptedException {
        PipedOutputStream launcher = new PipedOutputStream();
        CountDownLatch gone = new CountDownLatch(1);
        Thread watch = ParentWatch.start(new PipedInputStream(launcher), gone::countDown);
        launcher.write("not the end".getBytes());
        launcher.flush();
        assertFalse(gone.await(300, TimeUnit.MILLISECONDS));
        assertTrue(watch.isAlive() && watch.isDaemon());
        launcher.close();
        assertTrue(gone.await(5, TimeUnit.SECONDS));
    }

    @Test
    void aMissingPipeIsRejectedByName() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ParentWatch.start(null, () -> { }));
        assertEquals("pipe, onParentDeath: expected both, got no pipe", e.getMessage());
    }
}
