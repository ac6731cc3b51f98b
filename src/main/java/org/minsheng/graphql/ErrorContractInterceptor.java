package org.minsheng.graphql;

import java.util.UUID;

import jakarta.annotation.Priority;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;

import org.jboss.logging.Logger;

/**
 * Expected failures ({@link ClientError}) pass through with their code and message. Anything
 * else is logged with a fresh error ID and answered as {@link InternalServerError}, so that no
 * exception class, message or stack trace reaches the caller.
 */
@ErrorContract
@Interceptor
@Priority(Interceptor.Priority.APPLICATION)
public class ErrorContractInterceptor {

    private static final Logger LOG = Logger.getLogger(ErrorContractInterceptor.class);

    @AroundInvoke
    Object apply(InvocationContext context) throws Exception {
        try {
            return context.proceed();
        } catch (ClientError | InternalServerError expected) {
            throw expected;
        } catch (RuntimeException unexpected) {
            String errorId = UUID.randomUUID().toString();
            LOG.errorf(unexpected, "GraphQL resolver %s.%s failed; error ID %s",
                    context.getMethod().getDeclaringClass().getSimpleName(), context.getMethod().getName(), errorId);
            throw new InternalServerError(errorId);
        }
    }
}
