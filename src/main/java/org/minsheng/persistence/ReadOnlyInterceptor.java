package org.minsheng.persistence;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import jakarta.transaction.Status;
import jakarta.transaction.SystemException;
import jakarta.transaction.TransactionManager;

import org.hibernate.FlushMode;
import org.hibernate.Session;
import org.minsheng.limits.ExecutionBudget;

import io.quarkus.arc.Arc;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Runs a {@link ReadOnly} call on the cheapest session that reads correctly:
 * <ul>
 * <li>inside a transaction (a write that reads back), on that transaction's session, read-only for
 * the call;</li>
 * <li>inside a request (a GraphQL operation), on the request's session without a transaction: no
 * JTA begin and commit for each batched read. The session is emptied after each call, so a later
 * call of the same request (after a mutation, say) reads the database, not an entity loaded earlier;</li>
 * <li>anywhere else (start-up, the change feed, a health check), in a transaction of its own.</li>
 * </ul>
 * Entities load read-only (no snapshot kept) and the session never flushes. Inside a GraphQL
 * operation the call is held to the operation's {@link ExecutionBudget}: refused before its
 * statement once the budget is spent, and its queries cancelled by the database when the time
 * limit passes (their timeout is the time left).
 */
@ReadOnly
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_BEFORE + 300)
public class ReadOnlyInterceptor {

    private static final String QUERY_TIMEOUT = "jakarta.persistence.query.timeout";

    @Inject
    TransactionManager transactions;

    /** Set while a read-only call runs on this thread: a call it makes to another read service only proceeds. */
    private static final ThreadLocal<Boolean> INSIDE = new ThreadLocal<>();

    @AroundInvoke
    Object readOnly(InvocationContext context) throws Exception {
        if (INSIDE.get() != null) {
            return context.proceed();
        }
        INSIDE.set(Boolean.TRUE);
        try {
            return outermost(context);
        } finally {
            INSIDE.remove();
        }
    }

    private Object outermost(InvocationContext context) throws Exception {
        if (inTransaction()) {
            return readOnly(context, false);
        }
        if (Arc.container().requestContext().isActive()) {
            ExecutionBudget budget = ExecutionBudget.current();
            if (budget == null) {
                return readOnly(context, true);
            }
            budget.beforeFetch();
            Queries.em().unwrap(Session.class).setProperty(QUERY_TIMEOUT, budget.remainingMillis());
            try {
                return readOnly(context, true);
            } catch (RuntimeException failure) {
                throw DatabaseFailures.isTimeout(failure) ? budget.timedOut() : failure;
            }
        }
        return QuarkusTransaction.joiningExisting().call(() -> readOnly(context, false));
    }

    private static Object readOnly(InvocationContext context, boolean empty) throws Exception {
        Session session = Queries.em().unwrap(Session.class);
        boolean readOnly = session.isDefaultReadOnly();
        FlushMode flushMode = session.getHibernateFlushMode();
        session.setDefaultReadOnly(true);
        session.setHibernateFlushMode(FlushMode.MANUAL);
        try {
            return context.proceed();
        } finally {
            if (empty) {
                session.clear();
            }
            session.setDefaultReadOnly(readOnly);
            session.setHibernateFlushMode(flushMode);
        }
    }

    private boolean inTransaction() throws SystemException {
        int status = transactions.getStatus();
        return status != Status.STATUS_NO_TRANSACTION;
    }
}
