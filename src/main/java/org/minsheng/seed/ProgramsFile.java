package org.minsheng.seed;

import java.util.List;
import java.util.Map;

import org.minsheng.seed.SeedBundle.ProgramDef;
import org.minsheng.vocabulary.Codes;

/** programs.yaml: the programmes the sources name. References are checked by {@link CrossChecks}. */
final class ProgramsFile {

    static final String NAME = "programs.yaml";

    private ProgramsFile() {
    }

    static Map<String, Located<ProgramDef>> read(String text, List<Problem> problems) {
        Map<String, Located<ProgramDef>> programs = YamlList.definitions(NAME, text, ProgramDef.class,
                ProgramDef::code, Codes.SLUG, Codes.SLUG_FORM, problems);
        programs.values().forEach(located -> {
            ProgramDef program = located.row();
            int line = located.line();
            YamlList.require(NAME, located, program.code(), "name", program.name(), problems);
            YamlList.require(NAME, located, program.code(), "theme", program.theme(), problems);
            YamlList.require(NAME, located, program.code(), "kind", program.kind(), problems);
            if (program.regions() == null || program.regions().isEmpty()) {
                problems.add(new Problem(NAME, line, "program " + program.code()
                        + ": regions is empty; list the regions it covers (150000 for all)"));
            }
            if (program.regionsInAll() != null && program.regions() != null
                    && program.regionsInAll() <= program.regions().size()) {
                problems.add(new Problem(NAME, line, "program " + program.code() + ": regions_in_all ("
                        + program.regionsInAll() + ") must be more than the regions it lists (" + program.regions().size()
                        + "); leave it out when the list is complete"));
            }
            if (program.startedOn() != null && program.endedOn() != null
                    && program.endedOn().span().end().isBefore(program.startedOn().span().start())) {
                problems.add(new Problem(NAME, line, "program " + program.code() + ": ended_on is before started_on"));
            }
        });
        return programs;
    }
}
