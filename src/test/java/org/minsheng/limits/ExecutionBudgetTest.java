package org.minsheng.limits;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.minsheng.graphql.LimitExceededException;

class ExecutionBudgetTest {

    private static final long MILLIS = 1_000_000L;

    @Test
    void aRequestJustUnderItsTimeLimitGoesOn() {
        ExecutionBudget budget = new ExecutionBudget(1, 10, 10, 1000, System.nanoTime() - 900 * MILLIS);
        assertDoesNotThrow(budget::beforeFetch);
        assertNull(budget.exceeded());
    }

    @Test
    void aRequestJustOverItsTimeLimitIsStoppedAndStaysStopped() {
        ExecutionBudget budget = new ExecutionBudget(1, 10, 10, 1000, System.nanoTime() - 1001 * MILLIS);
        LimitExceededException first = assertThrows(LimitExceededException.class, budget::beforeFetch);
        assertEquals("time", first.limit());
        assertEquals(1000L, first.extensions().get("maximum"));
        assertThrows(LimitExceededException.class, budget::beforeFetch);
    }

    @Test
    void rowsUpToTheLimitPassAndOneMoreStopsTheRequest() {
        ExecutionBudget budget = new ExecutionBudget(1, 10, 10, 1000, System.nanoTime());
        budget.resolved(10);
        assertDoesNotThrow(budget::beforeFetch);
        budget.resolved(1);
        assertNotNull(budget.exceeded());
        assertEquals("rows", budget.exceeded().limit());
        assertEquals(11L, budget.exceeded().extensions().get("actual"));
        assertThrows(LimitExceededException.class, budget::beforeFetch);
    }

    @Test
    void theCostExtensionReportsTheEstimateTheRowsAndTheLimits() {
        ExecutionBudget budget = new ExecutionBudget(7, 200, 50, 1000, System.nanoTime());
        budget.resolved(3);
        assertEquals("{requested=7, actual=3, limit={requested=200, actual=50}}", budget.costExtension().toString());
    }

    @Test
    void theOperationOnThisThreadStopsOnceItsTimeIsSpentAndOnlyThere() {
        ExecutionBudget fresh = new ExecutionBudget(1, 10, 10, 1000, System.nanoTime());
        ExecutionBudget late = new ExecutionBudget(1, 10, 10, 1000, System.nanoTime() - 1001 * MILLIS);
        assertNull(ExecutionBudget.current(), "outside an operation");
        assertFalse(fresh.during(() -> ExecutionBudget.current().spent()));
        assertTrue(fresh.during(ExecutionBudget::current) == fresh);
        assertTrue(late.during(() -> ExecutionBudget.current().spent()));
        assertEquals("time", late.exceeded().limit());
        assertEquals(1, late.remainingMillis(), "a timeout of at least 1 ms");
        assertTrue(fresh.remainingMillis() > 900, fresh.remainingMillis() + " ms left");
        assertNull(ExecutionBudget.current(), "after the operation");
    }
}
