package org.minsheng.config;

import io.quarkus.runtime.annotations.RegisterForReflection;
import org.minsheng.indicator.UnitOfMeasure;
import org.minsheng.observation.Qualifier;
import org.minsheng.program.ProgramKind;
import org.minsheng.region.RegionLevel;
import org.minsheng.source.DatePrecision;
import org.minsheng.vocabulary.Theme;

/**
 * Types that Jackson reads from the seed bundle by reflection and that nothing else registers
 * for the native image (the bundle's definition records carry their own annotation).
 */
@RegisterForReflection(targets = {Theme.class, UnitOfMeasure.class, ProgramKind.class, DatePrecision.class,
        Qualifier.class, RegionLevel.class})
public final class NativeReflection {

    private NativeReflection() {
    }
}
