package org.minsheng.observation;

import org.eclipse.microprofile.graphql.DefaultValue;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;
import org.minsheng.graphql.OrderDirection;
import org.minsheng.persistence.Keyset;

@Input("ObservationOrder")
@Description("An order of observations: a field and a direction. Ties are broken by load order (ID), so paging with "
        + "cursors neither repeats nor skips a row.")
public class ObservationOrder {

    @NonNull
    @Description("What to order by.")
    public ObservationOrderField field;

    @DefaultValue("ASC")
    @Description("ASC (the default) or DESC.")
    public OrderDirection direction;

    private static final Keyset.Column<Observation> ID = Keyset.number("o.id", Observation::key);

    /** The default order: load order, by ID. */
    static final Keyset<Observation> BY_ID = Keyset.byKey(ID);

    /** The keyset of {@code order}, null meaning load order. */
    static Keyset<Observation> keyset(ObservationOrder order) {
        if (order == null) {
            return BY_ID;
        }
        boolean descending = OrderDirection.descending(order.direction);
        String name = Keyset.name(order.field, descending);
        return switch (order.field) {
            case PERIOD_END -> Keyset.of(name, descending,
                    Keyset.date("o.periodEnd", (Observation o) -> o.period().end()), ID);
            case VALUE -> Keyset.of(name, descending, Keyset.decimal("o.value", Observation::value), ID);
            case REGION_CODE -> Keyset.of(name, descending, Keyset.text("o.regionCode", Observation::regionCode), ID);
            case INDICATOR_CODE -> Keyset.of(name, descending,
                    Keyset.text("o.indicatorCode", Observation::indicatorCode), ID);
        };
    }

    @Description("What observations can be ordered by.")
    public enum ObservationOrderField {
        @Description("By the last day of the period.")
        PERIOD_END,
        @Description("By the value in the base unit, whatever the qualifier (MORE_THAN 1870 sorts as 1870).")
        VALUE,
        @Description("By the region's code.")
        REGION_CODE,
        @Description("By the indicator's code.")
        INDICATOR_CODE
    }
}
