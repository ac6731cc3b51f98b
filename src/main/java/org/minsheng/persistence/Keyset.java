package org.minsheng.persistence;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.minsheng.graphql.BadUserInputException;
import org.minsheng.graphql.Cursor;
import org.minsheng.graphql.Page;
import org.minsheng.graphql.PageRequest;

/**
 * An order of rows by sort columns, the last of which is unique (the tie-break), and the keyset
 * condition that pages through it: a cursor holds the sort values of its row, and the next page
 * starts strictly after them, so paging neither repeats nor skips a row however many rows share a
 * value. Every column is ordered in the same direction.
 *
 * <p>
 * The default order of a connection (its key alone, ascending) writes cursors as before: the key
 * itself. Any other order writes its name and every sort value, and a cursor of one order is refused
 * by another.
 */
public record Keyset<T>(String name, boolean descending, List<Column<T>> columns) {

    /**
     * A sort column: its JPQL path, how a row's value is written into a cursor, and how a value read
     * back from a cursor becomes a parameter.
     */
    public record Column<T>(String path, Function<T, String> read, Function<String, Comparable<?>> parse) {
    }

    public static <T> Column<T> text(String path, Function<T, String> read) {
        return new Column<>(path, read, value -> value);
    }

    public static <T> Column<T> number(String path, Function<T, Long> read) {
        return new Column<>(path, row -> read.apply(row).toString(), Long::valueOf);
    }

    public static <T> Column<T> decimal(String path, Function<T, BigDecimal> read) {
        return new Column<>(path, row -> read.apply(row).toPlainString(), BigDecimal::new);
    }

    public static <T> Column<T> date(String path, Function<T, LocalDate> read) {
        return new Column<>(path, row -> read.apply(row).toString(), LocalDate::parse);
    }

    /** The default order of a connection: by its unique key, ascending. */
    public static <T> Keyset<T> byKey(Column<T> key) {
        return new Keyset<>(null, false, List.of(key));
    }

    /** An order by {@code columns}, the last of them unique, named {@code name} in its cursors. */
    @SafeVarargs
    public static <T> Keyset<T> of(String name, boolean descending, Column<T>... columns) {
        return new Keyset<>(name, descending, List.of(columns));
    }

    /** The name of an order in its cursors: "VALUE DESC", "NAME ASC". */
    public static String name(Object field, boolean descending) {
        return field + (descending ? " DESC" : " ASC");
    }

    /**
     * The two orders of a connection of named things (regions, indicators, programmes): by
     * {@code code}, or by {@code nameKey} and then code; named "CODE ASC", "NAME DESC" and so on.
     */
    public static <T> Keyset<T> codeOrName(boolean byName, boolean descending, Column<T> code, Column<T> nameKey) {
        return byName ? of(name("NAME", descending), descending, nameKey, code)
                : byKey(name("CODE", descending), descending, code);
    }

    /** {@code key} alone when ascending, else {@code key} descending, named {@code name}. */
    public static <T> Keyset<T> byKey(String name, boolean descending, Column<T> key) {
        return descending ? of(name, true, key) : byKey(key);
    }

    /** The ORDER BY list. */
    public String orderBy() {
        List<String> terms = new ArrayList<>();
        for (Column<T> column : columns) {
            terms.add(column.path() + (descending ? " desc" : ""));
        }
        return String.join(", ", terms);
    }

    /** {@code query} narrowed to the rows after the cursor; {@code query} itself when there is none. */
    public Jpql after(Jpql query, String cursor) {
        List<Comparable<?>> values = decode(cursor);
        if (values == null) {
            return query;
        }
        String compare = descending ? " < " : " > ";
        Map<String, Object> parameters = new HashMap<>();
        List<String> alternatives = new ArrayList<>();
        for (int i = 0; i < columns.size(); i++) {
            StringBuilder alternative = new StringBuilder("(");
            for (int j = 0; j < i; j++) {
                alternative.append(columns.get(j).path()).append(" = :k").append(j).append(" and ");
            }
            alternative.append(columns.get(i).path()).append(compare).append(":k").append(i).append(')');
            alternatives.add(alternative.toString());
            parameters.put("k" + i, values.get(i));
        }
        return query.where("(" + String.join(" or ", alternatives) + ")", parameters);
    }

    /** The key a cursor wraps for {@code row}: its sort values. */
    public String key(T row) {
        if (name == null) {
            return columns.get(0).read().apply(row);
        }
        List<String> values = new ArrayList<>();
        values.add(name);
        for (Column<T> column : columns) {
            values.add(column.read().apply(row));
        }
        return String.join(SEPARATOR, values);
    }

    /** {@code rows} in this order, from the first after the cursor: a page put together in memory. */
    public List<T> after(List<T> rows, String cursor) {
        List<Comparable<?>> values = decode(cursor);
        return rows.stream().filter(row -> values == null || compareTo(row, values) > 0).sorted(comparator()).toList();
    }

    /**
     * A page of rows held in memory: those after the request's cursor, in this order; the total
     * counts every row given, as a database's count of the same rows would.
     */
    public Page<T> page(List<T> rows, PageRequest request) {
        return page(rows, request, rows.size());
    }

    /** As {@link #page(List, PageRequest)}, with the total known to the caller. */
    public Page<T> page(List<T> rows, PageRequest request, long total) {
        List<T> after = after(rows, request.after());
        return Page.of(after.subList(0, Math.min(after.size(), request.first() + 1)), this::key, request, total);
    }

    /** How {@code row} compares with a cursor's values, in this order's direction. */
    private int compareTo(T row, List<Comparable<?>> values) {
        for (int i = 0; i < columns.size(); i++) {
            Column<T> column = columns.get(i);
            int c = compare(column.parse().apply(column.read().apply(row)), values.get(i));
            if (c != 0) {
                return descending ? -c : c;
            }
        }
        return 0;
    }

    /** Rows in this order: for pages put together in memory. */
    public Comparator<T> comparator() {
        Comparator<T> order = (a, b) -> {
            for (Column<T> column : columns) {
                int c = compare(column.parse().apply(column.read().apply(a)), column.parse().apply(column.read().apply(b)));
                if (c != 0) {
                    return c;
                }
            }
            return 0;
        };
        return descending ? order.reversed() : order;
    }

    @SuppressWarnings({ "unchecked", "rawtypes" })
    private static int compare(Comparable a, Comparable b) {
        return a.compareTo(b);
    }

    /** A newline cannot occur in a code, a name key, a number or a date. */
    private static final String SEPARATOR = "\n";

    private List<Comparable<?>> decode(String cursor) {
        String key = Cursor.decode(cursor);
        if (key == null) {
            return null;
        }
        String[] parts = key.split(SEPARATOR, -1);
        int offset = name == null ? 0 : 1;
        if (parts.length != columns.size() + offset || (name != null && !parts[0].equals(name))) {
            throw invalid(cursor);
        }
        List<Comparable<?>> values = new ArrayList<>();
        for (int i = 0; i < columns.size(); i++) {
            try {
                values.add(columns.get(i).parse().apply(parts[i + offset]));
            } catch (RuntimeException e) {
                throw invalid(cursor);
            }
        }
        return values;
    }

    private BadUserInputException invalid(String cursor) {
        return new BadUserInputException("after: \"" + cursor + "\" is not a cursor of this connection"
                + (name == null ? "" : " in this order (" + name + ")"));
    }
}
