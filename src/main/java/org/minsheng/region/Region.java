package org.minsheng.region;

import java.util.Objects;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.minsheng.graphql.GlobalId;
import org.minsheng.graphql.Node;

@Name("Region")
@Description("A statistical division of the province: the province itself, a prefecture-level city or league, "
        + "a county-level unit, or a township-level unit. Codes follow the National Bureau of Statistics' "
        + "statistical division code, 2023 edition.")
public record Region(
        @NonNull @Description("Statistical division code: 6 digits down to county level, 9 digits for townships.") String code,
        @Ignore String name,
        @Description("English name: the established form where one exists, else the pinyin romanisation; "
                + "null where neither is in the seed data.") String nameEn,
        @NonNull @Description("Level in the division tree.") RegionLevel level,
        @NonNull @Description("True for units that exist only in the statistical code (development zones, "
                + "management areas), not as administrative divisions in GB/T 2260.") boolean statisticalOnly,
        @Ignore String parentCode,
        @Ignore String nameKey,
        @Ignore String namePinyin,
        @NonNull @Description("Raised by every update: an update or delete names the version it read.") int version)
        implements
            Node {

    public static final String TYPE = "Region";

    @Override
    @Id
    @NonNull
    @Description("Opaque global ID of this region, stable across restarts.")
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
