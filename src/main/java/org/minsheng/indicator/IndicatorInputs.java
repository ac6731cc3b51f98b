package org.minsheng.indicator;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;
import org.minsheng.editing.CodedChange;
import org.minsheng.editing.MutationInput;
import org.minsheng.vocabulary.Theme;

/** The inputs of the indicator mutations; their limits are those of {@link IndicatorState}. */
public final class IndicatorInputs {

    private IndicatorInputs() {
    }

    @Input("CreateIndicatorInput")
    @Description("A new indicator.")
    public static class Create extends MutationInput {
        @NonNull
        @Description("A dotted code, such as employment.urban_new_jobs.")
        public String code;
        @NonNull
        @Description("The name in Chinese.")
        public String name;
        @Description("The name in English.")
        public String nameEn;
        @Description("What it counts and how, in Chinese.")
        public String description;
        @Description("What it counts and how, in English.")
        public String descriptionEn;
        @NonNull
        @Description("The livelihood domain.")
        public Theme theme;
        @NonNull
        @Description("The unit values are stored in.")
        public UnitOfMeasure unit;
        @Description("The word after a number in Chinese, where the unit's is not right (\"家\").")
        public String counterZh;
        @Description("The word after a number in English, where the unit's is not right.")
        public String counterEn;
        @NonNull
        @Description("Whether values of child regions add up to the parent's.")
        public Boolean additive;
    }

    @Input("UpdateIndicatorInput")
    @Description("Changes to an indicator: the fields given replace the current ones. The unit of an indicator with "
            + "figures cannot change.")
    public static class Update extends CodedChange {
        @Description("A new Chinese name.")
        public String name;
        @Description("A new English name.")
        public String nameEn;
        @Description("A new Chinese description.")
        public String description;
        @Description("A new English description.")
        public String descriptionEn;
        @Description("A new theme.")
        public Theme theme;
        @Description("A new unit.")
        public UnitOfMeasure unit;
        @Description("A new Chinese counter word.")
        public String counterZh;
        @Description("A new English counter word.")
        public String counterEn;
        @Description("Whether values add up.")
        public Boolean additive;
    }

    @Input("DeleteIndicatorInput")
    @Description("An indicator to delete: refused while figures or programmes refer to it.")
    public static class Delete extends CodedChange {
    }
}
