package org.minsheng.persistence;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.hibernate.engine.jdbc.spi.JdbcCoordinator;
import org.hibernate.engine.spi.SessionImplementor;
import org.hibernate.resource.jdbc.ResourceRegistry;

/**
 * A select run as plain JDBC on the connection of the current session: rows read straight into
 * records, without Hibernate's query plan lookup, parameter binding and row assembly (about a
 * tenth of a figure page's time, W6). It goes through the session's JDBC coordinator, so it runs in
 * the session's transaction (or the request's session), is counted in Hibernate's statistics
 * ({@code BenchWorkloadStatementsQuarkusTest}), is logged and converted on failure as Hibernate's own
 * statements are, and is cancelled at the session's query timeout ({@code ReadOnlyInterceptor}
 * sets it to what is left of an operation's time).
 */
public final class SqlRows {

    private static final String QUERY_TIMEOUT = "jakarta.persistence.query.timeout";

    private SqlRows() {
    }

    /**
     * How a row of the result becomes a record; the reader may not move the cursor, nor run a
     * statement on the session (a lookup in the database): that closes the result set being read.
     */
    @FunctionalInterface
    public interface Reader<T> {
        T read(ResultSet row) throws SQLException;

        /** A row whose column {@code key} is a text key (a parent's code) and whose rest {@code value} reads. */
        static <T> Reader<Map.Entry<String, T>> paired(int key, Reader<T> value) {
            return row -> Map.entry(row.getString(key), value.read(row));
        }
    }

    /** The rows of {@code sql}, which takes no parameters. */
    public static <T> List<T> list(String sql, Reader<T> reader) {
        return list(new Sql(sql, List.of()), reader);
    }

    /** The rows of {@code sql}, two text columns each (codes linked to codes), as pairs. */
    public static List<Map.Entry<String, String>> pairs(String sql) {
        return list(sql, Reader.paired(1, row -> row.getString(2)));
    }

    /** Column {@code column} of {@code row} as a constant of {@code type}, stored by its name; null stays null. */
    public static <E extends Enum<E>> E constant(ResultSet row, int column, Class<E> type) throws SQLException {
        String name = row.getString(column);
        return name == null ? null : Enum.valueOf(type, name);
    }

    /** Column {@code column} of {@code row} as a date; null stays null. */
    public static LocalDate date(ResultSet row, int column) throws SQLException {
        return row.getObject(column, LocalDate.class);
    }

    /** The rows of {@code sql}, its {@code ?} bound in order to {@code parameters}. */
    public static <T> List<T> list(Sql sql, Reader<T> reader) {
        SessionImplementor session = Queries.em().unwrap(SessionImplementor.class);
        JdbcCoordinator jdbc = session.getJdbcCoordinator();
        PreparedStatement statement = jdbc.getStatementPreparer().prepareStatement(sql.text());
        ResultSet rows = null;
        try {
            // As Hibernate applies the session's timeout, in milliseconds, to its statements: rounded to seconds.
            // (The configured default is a text, the one ReadOnlyInterceptor sets a number.)
            Object timeout = session.getProperties().get(QUERY_TIMEOUT);
            if (timeout != null) {
                double millis = timeout instanceof Number number ? number.doubleValue()
                        : Double.parseDouble(timeout.toString().trim());
                statement.setQueryTimeout((int) Math.round(millis / 1000.0));
            }
            List<Object> parameters = sql.parameters();
            for (int i = 0; i < parameters.size(); i++) {
                Object value = parameters.get(i);
                statement.setObject(i + 1, value instanceof Enum<?> constant ? constant.name() : value);
            }
            rows = jdbc.getResultSetReturn().extract(statement, sql.text());
            List<T> result = new ArrayList<>();
            while (rows.next()) {
                result.add(reader.read(rows));
            }
            return result;
        } catch (SQLException e) {
            throw session.getJdbcServices().getSqlExceptionHelper().convert(e, "could not read rows", sql.text());
        } finally {
            ResourceRegistry registry = jdbc.getLogicalConnection().getResourceRegistry();
            if (rows != null) {
                registry.release(rows, statement);
            }
            registry.release(statement);
            jdbc.afterStatementExecution();
        }
    }

    /** SQL text with {@code ?} placeholders and their values, in order. */
    public record Sql(String text, List<Object> parameters) {
    }
}
