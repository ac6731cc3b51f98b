package org.minsheng.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.minsheng.graphql.BadUserInputException;
import org.minsheng.graphql.Cursor;

class KeysetTest {

    record Row(long id, BigDecimal value) {
    }

    private static final Keyset.Column<Row> ID = Keyset.number("o.id", Row::id);
    private static final Keyset<Row> BY_ID = Keyset.byKey(ID);
    private static final Keyset<Row> BY_VALUE_DESC = Keyset.of("VALUE DESC", true,
            Keyset.decimal("o.value", Row::value), ID);

    private static final List<Row> ROWS = List.of(new Row(1, new BigDecimal("5")), new Row(2, new BigDecimal("7")),
            new Row(3, new BigDecimal("5")), new Row(4, new BigDecimal("7.0")));

    @Test
    void theDefaultOrderKeepsTheCursorsItAlwaysWrote() {
        assertEquals("42", BY_ID.key(new Row(42, BigDecimal.ONE)));
        assertEquals(List.of(3L, 4L), BY_ID.after(ROWS, Cursor.encode("2")).stream().map(Row::id).toList());
    }

    @Test
    void tiesAreBrokenByTheUniqueKeyInTheSameDirection() {
        List<Row> all = BY_VALUE_DESC.after(ROWS, null);
        assertEquals(List.of(4L, 2L, 3L, 1L), all.stream().map(Row::id).toList());
        String afterSecond = Cursor.encode(BY_VALUE_DESC.key(all.get(1)));
        assertEquals(List.of(3L, 1L), BY_VALUE_DESC.after(ROWS, afterSecond).stream().map(Row::id).toList());
        assertEquals("o.value desc, o.id desc", BY_VALUE_DESC.orderBy());
    }

    @Test
    void aCursorOfAnotherOrderOrNotACursorIsRefused() {
        String byValue = Cursor.encode(BY_VALUE_DESC.key(ROWS.get(0)));
        assertThrows(BadUserInputException.class, () -> BY_ID.after(ROWS, byValue));
        assertThrows(BadUserInputException.class, () -> BY_VALUE_DESC.after(ROWS, Cursor.encode("1")));
        assertThrows(BadUserInputException.class, () -> BY_ID.after(ROWS, Cursor.encode("abc")));
        assertThrows(BadUserInputException.class, () -> BY_ID.after(ROWS, "!!"));
    }
}
