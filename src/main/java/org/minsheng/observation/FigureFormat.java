package org.minsheng.observation;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.minsheng.indicator.UnitOfMeasure;
import org.minsheng.vocabulary.Language;

/**
 * How figures are written. Display text is derived from the exact value, never stored; the
 * written forms let the seed loader find a figure in its quote ("20.1万" for 201000 persons).
 */
public final class FigureFormat {

    private static final BigDecimal WAN = BigDecimal.valueOf(10_000);
    private static final BigDecimal YI = BigDecimal.valueOf(100_000_000);

    private FigureFormat() {
    }

    /** Display text of a value: "20.1万人", "1870余家", "240万人以上" or "201,000 persons". */
    public static String display(BigDecimal value, Qualifier qualifier, UnitOfMeasure unit, String counterZh,
            String counterEn, Language language) {
        return language == Language.EN
                ? displayEn(value, qualifier, unit, counterEn)
                : displayZh(value, qualifier, unit, counterZh);
    }

    private static String displayZh(BigDecimal value, Qualifier qualifier, UnitOfMeasure unit, String counter) {
        String number = chineseNumber(value);
        boolean symbolic = unit.isPercent() || unit == UnitOfMeasure.PERCENTAGE_POINT;
        return switch (qualifier) {
            case EXACT -> number + counter;
            case APPROXIMATE -> "约" + number + counter;
            case MORE_THAN -> symbolic ? "超过" + number + counter : number + "余" + counter;
            case AT_LEAST -> number + counter + "以上";
            case LESS_THAN -> "不足" + number + counter;
            case AT_MOST -> "不超过" + number + counter;
        };
    }

    private static String displayEn(BigDecimal value, Qualifier qualifier, UnitOfMeasure unit, String counter) {
        String number = grouped(value);
        String amount = unit.isPercent() ? number + "%" : number + " " + singularIfOne(value, counter);
        return switch (qualifier) {
            case EXACT -> amount;
            case APPROXIMATE -> "about " + amount;
            case MORE_THAN -> "more than " + amount;
            case AT_LEAST -> "at least " + amount;
            case LESS_THAN -> "less than " + amount;
            case AT_MOST -> "at most " + amount;
        };
    }

    /** The number as a Chinese text writes it: in 亿 or 万 where that is exact to two decimals. */
    static String chineseNumber(BigDecimal value) {
        BigDecimal abs = value.abs();
        if (abs.compareTo(YI) >= 0 && value.divide(YI).stripTrailingZeros().scale() <= 2) {
            return plain(value.divide(YI)) + "亿";
        }
        if (abs.compareTo(WAN) >= 0 && value.divide(WAN).stripTrailingZeros().scale() <= 2) {
            return plain(value.divide(WAN)) + "万";
        }
        return plain(value);
    }

    /**
     * Every way a text may write {@code value} in {@code unit}: "201000", "201,000", "20.1万";
     * with a percent sign for percentages.
     */
    public static List<String> writtenForms(BigDecimal value, UnitOfMeasure unit) {
        Set<String> numbers = new LinkedHashSet<>();
        numbers.add(plain(value));
        numbers.add(grouped(value));
        if (value.abs().compareTo(WAN) >= 0) {
            numbers.add(plain(value.divide(WAN)) + "万");
        }
        if (value.abs().compareTo(YI) >= 0) {
            numbers.add(plain(value.divide(YI)) + "亿");
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

    /** Where a written form of the figure stands in {@code text}, not as part of a longer number. */
    public record Occurrence(String form, int start, int end) {
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

    /**
     * The qualifier that the words around a figure express: 余 or 多 right after it, 超过 before it
     * (MORE_THAN); 以上 after it or 至少, 不少于 before it (AT_LEAST); 约 before or 左右 after it
     * (APPROXIMATE); 不足, 不到 before it (LESS_THAN); 不超过, 至多 before it (AT_MOST).
     */
    public static Qualifier qualifierAround(String text, Occurrence occurrence) {
        String before = text.substring(Math.max(0, occurrence.start() - 4), occurrence.start());
        String after = text.substring(occurrence.end(), Math.min(text.length(), occurrence.end() + 5));
        if (!after.isEmpty() && (after.charAt(0) == '余' || after.charAt(0) == '多')) {
            return Qualifier.MORE_THAN;
        }
        if (containsAny(before, "不超过", "至多", "最多")) {
            return Qualifier.AT_MOST;
        }
        if (containsAny(before, "超过", "逾", "多于")) {
            return Qualifier.MORE_THAN;
        }
        if (after.contains("以上") || containsAny(before, "至少", "不少于", "不低于")) {
            return Qualifier.AT_LEAST;
        }
        if (before.endsWith("约") || before.endsWith("大约") || after.contains("左右")) {
            return Qualifier.APPROXIMATE;
        }
        if (containsAny(before, "不足", "不到", "少于")) {
            return Qualifier.LESS_THAN;
        }
        return Qualifier.EXACT;
    }

    /**
     * Checks that {@code quote} states the figure with a matching qualifier; the reason when it
     * does not.
     */
    public static Optional<String> checkQuote(String quote, BigDecimal value, Qualifier qualifier, UnitOfMeasure unit) {
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

    private static boolean containsAny(String text, String... words) {
        for (String word : words) {
            if (text.contains(word)) {
                return true;
            }
        }
        return false;
    }

    static String plain(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return (stripped.scale() < 0 ? stripped.setScale(0, RoundingMode.UNNECESSARY) : stripped).toPlainString();
    }

    static String grouped(BigDecimal value) {
        DecimalFormat format = new DecimalFormat("#,##0.##########", DecimalFormatSymbols.getInstance(Locale.ROOT));
        format.setParseBigDecimal(true);
        return format.format(value);
    }

    private static String singularIfOne(BigDecimal value, String counter) {
        if (value.compareTo(BigDecimal.ONE) == 0 && counter.endsWith("s")) {
            return counter.substring(0, counter.length() - 1);
        }
        return counter;
    }
}
