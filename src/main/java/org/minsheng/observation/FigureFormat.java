package org.minsheng.observation;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

import org.minsheng.indicator.UnitOfMeasure;
import org.minsheng.vocabulary.Language;

/**
 * How figures are written for display: derived from the exact value, never stored ("20.1万人",
 * "1870余家", "more than 1,870 institutions").
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

    /** The value without trailing zeros or exponent: "201000", "98.2". */
    public static String plain(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return (stripped.scale() < 0 ? stripped.setScale(0, RoundingMode.UNNECESSARY) : stripped).toPlainString();
    }

    /** The value with thousands separators: "201,000". */
    public static String grouped(BigDecimal value) {
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
