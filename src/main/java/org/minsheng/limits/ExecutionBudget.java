package org.minsheng.limits;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import org.minsheng.graphql.LimitExceededException;
import org.minsheng.graphql.ServiceUnavailableException;
import org.minsheng.persistence.DatabaseFailures;

/**
 * What one request may still use: objects resolved and time. Once either is spent the request is
 * stopped: no later field is fetched and no later read reaches the database (the read services
 * refuse before their statement, see {@code persistence/ReadOnlyInterceptor}), and the response is a
 * single {@code LIMIT_EXCEEDED} error. A statement that runs while the time is spent is cancelled
 * by the database at the deadline (its query timeout is what is left of the time).
 */
public final class ExecutionBudget {

    /**
     * The budget of the operation running on this thread. A GraphQL operation runs whole on one
     * thread ({@code runBlocking}), its batched reads included.
     */
    private static final ThreadLocal<ExecutionBudget> CURRENT = new ThreadLocal<>();

    private final long requested;
    private final long costLimit;
    private final long rowLimit;
    private final long timeLimitMillis;
    private final long deadline;
    private final AtomicLong rows = new AtomicLong();
    private volatile LimitExceededException exceeded;
    private volatile boolean databaseUnavailable;

    public ExecutionBudget(long requested, long costLimit, long rowLimit, long timeLimitMillis, long startNanos) {
        this.requested = requested;
        this.costLimit = costLimit;
        this.rowLimit = rowLimit;
        this.timeLimitMillis = timeLimitMillis;
        this.deadline = startNanos + timeLimitMillis * 1_000_000L;
    }

    /** Runs {@code work} with this budget as the thread's current one. */
    public <T> T during(java.util.function.Supplier<T> work) {
        ExecutionBudget outer = CURRENT.get();
        CURRENT.set(this);
        try {
            return work.get();
        } finally {
            CURRENT.set(outer);
        }
    }

    /** The budget of the operation running on this thread, or null outside one. */
    public static ExecutionBudget current() {
        return CURRENT.get();
    }

    /** Milliseconds left before the time limit; at least 1, so that a statement can be given a timeout. */
    public int remainingMillis() {
        long left = (deadline - System.nanoTime()) / 1_000_000L;
        return (int) Math.max(1, Math.min(Integer.MAX_VALUE, left));
    }

    /** The time limit, stopped: a statement was cancelled at the deadline. */
    public LimitExceededException timedOut() {
        return stop(overTime(System.nanoTime()));
    }

    /**
     * Whether the request must stop: its rows or its time are spent (the time is checked now).
     * Throws when the database was found unreachable earlier in this request, so that a later field
     * does not wait for a connection a second time.
     */
    public boolean spent() {
        if (exceeded != null) {
            return true;
        }
        if (databaseUnavailable) {
            throw new ServiceUnavailableException("The database is not reachable right now; try again shortly");
        }
        long now = System.nanoTime();
        if (now - deadline > 0) {
            stop(overTime(now));
            return true;
        }
        return false;
    }

    /** Called before a read: throws the reason when the budget is spent, see {@link #spent()}. */
    public void beforeFetch() {
        if (spent()) {
            throw exceeded;
        }
    }

    private LimitExceededException overTime(long now) {
        long elapsed = timeLimitMillis + Math.max(0, now - deadline) / 1_000_000L;
        return new LimitExceededException("time", timeLimitMillis, elapsed, "The request ran for " + elapsed
                + " ms, over the time limit of " + timeLimitMillis + " ms (minsheng.limits.time); ask for fewer"
                + " objects");
    }

    /** Counts objects a field resolved. */
    public void resolved(long count) {
        long total = rows.addAndGet(count);
        if (total > rowLimit && exceeded == null) {
            stop(new LimitExceededException("rows", rowLimit, total, "The request resolved " + total
                    + " objects, over the limit of " + rowLimit + " (minsheng.limits.rows); ask for fewer or"
                    + " smaller pages"));
        }
    }

    /** Notes a failed fetch: once the database is unreachable, the rest of the request fails at once. */
    public void failed(Throwable failure) {
        if (DatabaseFailures.isUnavailable(failure)) {
            databaseUnavailable = true;
        }
    }

    private synchronized LimitExceededException stop(LimitExceededException reason) {
        if (exceeded == null) {
            exceeded = reason;
        }
        return exceeded;
    }

    /** The reason the request was stopped, or null while it runs within its budget. */
    public LimitExceededException exceeded() {
        return exceeded;
    }

    /** {@code extensions.cost} of the response: the estimate, the objects resolved and the limit of each. */
    public Map<String, Object> costExtension() {
        return cost(requested, rows.get(), costLimit, rowLimit);
    }

    public static Map<String, Object> cost(long requested, long actual, long costLimit, long rowLimit) {
        Map<String, Object> cost = new LinkedHashMap<>();
        cost.put("requested", requested);
        cost.put("actual", actual);
        Map<String, Object> limit = new LinkedHashMap<>();
        limit.put("requested", costLimit);
        limit.put("actual", rowLimit);
        cost.put("limit", limit);
        return cost;
    }
}
