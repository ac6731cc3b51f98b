package org.minsheng.indicator;

import org.eclipse.microprofile.graphql.DefaultValue;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;
import org.minsheng.graphql.OrderDirection;
import org.minsheng.persistence.Keyset;

@Input("IndicatorOrder")
@Description("An order of indicators: a field and a direction. Ties are broken by the code, so paging with "
        + "cursors neither repeats nor skips a row.")
public class IndicatorOrder {

    @NonNull
    @Description("What to order by.")
    public IndicatorOrderField field;

    @DefaultValue("ASC")
    @Description("ASC (the default) or DESC.")
    public OrderDirection direction;

    private static final Keyset.Column<Indicator> CODE = Keyset.text("i.code", Indicator::code);
    private static final Keyset.Column<Indicator> NAME = Keyset.text("i.nameKey", Indicator::nameKey);

    /** The default order: by code. */
    static final Keyset<Indicator> BY_CODE = Keyset.byKey(CODE);

    /** The keyset of {@code order}, null meaning by code. */
    static Keyset<Indicator> keyset(IndicatorOrder order) {
        if (order == null) {
            return BY_CODE;
        }
        return Keyset.codeOrName(order.field == IndicatorOrderField.NAME, OrderDirection.descending(order.direction), CODE,
                NAME);
    }

    @Description("What indicators can be ordered by.")
    public enum IndicatorOrderField {
        @Description("By code.")
        CODE,
        @Description("By the Chinese name in pinyin, letters only, without tones (the order of a Chinese dictionary's "
                + "index, the same on every database), then by code.")
        NAME
    }
}
