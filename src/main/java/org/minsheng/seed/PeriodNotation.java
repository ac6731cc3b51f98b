package org.minsheng.seed;

import java.time.LocalDate;
import java.time.Year;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

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

    private PeriodNotation() {
    }

    /** The interval the notation stands for; IllegalArgumentException with the reason otherwise. */
    static Interval parse(String text) {
        String[] parts = text.split("/", -1);
        if (parts.length > 2) {
            throw new IllegalArgumentException("period \"" + text + "\" has more than one \"/\"");
        }
        Interval first = unit(parts[0], text);
        Interval last = parts.length == 2 ? unit(parts[1], text) : first;
        if (last.end().isBefore(first.start())) {
            throw new IllegalArgumentException("period \"" + text + "\" ends before it starts");
        }
        return new Interval(first.start(), last.end());
    }

    private static Interval unit(String part, String whole) {
        try {
            if (YEAR.matcher(part).matches()) {
                Year year = Year.parse(part);
                return new Interval(year.atDay(1), year.atMonth(12).atEndOfMonth());
            }
            if (MONTH.matcher(part).matches()) {
                YearMonth month = YearMonth.parse(part);
                return new Interval(month.atDay(1), month.atEndOfMonth());
            }
            if (DAY.matcher(part).matches()) {
                LocalDate day = LocalDate.parse(part);
                return new Interval(day, day);
            }
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("period \"" + whole + "\": \"" + part + "\" is not a valid date");
        }
        throw new IllegalArgumentException("period \"" + whole + "\" is not YYYY, YYYY-MM, YYYY-MM-DD or start/end");
    }
}
