package org.minsheng.observation;

import java.time.LocalDate;
import java.time.YearMonth;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;

@Name("Period")
@Description("The closed date interval a value refers to. A stock as of a date has start = end "
        + "(截至2024年底 is 2024-12-31); a flow covers its interval (2024年 is 2024-01-01 to 2024-12-31).")
public record Period(
        @NonNull @Description("First day of the period, included.") LocalDate start,
        @NonNull @Description("Last day of the period, included.") LocalDate end) {

    @NonNull
    @Description("ISO 8601 label: \"2024\" for a calendar year, \"2025-04\" for a calendar month, \"2024-12-31\" "
            + "for a single day, else \"start/end\".")
    public String getLabel() {
        if (start.equals(end)) {
            return start.toString();
        }
        if (start.getDayOfYear() == 1 && end.equals(start.withDayOfYear(start.lengthOfYear()))) {
            return Integer.toString(start.getYear());
        }
        YearMonth month = YearMonth.from(start);
        if (start.getDayOfMonth() == 1 && end.equals(month.atEndOfMonth())) {
            return month.toString();
        }
        return start + "/" + end;
    }
}
