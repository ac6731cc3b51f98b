package org.minsheng.observation;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.minsheng.indicator.UnitOfMeasure;

/**
 * Whether a quote states its figure: where a written form of the value stands in the text ("20.1万"
 * for 201000 persons, not inside "120.1万"), and which qualifier the words around it express. A quote
 * that is a row of a county table ("150302,海勃湾区,339155") states a figure when one of its cells is the
 * value, a share written as a fraction (0.1622 for 16.22 %).
 */
public final class QuoteCheck {

    private static final BigDecimal WAN = BigDecimal.valueOf(10_000);
    private static final BigDecimal YI = BigDecimal.valueOf(100_000_000);

    /** Where a qualifier word stands relative to the figure. */
    enum Place {
        /** the first character after the figure (1870余家, 20多位) */
        RIGHT_AFTER,
        /** within the five characters after the figure (240万人以上) */
        AFTER,
        /** right before the figure (约20万) */
        RIGHT_BEFORE,
        /** within the four characters before the figure (至少建成1所) */
        BEFORE
    }

    /** A word that qualifies a figure where it stands. */
    record Rule(String word, Place place, Qualifier qualifier) {
    }

    /**
     * Every word the loader reads, in the order it tries them: the first that matches decides, so
     * a longer word comes before a shorter word it contains (不超过 before 超过, 不少于 before 少于).
     * No word matching: EXACT. seeds/README.md lists the same table (a test compares them).
     */
    static final List<Rule> RULES = List.of(
            new Rule("余", Place.RIGHT_AFTER, Qualifier.MORE_THAN),
            new Rule("多", Place.RIGHT_AFTER, Qualifier.MORE_THAN),
            new Rule("不超过", Place.BEFORE, Qualifier.AT_MOST),
            new Rule("至多", Place.BEFORE, Qualifier.AT_MOST),
            new Rule("最多", Place.BEFORE, Qualifier.AT_MOST),
            new Rule("超过", Place.BEFORE, Qualifier.MORE_THAN),
            new Rule("逾", Place.BEFORE, Qualifier.MORE_THAN),
            new Rule("多于", Place.BEFORE, Qualifier.MORE_THAN),
            new Rule("以上", Place.AFTER, Qualifier.AT_LEAST),
            new Rule("至少", Place.BEFORE, Qualifier.AT_LEAST),
            new Rule("不少于", Place.BEFORE, Qualifier.AT_LEAST),
            new Rule("不低于", Place.BEFORE, Qualifier.AT_LEAST),
            new Rule("约", Place.RIGHT_BEFORE, Qualifier.APPROXIMATE),
            new Rule("大约", Place.RIGHT_BEFORE, Qualifier.APPROXIMATE),
            new Rule("左右", Place.AFTER, Qualifier.APPROXIMATE),
            new Rule("不足", Place.BEFORE, Qualifier.LESS_THAN),
            new Rule("不到", Place.BEFORE, Qualifier.LESS_THAN),
            new Rule("少于", Place.BEFORE, Qualifier.LESS_THAN),
            new Rule("近", Place.RIGHT_BEFORE, Qualifier.LESS_THAN));

    private QuoteCheck() {
    }

    /** Where a written form of the figure stands in a text, not as part of a longer number. */
    public record Occurrence(String form, int start, int end) {
    }

    /**
     * Every way a text may write {@code value} in {@code unit}: "201000", "201,000", "20.1万";
     * with a percent sign for percentages.
     */
    public static List<String> writtenForms(BigDecimal value, UnitOfMeasure unit) {
        Set<String> numbers = new LinkedHashSet<>();
        numbers.add(FigureFormat.plain(value));
        numbers.add(FigureFormat.grouped(value));
        if (value.abs().compareTo(WAN) >= 0) {
            numbers.add(FigureFormat.plain(value.divide(WAN)) + "万");
        }
        if (value.abs().compareTo(YI) >= 0) {
            numbers.add(FigureFormat.plain(value.divide(YI)) + "亿");
        }
        if (!unit.isPercent()) {
            return List.copyOf(numbers);
        }
        List<String> percents = new ArrayList<>();
        for (String number : numbers) {
            percents.add(number + "%");
            percents.add(number + "％");
        }
        return percents;
    }

    public static List<Occurrence> find(String text, BigDecimal value, UnitOfMeasure unit) {
        List<Occurrence> found = new ArrayList<>();
        for (String form : writtenForms(value, unit)) {
            for (int at = text.indexOf(form); at >= 0; at = text.indexOf(form, at + 1)) {
                int end = at + form.length();
                if (standsAlone(text, at, end, form)) {
                    found.add(new Occurrence(form, at, end));
                }
            }
        }
        return found;
    }

    private static boolean standsAlone(String text, int start, int end, String form) {
        if (start > 0 && isNumberChar(text.charAt(start - 1))) {
            return false;
        }
        if (end >= text.length()) {
            return true;
        }
        char next = text.charAt(end);
        boolean endsInDigit = Character.isDigit(form.charAt(form.length() - 1));
        return !(isNumberChar(next) || (endsInDigit && (next == '万' || next == '亿' || next == '%' || next == '％')));
    }

    private static boolean isNumberChar(char c) {
        return Character.isDigit(c) || c == '.' || c == ',';
    }

    /** The qualifier that the words around a figure express: the first of {@link #RULES} that matches. */
    static Qualifier qualifierAround(String text, Occurrence occurrence) {
        String before = text.substring(Math.max(0, occurrence.start() - 4), occurrence.start());
        String after = text.substring(occurrence.end(), Math.min(text.length(), occurrence.end() + 5));
        for (Rule rule : RULES) {
            boolean matches = switch (rule.place()) {
                case RIGHT_AFTER -> after.startsWith(rule.word());
                case AFTER -> after.contains(rule.word());
                case RIGHT_BEFORE -> before.endsWith(rule.word());
                case BEFORE -> before.contains(rule.word());
            };
            if (matches) {
                return rule.qualifier();
            }
        }
        return Qualifier.EXACT;
    }

    /** A row of a county table: its six-digit code, its name, then cells; one line. */
    private static final Pattern TABLE_ROW = Pattern.compile("\\d{6},[^,\\n]+(,[^,\\n]*)+");

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    /** Whether the quote is a row of a county table rather than a sentence. */
    public static boolean isTableRow(String quote) {
        return quote != null && TABLE_ROW.matcher(quote).matches();
    }

    /**
     * Checks that {@code quote} states the figure with a matching qualifier; the reason when it does
     * not. A DERIVED figure's quote holds what it was computed from, not the figure: its note says how.
     */
    public static Optional<String> check(String quote, BigDecimal value, Qualifier qualifier, ObservationStatus status,
            UnitOfMeasure unit) {
        if (status == ObservationStatus.DERIVED) {
            return Optional.empty();
        }
        if (isTableRow(quote)) {
            if (tableCell(quote, value, unit) == null) {
                return Optional.of("the table row does not hold the figure " + value.toPlainString() + " " + unit.name()
                        + (unit.isPercent() ? " (looked for a cell of " + FigureFormat.plain(value.divide(HUNDRED))
                                + " or " + FigureFormat.plain(value) + ")" : ""));
            }
            return qualifier == Qualifier.EXACT ? Optional.empty()
                    : Optional.of("qualifier " + qualifier + " does not match the table row, which states its cells "
                            + "exactly (EXACT)");
        }
        return check(quote, value, qualifier, unit);
    }

    /** The cell of a table row that holds the value (a share as a fraction), or null. */
    private static String tableCell(String row, BigDecimal value, UnitOfMeasure unit) {
        String[] cells = row.split(",", -1);
        for (int i = 2; i < cells.length; i++) {
            BigDecimal cell;
            try {
                cell = new BigDecimal(cells[i].strip());
            } catch (NumberFormatException e) {
                continue;
            }
            if (cell.compareTo(value) == 0 || (unit.isPercent() && cell.multiply(HUNDRED).compareTo(value) == 0)) {
                return cells[i].strip();
            }
        }
        return null;
    }

    /**
     * The decimals the quote writes the figure with, in the base unit: 1 for "98.2%", 0 for "3000",
     * -3 for "20.1万" (201000, to the thousand); for a table row, its cell's (a fraction's decimals less
     * two for a percentage). Null for a derived figure or one the quote does not state.
     */
    public static Integer precision(String quote, BigDecimal value, ObservationStatus status, UnitOfMeasure unit) {
        if (status == ObservationStatus.DERIVED) {
            return null;
        }
        if (isTableRow(quote)) {
            String cell = tableCell(quote, value, unit);
            if (cell == null) {
                return null;
            }
            BigDecimal written = new BigDecimal(cell);
            int decimals = Math.max(0, written.scale());
            // A cell that is not the value itself is its fraction (tableCell): two decimals fewer as a percentage.
            return written.compareTo(value) == 0 ? decimals : decimals - 2;
        }
        List<Occurrence> found = find(quote, value, unit);
        if (found.isEmpty()) {
            return null;
        }
        String form = found.get(0).form().replace("%", "").replace("％", "").replace(",", "");
        int shift = form.endsWith("亿") ? 8 : form.endsWith("万") ? 4 : 0;
        String number = shift == 0 ? form : form.substring(0, form.length() - 1);
        return Math.max(0, new BigDecimal(number).scale()) - shift;
    }

    /** Checks that {@code quote} states the figure with a matching qualifier; the reason when it does not. */
    public static Optional<String> check(String quote, BigDecimal value, Qualifier qualifier, UnitOfMeasure unit) {
        List<Occurrence> found = find(quote, value, unit);
        if (found.isEmpty()) {
            return Optional.of("quote does not contain the figure " + value.toPlainString() + " " + unit.name()
                    + " (looked for " + String.join(", ", writtenForms(value, unit).stream()
                            .filter(f -> !f.endsWith("％")).toList())
                    + ")");
        }
        for (Occurrence occurrence : found) {
            if (qualifierAround(quote, occurrence) == qualifier) {
                return Optional.empty();
            }
        }
        Occurrence first = found.get(0);
        return Optional.of("qualifier " + qualifier + " does not match the quote, which writes \""
                + quote.substring(Math.max(0, first.start() - 4), Math.min(quote.length(), first.end() + 5))
                + "\" (" + qualifierAround(quote, first) + ")");
    }
}
