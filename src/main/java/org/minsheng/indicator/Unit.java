package org.minsheng.indicator;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;

@Name("Unit")
@Description("The unit an indicator's values are stored in; values are always in this base unit "
        + "(201000 persons, not 20.1 ten-thousands).")
public record Unit(
        @NonNull @Description("Stable code: PERSON, PERSON_TIME, PERCENT, PERCENTAGE_POINT, YUAN, SQUARE_METRE, ITEM.") String code,
        @Description("Short symbol where one is usual (%, pp, ¥, m²); null otherwise.") String symbol,
        @NonNull @Description("English name of the unit, singular.") String name,
        @NonNull @Description("Chinese name of the unit.") String nameZh) {
}
