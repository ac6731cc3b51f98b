package org.minsheng.region;

import org.eclipse.microprofile.graphql.Description;

import io.quarkus.runtime.annotations.RegisterForReflection;

@Description("Level of a statistical division in the region tree.")
@RegisterForReflection
public enum RegionLevel {
    @Description("Province-level unit (省级): the autonomous region itself. Code of 6 digits ending in 0000.")
    PROVINCE,
    @Description("Prefecture-level unit (地级): city or league. Code of 6 digits ending in 00.")
    PREFECTURE,
    @Description("County-level unit (县级): district, county, banner, county-level city, or a statistics-only zone. Code of 6 digits.")
    COUNTY,
    @Description("Township-level unit (乡级): town, township, sumu, subdistrict, or a unit similar to a township. Code of 9 digits.")
    TOWNSHIP
}
