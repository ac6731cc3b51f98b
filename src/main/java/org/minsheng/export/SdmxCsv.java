package org.minsheng.export;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * SDMX-CSV 2.0 rows: the figures as one dataflow, {@code MINSHENG:OBSERVATIONS(1.0)}, with codes as
 * values (the format's default, {@code labels=id}). The dimensions are the indicator, the region
 * ({@code REF_AREA}), the period ({@code TIME_PERIOD}) and the source, so that no two rows share a
 * key; the measure is {@code OBS_VALUE}, in the unit {@code UNIT_MEASURE}. The qualifier travels in
 * the attribute {@code OBS_QUALIFIER} (Minsheng's codes: {@code EXACT}, {@code MORE_THAN}, …), not in
 * {@code OBS_STATUS}, whose SDMX code list has no bounds; the quote in {@code COMMENT_OBS}. How the
 * figure was made is in {@code OBS_STATUS} as far as the SDMX code list CL_OBS_STATUS allows it
 * ({@code A} normal value for a count or a reported figure, {@code E} estimated value for a sample
 * estimate or a derived figure) and exactly in {@code FIGURE_STATUS} (Minsheng's codes); the decimals
 * it was published with in {@code DECIMALS}.
 */
public final class SdmxCsv {

    public static final String STRUCTURE_ID = "MINSHENG:OBSERVATIONS(1.0)";

    public static final List<String> COLUMNS = List.of("STRUCTURE", "STRUCTURE_ID", "ACTION", "INDICATOR", "REF_AREA",
            "TIME_PERIOD", "SOURCE", "OBS_VALUE", "UNIT_MEASURE", "OBS_QUALIFIER", "OBS_STATUS", "FIGURE_STATUS", "DECIMALS",
            "COMMENT_OBS");

    /** The position of {@code OBS_VALUE}, the one numeric column. */
    public static final int VALUE_COLUMN = COLUMNS.indexOf("OBS_VALUE");

    private SdmxCsv() {
    }

    /** One figure as the values of {@link #COLUMNS}; {@code I} (information) is the action of an export. */
    public static List<String> row(ExportRow row) {
        return List.of("dataflow", STRUCTURE_ID, "I", row.indicatorCode(), row.regionCode(),
                timePeriod(LocalDate.parse(row.periodStart()), LocalDate.parse(row.periodEnd())), row.source(),
                row.value().toPlainString(), row.unit(), row.qualifier(), obsStatus(row.status()), row.status(),
                row.precision() == null ? "" : row.precision().toString(), row.quote() == null ? "" : row.quote());
    }

    /** The CL_OBS_STATUS code of a figure's status: E (estimated) for a sample estimate or a derived figure, else A. */
    static String obsStatus(String status) {
        return switch (status) {
            case "SAMPLE_ESTIMATE", "DERIVED" -> "E";
            default -> "A";
        };
    }

    /**
     * The SDMX time period of a span of days: a year ({@code 2024}), a half ({@code 2024-S1}), a
     * quarter ({@code 2024-Q3}), a month ({@code 2024-03}), a day ({@code 2024-03-01}), or else a
     * time range from its first day ({@code 2024-01-01/P45D}).
     */
    public static String timePeriod(LocalDate start, LocalDate end) {
        if (start.equals(end)) {
            return start.toString();
        }
        boolean wholeMonths = start.getDayOfMonth() == 1 && end.equals(end.withDayOfMonth(end.lengthOfMonth()))
                && start.getYear() == end.getYear();
        if (wholeMonths) {
            int months = end.getMonthValue() - start.getMonthValue() + 1;
            int first = start.getMonthValue();
            if (months == 12) {
                return Integer.toString(start.getYear());
            }
            if (months == 6 && (first - 1) % 6 == 0) {
                return start.getYear() + "-S" + ((first - 1) / 6 + 1);
            }
            if (months == 3 && (first - 1) % 3 == 0) {
                return start.getYear() + "-Q" + ((first - 1) / 3 + 1);
            }
            if (months == 1) {
                return String.format("%d-%02d", start.getYear(), first);
            }
        }
        return start + "/P" + (ChronoUnit.DAYS.between(start, end) + 1) + "D";
    }
}
