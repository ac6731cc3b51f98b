package org.minsheng.seed;

import java.util.List;
import java.util.Map;

import org.minsheng.seed.SeedBundle.SourceDef;
import org.minsheng.vocabulary.Codes;

/** sources.yaml: the publications figures are quoted from. */
final class SourcesFile {

    static final String NAME = "sources.yaml";

    private SourcesFile() {
    }

    static Map<String, Located<SourceDef>> read(String text, List<Problem> problems) {
        Map<String, Located<SourceDef>> sources = YamlList.definitions(NAME, text, SourceDef.class, SourceDef::code,
                Codes.SLUG, Codes.SLUG_FORM, problems);
        sources.values().forEach(located -> {
            SourceDef source = located.row();
            YamlList.require(NAME, located, source.code(), "title", source.title(), problems);
            if (source.date() != null && source.datePrecision() == null) {
                problems.add(new Problem(NAME, located.line(), "source " + source.code()
                        + " has a date but no date_precision"));
            }
        });
        return sources;
    }
}
