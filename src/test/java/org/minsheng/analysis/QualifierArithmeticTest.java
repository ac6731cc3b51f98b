package org.minsheng.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.minsheng.observation.Qualifier;

/** The qualifier rules of changes and roll-ups, and the tables of them in docs/analytics.md, which must agree. */
class QualifierArithmeticTest {

    @Test
    void readmeTableOfChangesIsTheCode() throws IOException {
        List<String[]> rows = table("| to \\ from |");
        for (String[] row : rows) {
            Qualifier to = Qualifier.valueOf(row[0]);
            for (int i = 0; i < Qualifier.values().length; i++) {
                Qualifier from = Qualifier.values()[i];
                assertEquals(cell(row[i + 1]), QualifierArithmetic.difference(to, from), to + " − " + from);
            }
        }
        assertEquals(Qualifier.values().length, rows.size());
    }

    @Test
    void readmeTableOfSumsIsTheCode() throws IOException {
        List<String[]> rows = table("| part \\ sum so far |");
        for (String[] row : rows) {
            Qualifier part = Qualifier.valueOf(row[0]);
            for (int i = 0; i < Qualifier.values().length; i++) {
                Qualifier sum = Qualifier.values()[i];
                assertEquals(cell(row[i + 1]), QualifierArithmetic.combine(sum, part), sum + " + " + part);
            }
        }
        assertEquals(Qualifier.values().length, rows.size());
    }

    @Test
    void missingChildrenMakeASumALowerBound() {
        assertEquals(Qualifier.EXACT, QualifierArithmetic.sum(List.of(Qualifier.EXACT, Qualifier.EXACT), false));
        assertEquals(Qualifier.AT_LEAST, QualifierArithmetic.sum(List.of(Qualifier.EXACT), true));
        assertEquals(Qualifier.MORE_THAN, QualifierArithmetic.sum(List.of(Qualifier.MORE_THAN), true));
        assertEquals(Qualifier.MORE_THAN, QualifierArithmetic.sum(List.of(Qualifier.EXACT, Qualifier.MORE_THAN), false));
        assertNull(QualifierArithmetic.sum(List.of(Qualifier.AT_MOST), true));
        assertNull(QualifierArithmetic.sum(List.of(Qualifier.APPROXIMATE), true));
        assertNull(QualifierArithmetic.sum(List.of(), false));
    }

    @Test
    void aBoundOnTheStartBoundsTheChangeTheOtherWay() {
        // More than 1870 at the start, exactly 2000 at the end: the rise is less than 130.
        assertEquals(Qualifier.LESS_THAN, QualifierArithmetic.difference(Qualifier.EXACT, Qualifier.MORE_THAN));
        assertEquals(Qualifier.MORE_THAN, QualifierArithmetic.difference(Qualifier.MORE_THAN, Qualifier.EXACT));
        assertNull(QualifierArithmetic.difference(Qualifier.MORE_THAN, Qualifier.MORE_THAN));
        assertEquals(Qualifier.EXACT, QualifierArithmetic.difference(Qualifier.EXACT, Qualifier.EXACT));
    }

    private static Qualifier cell(String text) {
        return text.equals("—") ? null : Qualifier.valueOf(text);
    }

    /** The rows of the docs/analytics.md table whose header starts with {@code header}, cells trimmed. */
    private static List<String[]> table(String header) throws IOException {
        List<String> lines = Files.readAllLines(Path.of("docs/analytics.md"), StandardCharsets.UTF_8);
        int start = -1;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith(header)) {
                start = i;
            }
        }
        if (start < 0) {
            throw new AssertionError("docs/analytics.md has no table starting " + header);
        }
        String[] columns = cells(lines.get(start));
        assertEquals(Arrays.stream(Qualifier.values()).map(Enum::name).toList(),
                Arrays.asList(columns).subList(1, columns.length), "the table's columns");
        List<String[]> rows = new ArrayList<>();
        for (int i = start + 2; i < lines.size() && lines.get(i).startsWith("|"); i++) {
            rows.add(cells(lines.get(i)));
        }
        return rows;
    }

    private static String[] cells(String line) {
        String inner = line.strip().substring(1, line.strip().length() - 1);
        return Arrays.stream(inner.split("\\|")).map(String::strip).toArray(String[]::new);
    }
}
