package org.minsheng.support;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.minsheng.seed.SeedWriter;

/**
 * Holds the next import between its read and its write, so that a test can change the data at
 * that moment: {@link #arm}, start the import, {@link #awaitHeld}, write, {@link #release}. Unarmed it
 * does nothing.
 */
@ApplicationScoped
public class ImportHold {

    private volatile CountDownLatch held;
    private volatile CountDownLatch released;

    public void arm() {
        held = new CountDownLatch(1);
        released = new CountDownLatch(1);
    }

    void onPlanned(@Observes SeedWriter.ImportPlanned planned) throws InterruptedException {
        CountDownLatch reached = held;
        if (reached == null) {
            return;
        }
        held = null;
        reached.countDown();
        if (!released.await(60, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the test did not release the held import");
        }
    }

    /** Waits until the armed import has planned and is held. */
    public void awaitHeld() throws InterruptedException {
        CountDownLatch reached = held;
        if (reached != null && !reached.await(60, TimeUnit.SECONDS)) {
            throw new AssertionError("the import did not reach its write");
        }
    }

    public void release() {
        released.countDown();
    }
}
