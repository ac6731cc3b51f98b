package org.minsheng.indicator;

import java.util.Objects;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.minsheng.graphql.GlobalId;
import org.minsheng.graphql.Node;
import org.minsheng.vocabulary.Theme;

@Name("Indicator")
@Description("What a figure measures, such as new urban jobs or the coverage of home and community elderly care. "
        + "One indicator is reused across regions and periods.")
public record Indicator(
        @NonNull @Description("Stable dotted code, e.g. employment.urban_new_jobs.") String code,
        @Ignore String name,
        @Description("English name.") String nameEn,
        @Ignore String description,
        @Description("What the indicator counts and how, in English.") String descriptionEn,
        @NonNull @Description("The livelihood domain it belongs to.") Theme theme,
        @NonNull @Description("The unit its values are stored in.") Unit unit,
        @NonNull @Description("Whether values of child regions add up to the parent's value (true for counts "
                + "of people or places, false for rates and shares).") boolean additive,
        @Ignore UnitOfMeasure unitOfMeasure,
        @Ignore String counterZh,
        @Ignore String counterEn,
        @Ignore String nameKey,
        @Ignore String namePinyin,
        @NonNull @Description("Raised by every update: an update or delete names the version it read.") int version)
        implements
            Node {

    public static final String TYPE = "Indicator";

    @Override
    @Id
    @NonNull
    @Description("Opaque global ID of this indicator, stable across restarts.")
    public String getId() {
        return GlobalId.encode(TYPE, code);
    }

    /**
     * The hash of its code alone (equal records have equal codes): a batched field keys its loads by the
     * parent record, and the record's own hash would read every name and text it holds.
     */
    @Override
    public int hashCode() {
        return Objects.hashCode(code);
    }
}
