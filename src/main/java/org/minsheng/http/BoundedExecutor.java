package org.minsheng.http;

import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A fixed number of threads and room for a fixed number of waiting tasks: exactly {@code threads +
 * queue} tasks are admitted at once, the next is refused at once. (A bounded ThreadPoolExecutor
 * queue alone admits fewer while a free thread has not yet taken its task from the queue.)
 */
final class BoundedExecutor {

    private final ThreadPoolExecutor pool;
    private final Semaphore admitted;

    BoundedExecutor(String name, int threads, int queue) {
        AtomicInteger count = new AtomicInteger();
        this.pool = new ThreadPoolExecutor(threads, threads, 60, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
                runnable -> {
                    Thread thread = new Thread(runnable, name + count.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });
        this.admitted = new Semaphore(threads + queue);
    }

    /** Runs {@code task} on one of the threads, or refuses it when threads and queue are all taken. */
    void execute(Runnable task) {
        if (!admitted.tryAcquire()) {
            throw new RejectedExecutionException("threads and queue are full");
        }
        try {
            pool.execute(() -> {
                try {
                    task.run();
                } finally {
                    admitted.release();
                }
            });
        } catch (RejectedExecutionException e) {
            admitted.release();
            throw e;
        }
    }

    int running() {
        return pool.getActiveCount();
    }

    int queued() {
        return pool.getQueue().size();
    }

    void shutdown() {
        pool.shutdown();
    }
}
