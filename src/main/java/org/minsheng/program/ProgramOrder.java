package org.minsheng.program;

import org.eclipse.microprofile.graphql.DefaultValue;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;
import org.minsheng.graphql.OrderDirection;
import org.minsheng.persistence.Keyset;

@Input("ProgramOrder")
@Description("An order of programmes: a field and a direction. Ties are broken by the code, so paging with "
        + "cursors neither repeats nor skips a row.")
public class ProgramOrder {

    @NonNull
    @Description("What to order by.")
    public ProgramOrderField field;

    @DefaultValue("ASC")
    @Description("ASC (the default) or DESC.")
    public OrderDirection direction;

    private static final Keyset.Column<Program> CODE = Keyset.text("p.code", Program::code);
    private static final Keyset.Column<Program> NAME = Keyset.text("p.nameKey", Program::nameKey);

    /** The default order: by code. */
    static final Keyset<Program> BY_CODE = Keyset.byKey(CODE);

    /** The keyset of {@code order}, null meaning by code. */
    static Keyset<Program> keyset(ProgramOrder order) {
        if (order == null) {
            return BY_CODE;
        }
        return Keyset.codeOrName(order.field == ProgramOrderField.NAME, OrderDirection.descending(order.direction), CODE, NAME);
    }

    @Description("What programmes can be ordered by.")
    public enum ProgramOrderField {
        @Description("By code.")
        CODE,
        @Description("By the Chinese name in pinyin, letters only, without tones (the order of a Chinese dictionary's "
                + "index, the same on every database), then by code.")
        NAME
    }
}
