package org.minsheng.limits;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import org.minsheng.graphql.LimitExceededException;
import org.minsheng.graphql.ServiceUnavailableException;
import org.minsheng.persistence.DatabaseFailures;

/**
 * What one request may still use: objects resolved and time. Once either is spent the request is
 * stopped: every later field fails at once, without touching the database, and the response is a
 * single {@code LIMIT_EXCEEDED} error.
 */
public final class ExecutionBudget {

    /** Where the budget travels in graphql-java's context. */
    public static final String KEY = "minsheng.budget";

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

    /**
     * Called before a field is fetched: fails when the rows or the time are spent, or when the
     * database was found unreachable earlier in this request (no second wait for a connection).
     */
    public void beforeFetch() {
        LimitExceededException spent = exceeded;
        if (spent != null) {
            throw spent;
        }
        if (databaseUnavailable) {
            throw new ServiceUnavailableException("The database is not reachable right now; try again shortly");
        }
        long now = System.nanoTime();
        if (now - deadline > 0) {
            long elapsed = timeLimitMillis + (now - deadline) / 1_000_000L;
            throw stop(new LimitExceededException("time", timeLimitMillis, elapsed, "The request ran for "
                    + elapsed + " ms, over the time limit of " + timeLimitMillis
                    + " ms (minsheng.limits.time); ask for fewer objects"));
        }
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
