package org.minsheng.region;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;
import org.minsheng.editing.CodedChange;
import org.minsheng.editing.MutationInput;

/** The inputs of the region mutations; their limits are those of {@link RegionState}. */
public final class RegionInputs {

    private RegionInputs() {
    }

    @Input("CreateRegionInput")
    @Description("A new division: its code extends its parent's, and its level is the one its code stands for.")
    public static class Create extends MutationInput {
        @NonNull
        @Description("The statistical division code: 6 digits, or 9 for a township.")
        public String code;
        @NonNull
        @Description("The name in Chinese.")
        public String name;
        @Description("The name in English.")
        public String nameEn;
        @NonNull
        @Description("Its level.")
        public RegionLevel level;
        @Description("The code of the division it belongs to; none for a province.")
        public String parentCode;
        @Description("Whether it exists for statistics only (a development zone), not as an administrative division; "
                + "false when left out.")
        public Boolean statisticalOnly;
    }

    @Input("UpdateRegionInput")
    @Description("Changes to a region's names or kind; its code and place in the tree do not change.")
    public static class Update extends CodedChange {
        @Description("A fixed Chinese name.")
        public String name;
        @Description("An English name.")
        public String nameEn;
        @Description("Whether it exists for statistics only.")
        public Boolean statisticalOnly;
    }
}
