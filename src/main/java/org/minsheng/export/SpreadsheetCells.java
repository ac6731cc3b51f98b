package org.minsheng.export;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Text cells made safe to open in a spreadsheet (OWASP's CSV injection advice): a cell that begins
 * with {@code =}, {@code +}, {@code -}, {@code @}, a tab or a carriage return would be read as a
 * formula, so it gets a leading apostrophe, which spreadsheets show as text. A cell that is a plain
 * number ({@code -2}, {@code -0.5}) is no formula and is left as it is; numeric columns are never
 * passed here.
 */
public final class SpreadsheetCells {

    private static final Pattern PLAIN_NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?");

    private SpreadsheetCells() {
    }

    /** {@code text}, with a leading apostrophe when a spreadsheet would take it for a formula. */
    public static String neutralised(String text) {
        if (text == null || text.isEmpty() || !startsAFormula(text.charAt(0)) || PLAIN_NUMBER.matcher(text).matches()) {
            return text;
        }
        return "'" + text;
    }

    private static boolean startsAFormula(char first) {
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r';
    }

    /** Every text cell of a figure neutralised; the value, a number, as it is. */
    public static ExportRow neutralised(ExportRow row) {
        return new ExportRow(neutralised(row.indicatorCode()), neutralised(row.indicatorName()),
                neutralised(row.regionCode()), neutralised(row.regionName()), neutralised(row.regionLevel()),
                neutralised(row.periodStart()), neutralised(row.periodEnd()), neutralised(row.periodLabel()),
                row.value(), neutralised(row.qualifier()), neutralised(row.status()), row.precision(), neutralised(row.unit()),
                neutralised(row.display()),
                neutralised(row.source()), neutralised(row.quote()), neutralised(row.note()));
    }

    /** The cells of an SDMX-CSV row neutralised, but for the value column ({@code OBS_VALUE}). */
    public static List<String> neutralised(List<String> cells, int valueColumn) {
        return java.util.stream.IntStream.range(0, cells.size())
                .mapToObj(i -> i == valueColumn ? cells.get(i) : neutralised(cells.get(i))).toList();
    }
}
