package org.minsheng.region;

import org.eclipse.microprofile.graphql.DefaultValue;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;
import org.minsheng.graphql.OrderDirection;
import org.minsheng.persistence.Keyset;

@Input("RegionOrder")
@Description("An order of regions: a field and a direction. Ties are broken by the code, so paging with "
        + "cursors neither repeats nor skips a row.")
public class RegionOrder {

    @NonNull
    @Description("What to order by.")
    public RegionOrderField field;

    @DefaultValue("ASC")
    @Description("ASC (the default) or DESC.")
    public OrderDirection direction;

    private static final Keyset.Column<Region> CODE = Keyset.text("r.code", Region::code);
    private static final Keyset.Column<Region> NAME = Keyset.text("r.nameKey", Region::nameKey);

    /** The default order: by code. */
    static final Keyset<Region> BY_CODE = Keyset.byKey(CODE);

    /** The keyset of {@code order}, null meaning by code. */
    static Keyset<Region> keyset(RegionOrder order) {
        if (order == null) {
            return BY_CODE;
        }
        return Keyset.codeOrName(order.field == RegionOrderField.NAME, OrderDirection.descending(order.direction), CODE, NAME);
    }

    @Description("What regions can be ordered by.")
    public enum RegionOrderField {
        @Description("By code.")
        CODE,
        @Description("By the Chinese name in pinyin, letters only, without tones (the order of a Chinese dictionary's "
                + "index, the same on every database), then by code.")
        NAME
    }
}
