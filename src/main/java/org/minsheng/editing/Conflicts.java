package org.minsheng.editing;

import java.util.function.Supplier;

import jakarta.persistence.OptimisticLockException;

import org.hibernate.StaleStateException;
import org.minsheng.graphql.ConflictException;

/** Writes that lost a race answered as CONFLICT. */
public final class Conflicts {

    private Conflicts() {
    }

    /**
     * {@code write}, with a write that lost a race to another transaction (another request, another
     * replica: Hibernate finds the version it read gone when it writes or commits) answered
     * CONFLICT, as a stale version named by the caller is.
     */
    public static <T> T answered(String type, Supplier<T> write) {
        try {
            return write.get();
        } catch (RuntimeException e) {
            for (Throwable cause = e; cause != null; cause = cause.getCause()) {
                if (cause instanceof OptimisticLockException || cause instanceof StaleStateException) {
                    throw new ConflictException("The " + type + " changed while this write ran, by another request;"
                            + " read it again and repeat the change if it still applies");
                }
            }
            throw e;
        }
    }
}
