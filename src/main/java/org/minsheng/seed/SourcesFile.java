package org.minsheng.seed;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.minsheng.seed.SeedBundle.SourceDef;

/** sources.yaml: the publications figures are quoted from. */
final class SourcesFile {

    static final String NAME = "sources.yaml";

    static final Pattern SLUG = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    static final String SLUG_FORM = "a slug (lower-case letters, digits and hyphens)";

    private SourcesFile() {
    }

    static Map<String, Located<SourceDef>> read(String text, List<Problem> problems) {
        Map<String, Located<SourceDef>> sources = YamlList.definitions(NAME, text, SourceDef.class, SourceDef::code,
                SLUG, SLUG_FORM, problems);
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
