package org.minsheng.seed;

import java.time.LocalDate;
import java.time.Year;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

import org.minsheng.source.DatePrecision;

/**
 * The period notation of observations.csv, ISO 8601 based: {@code 2024} (the year),
 * {@code 2025-04} (the month), {@code 2024-12-31} (that day: a stock as of that date), or
 * {@code start/end} with either side in any of these forms, from the first day of the start to
 * the last day of the end ({@code 2023/2025-03} is 2023-01-01 to 2025-03-31).
 */
final class PeriodNotation {

    private static final Pattern YEAR = Pattern.compile("\\d{4}");
    private static final Pattern MONTH = Pattern.compile("\\d{4}-\\d{2}");
    private static final Pattern DAY = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    record Interval(LocalDate start, LocalDate end) {
    }

    /** A date known to the day, month or year: {@code 2024-04-01}, {@code 2024-04}, {@code 2024}. */
    record PartialDate(Interval span, DatePrecision precision) {
    }

    private PeriodNotation() {
    }

    /** The interval the notation stands for; IllegalArgumentException with the reason otherwise. */
    static Interval parse(String text) {
        String[] parts = text.split("/", -1);
        if (parts.length > 2) {
            throw new IllegalArgumentException("has more than one \"/\"");
        }
        Interval first = unit(parts[0]);
        Interval last = parts.length == 2 ? unit(parts[1]) : first;
        if (last.end().isBefore(first.start())) {
            throw new IllegalArgumentException("ends before it starts");
        }
        return new Interval(first.start(), last.end());
    }

    private static Interval unit(String part) {
        try {
            return partial(part).span();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("is not YYYY, YYYY-MM, YYYY-MM-DD or start/end");
        }
    }

    /** Parses a partial date; IllegalArgumentException with the reason otherwise. */
    static PartialDate partial(String text) {
        try {
            if (YEAR.matcher(text).matches()) {
                Year year = Year.parse(text);
                return new PartialDate(new Interval(year.atDay(1), year.atMonth(12).atEndOfMonth()), DatePrecision.YEAR);
            }
            if (MONTH.matcher(text).matches()) {
                YearMonth month = YearMonth.parse(text);
                return new PartialDate(new Interval(month.atDay(1), month.atEndOfMonth()), DatePrecision.MONTH);
            }
            if (DAY.matcher(text).matches()) {
                LocalDate day = LocalDate.parse(text);
                return new PartialDate(new Interval(day, day), DatePrecision.DAY);
            }
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("is not a valid date");
        }
        throw new IllegalArgumentException("is not YYYY, YYYY-MM or YYYY-MM-DD");
    }
}
