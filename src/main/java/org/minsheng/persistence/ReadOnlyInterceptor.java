package org.minsheng.persistence;

import jakarta.annotation.Priority;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;

import org.hibernate.FlushMode;
import org.hibernate.Session;

/** Makes the session of a {@link ReadOnly} call read-only; runs inside the transaction it joins. */
@ReadOnly
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_BEFORE + 300)
public class ReadOnlyInterceptor {

    @AroundInvoke
    Object readOnly(InvocationContext context) throws Exception {
        Session session = Queries.em().unwrap(Session.class);
        boolean readOnly = session.isDefaultReadOnly();
        FlushMode flushMode = session.getHibernateFlushMode();
        session.setDefaultReadOnly(true);
        session.setHibernateFlushMode(FlushMode.MANUAL);
        try {
            return context.proceed();
        } finally {
            session.setDefaultReadOnly(readOnly);
            session.setHibernateFlushMode(flushMode);
        }
    }
}
