package org.minsheng.http;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

class BoundedExecutorTest {

    @Test
    void exactlyThreadsPlusQueueTasksAreAdmittedAndTheNextIsRefused() throws InterruptedException {
        BoundedExecutor executor = new BoundedExecutor("test-", 1, 1);
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch done = new CountDownLatch(2);
        executor.execute(() -> {
            started.countDown();
            await(release);
            done.countDown();
        });
        assertTrue(started.await(5, TimeUnit.SECONDS));
        assertDoesNotThrow(() -> executor.execute(done::countDown), "one task waits in the queue");
        assertEquals(1, executor.running());
        assertThrows(RejectedExecutionException.class, () -> executor.execute(() -> {
        }), "a third is refused");

        release.countDown();
        assertTrue(done.await(5, TimeUnit.SECONDS));
        for (int i = 0; i < 50 && executor.running() > 0; i++) {
            Thread.sleep(20);
        }
        CountDownLatch again = new CountDownLatch(2);
        executor.execute(again::countDown);
        executor.execute(again::countDown);
        assertTrue(again.await(5, TimeUnit.SECONDS), "room again once the tasks are done");
        executor.shutdown();
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
