package org.minsheng.limits;

import jakarta.annotation.Priority;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;

/** Refuses a {@link Budgeted} call once the operation's budget is spent. */
@Budgeted
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_BEFORE + 290)
public class BudgetedInterceptor {

    @AroundInvoke
    Object withinBudget(InvocationContext context) throws Exception {
        ExecutionBudget budget = ExecutionBudget.current();
        if (budget != null) {
            budget.beforeFetch();
        }
        return context.proceed();
    }
}
