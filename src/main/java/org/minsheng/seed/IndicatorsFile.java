package org.minsheng.seed;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.minsheng.seed.SeedBundle.IndicatorDef;

/** indicators.yaml: what the figures measure. */
final class IndicatorsFile {

    static final String NAME = "indicators.yaml";

    private static final Pattern CODE = Pattern.compile("[a-z][a-z0-9_]*(\\.[a-z0-9_]+)+");

    private IndicatorsFile() {
    }

    static Map<String, Located<IndicatorDef>> read(String text, List<Problem> problems) {
        Map<String, Located<IndicatorDef>> indicators = YamlList.definitions(NAME, text, IndicatorDef.class,
                IndicatorDef::code, CODE, "a dotted code such as employment.urban_new_jobs", problems);
        indicators.values().forEach(located -> {
            IndicatorDef indicator = located.row();
            int line = located.line();
            YamlList.require(NAME, located, indicator.code(), "name", indicator.name(), problems);
            YamlList.require(NAME, located, indicator.code(), "theme", indicator.theme(), problems);
            YamlList.require(NAME, located, indicator.code(), "unit", indicator.unit(), problems);
            YamlList.require(NAME, located, indicator.code(), "additive", indicator.additive(), problems);
        });
        return indicators;
    }
}
