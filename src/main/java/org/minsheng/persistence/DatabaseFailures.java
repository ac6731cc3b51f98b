package org.minsheng.persistence;

import java.sql.SQLException;
import java.sql.SQLTimeoutException;
import java.sql.SQLTransientConnectionException;

import org.hibernate.exception.JDBCConnectionException;

/** What a database failure means for the caller. */
public final class DatabaseFailures {

    private DatabaseFailures() {
    }

    /** Whether a failure means the database cannot be reached or gave no connection in time. */
    public static boolean isUnavailable(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof JDBCConnectionException || t instanceof SQLTransientConnectionException) {
                return true;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("08")) {
                return true;
            }
            if (t.getClass().getSimpleName().equals("PSQLException") && t.getMessage() != null
                    && t.getMessage().contains("terminating connection")) {
                return true;
            }
            String message = t.getMessage();
            if (message != null && (message.contains("Acquisition timeout") || message.contains("acquisition timeout")
                    || message.contains("Unable to acquire JDBC Connection"))) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether a failure is a statement the database cancelled at its query timeout (H2:
     * SQLTimeoutException; PostgreSQL: SQLState 57014, "canceling statement").
     */
    public static boolean isTimeout(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLTimeoutException || t instanceof org.hibernate.QueryTimeoutException
                    || t instanceof jakarta.persistence.QueryTimeoutException) {
                return true;
            }
            if (t instanceof SQLException sql && "57014".equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
