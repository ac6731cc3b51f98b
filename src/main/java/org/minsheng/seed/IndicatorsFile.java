package org.minsheng.seed;

import java.util.List;
import java.util.Map;

import org.minsheng.seed.SeedBundle.IndicatorDef;
import org.minsheng.vocabulary.Codes;

/** indicators.yaml: what the figures measure. */
final class IndicatorsFile {

    static final String NAME = "indicators.yaml";

    private IndicatorsFile() {
    }

    static Map<String, Located<IndicatorDef>> read(String text, List<Problem> problems) {
        Map<String, Located<IndicatorDef>> indicators = YamlList.definitions(NAME, text, IndicatorDef.class,
                IndicatorDef::code, Codes.INDICATOR, Codes.INDICATOR_FORM, problems);
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
