package org.minsheng.source;

import org.eclipse.microprofile.graphql.DefaultValue;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;
import org.minsheng.graphql.OrderDirection;
import org.minsheng.persistence.Keyset;

@Input("SourceOrder")
@Description("An order of sources: a field and a direction. Ties are broken by the code, so paging with "
        + "cursors neither repeats nor skips a row.")
public class SourceOrder {

    @NonNull
    @Description("What to order by.")
    public SourceOrderField field;

    @DefaultValue("ASC")
    @Description("ASC (the default) or DESC.")
    public OrderDirection direction;

    private static final Keyset.Column<SourceDocument> CODE = Keyset.text("s.code", SourceDocument::code);

    /** The default order: by code. */
    static final Keyset<SourceDocument> BY_CODE = Keyset.byKey(CODE);

    /** The keyset of {@code order}, null meaning by code. */
    static Keyset<SourceDocument> keyset(SourceOrder order) {
        if (order == null) {
            return BY_CODE;
        }
        boolean descending = OrderDirection.descending(order.direction);
        return switch (order.field) {
            case CODE -> Keyset.byKey(Keyset.name(order.field, descending), descending, CODE);
        };
    }

    @Description("What sources can be ordered by.")
    public enum SourceOrderField {
        @Description("By code.")
        CODE
    }
}
