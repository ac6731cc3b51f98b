package org.minsheng.seed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.minsheng.support.TestBundle;

/** Every problem in a bundle is reported as file:line: reason, all of them at once. */
class BundleReaderTest {

    private static final String URBAN_JOBS = "employment.urban_new_jobs,150000,2024,201000,";

    @Test
    void theProjectBundleIsValid() {
        SeedBundle bundle = BundleReader.read(BundleLocation.of("seeds"));
        assertEquals(1346, bundle.regions().size()); // pins the published division list on purpose
        assertEquals(64, bundle.checksum().length());
    }

    /**
     * A restart knows the bundle unchanged by counting the checksum over the files an import read, without
     * parsing them: the same value as the whole read's, for the packaged bundle, a copy of it and a copy whose
     * files start with a byte order mark; another value as soon as one file changes; none when a file is gone.
     */
    @Test
    void theChecksumIsCountedAgainWithoutParsing() throws java.io.IOException {
        for (String location : List.of("classpath:seeds", "seeds", TestBundle.copyOfSeeds().location())) {
            SeedBundle bundle = BundleReader.read(BundleLocation.of(location));
            assertEquals(java.util.Optional.of(bundle.checksum()),
                    BundleReader.checksum(BundleLocation.of(location), bundle.files()), location);
        }
        TestBundle marked = TestBundle.copyOfSeeds();
        for (String file : List.of("observations.csv", "regions.csv", "census-2020/ages.csv")) {
            java.nio.file.Path path = marked.dir().resolve(file);
            byte[] text = java.nio.file.Files.readAllBytes(path);
            byte[] withMark = new byte[text.length + 3];
            withMark[0] = (byte) 0xEF;
            withMark[1] = (byte) 0xBB;
            withMark[2] = (byte) 0xBF;
            System.arraycopy(text, 0, withMark, 3, text.length);
            java.nio.file.Files.write(path, withMark);
        }
        SeedBundle seeds = BundleReader.read(BundleLocation.of("seeds"));
        SeedBundle read = BundleReader.read(BundleLocation.of(marked.location()));
        assertEquals(seeds.checksum(), read.checksum(), "a byte order mark is not counted");
        assertEquals(java.util.Optional.of(seeds.checksum()),
                BundleReader.checksum(BundleLocation.of(marked.location()), read.files()));

        marked.append("sources/nmg-minsheng-article.txt", "（本文有改动。）\n");
        java.util.Optional<String> edited = BundleReader.checksum(BundleLocation.of(marked.location()), read.files());
        assertTrue(edited.isPresent());
        assertNotEquals(seeds.checksum(), edited.get(), "the article's text changed");
        assertEquals(BundleReader.read(BundleLocation.of(marked.location())).checksum(), edited.get());

        java.nio.file.Files.delete(marked.dir().resolve("tables.yaml"));
        assertEquals(java.util.Optional.empty(), BundleReader.checksum(BundleLocation.of(marked.location()),
                read.files()), "a file the import read is gone");
    }

    @Test
    void unknownRegionCode() {
        TestBundle bundle = TestBundle.copyOfSeeds().replace("observations.csv", URBAN_JOBS,
                "employment.urban_new_jobs,159999,2024,201000,");
        int line = bundle.lineOf("observations.csv", "159999");
        assertProblems(bundle, "observations.csv:" + line + ": unknown region code \"159999\"");
    }

    @Test
    void malformedDecimal() {
        TestBundle bundle = TestBundle.copyOfSeeds().replace("observations.csv", URBAN_JOBS,
                "employment.urban_new_jobs,150000,2024,20.1万,");
        int line = bundle.lineOf("observations.csv", "20.1万,");
        assertProblems(bundle, "observations.csv:" + line
                + ": value \"20.1万\" is not a decimal number in base units (e.g. 201000 for 20.1万, 98.2 for 98.2%)");
    }

    @Test
    void duplicateRow() {
        TestBundle bundle = TestBundle.copyOfSeeds();
        String row = bundle.line("observations.csv", URBAN_JOBS);
        int first = bundle.lineOf("observations.csv", URBAN_JOBS);
        bundle.append("observations.csv", row + "\n");
        int last = bundle.lineCount("observations.csv");
        assertProblems(bundle, "observations.csv:" + last + ": duplicate of line " + first
                + " (same indicator, region, period and source)");
    }

    @Test
    void duplicateRegion() {
        TestBundle bundle = TestBundle.copyOfSeeds().append("regions.csv", "150403103,平庄镇,,TOWNSHIP,150403,false\n");
        assertProblems(bundle, "regions.csv:1348: duplicate region 150403103 (first on line "
                + bundle.lineOf("regions.csv", "150403103") + ")");
    }

    @Test
    void everyProblemIsReportedNotJustTheFirst() {
        TestBundle bundle = TestBundle.copyOfSeeds()
                .replace("observations.csv", URBAN_JOBS, "employment.urban_new_jobs,159999,2024,abc,")
                .replace("regions.csv", "150403103,平庄镇,,TOWNSHIP,150403", "150403103,平庄镇,,COUNTY,150403")
                .replace("programs.yaml", "  regions: [150900]", "  regions: [150999]")
                .replace("indicators.yaml", "  theme: EMPLOYMENT\n  unit: SQUARE_METRE",
                        "  theme: EMPLOYMENT\n  unit: SQUARE_FOOT");
        int observation = bundle.lineOf("observations.csv", "159999");
        List<String> problems = problems(bundle);
        // The indicator with a wrong unit is still known: its programme and observations are not
        // reported as referring to an unknown indicator. A row's problems come in the order they
        // were found: its values first, then its references.
        assertEquals(List.of(
                "regions.csv:" + bundle.lineOf("regions.csv", "150403103,")
                        + ": region 150403103 has level COUNTY but its code is that of a TOWNSHIP",
                "indicators.yaml:" + (bundle.lineOf("indicators.yaml", "employment.gig_market_site_area"))
                        + ": unit \"SQUARE_FOOT\" is not one of PERSON, PERSON_TIME, PERCENT, PERCENTAGE_POINT, YUAN, SQUARE_METRE, ITEM, YEAR, RATIO",
                "programs.yaml:" + bundle.lineOf("programs.yaml", "work-injury-cross-province-settlement-pilot")
                        + ": program work-injury-cross-province-settlement-pilot: unknown region \"150999\"",
                "observations.csv:" + observation
                        + ": value \"abc\" is not a decimal number in base units (e.g. 201000 for 20.1万, 98.2 for 98.2%)",
                "observations.csv:" + observation + ": unknown region code \"159999\""),
                problems);
    }

    @Test
    void aValueTheQuoteDoesNotStateIsRefused() {
        TestBundle bundle = TestBundle.copyOfSeeds().replace("observations.csv", URBAN_JOBS,
                "employment.urban_new_jobs,150000,2024,202000,");
        assertProblems(bundle, "observations.csv:" + bundle.lineOf("observations.csv", "202000")
                + ": quote does not contain the figure 202000 PERSON (looked for 202000, 202,000, 20.2万)");
    }

    @Test
    void aQualifierTheQuoteDoesNotStateIsRefused() {
        TestBundle bundle = TestBundle.copyOfSeeds().replace("observations.csv",
                "childcare.institutions,150000,2024-12-31,1870,MORE_THAN",
                "childcare.institutions,150000,2024-12-31,1870,EXACT");
        assertProblems(bundle, "observations.csv:" + bundle.lineOf("observations.csv", "childcare.institutions,")
                + ": qualifier EXACT does not match the quote, which writes \"托育机构1870余家\" (MORE_THAN)");
    }

    @Test
    void aQuoteThatIsNotInTheSourceIsRefused() {
        TestBundle bundle = TestBundle.copyOfSeeds().replace("observations.csv", "2024年城镇新增就业20.1万人",
                "2024年全区城镇新增就业20.1万人");
        assertProblems(bundle, "observations.csv:" + bundle.lineOf("observations.csv", URBAN_JOBS)
                + ": quote is not in the text of source nmg-minsheng-2025, character for character");
    }

    @Test
    void periodsAreCheckedAndNotGuessed() {
        TestBundle bundle = TestBundle.copyOfSeeds().replace("observations.csv", URBAN_JOBS,
                "employment.urban_new_jobs,150000,2024-12/2024-01,201000,");
        assertProblems(bundle, "observations.csv:" + bundle.lineOf("observations.csv", "2024-12/2024-01")
                + ": period \"2024-12/2024-01\" ends before it starts");
    }

    @Test
    void malformedCsvAndYamlPointAtTheirLine() {
        TestBundle csv = TestBundle.copyOfSeeds().append("observations.csv", "a,\"b\"c,d\n");
        assertEquals(1, problems(csv).size(), problems(csv).toString());
        assertEquals(true,
                problems(csv).get(0).startsWith("observations.csv:" + csv.lineCount("observations.csv") + ": malformed"),
                problems(csv).toString());

        TestBundle yaml = TestBundle.copyOfSeeds().replace("programs.yaml", "  kind: PILOT\n", "  kind: PILOT\n  oops\n");
        assertEquals(true, problems(yaml).get(0).startsWith("programs.yaml:"), problems(yaml).toString());
    }

    /** A file that cannot be read is one problem, not one "unknown indicator" per reference into it. */
    @Test
    void aMalformedFileDoesNotMakeEveryReferenceToItAProblem() {
        TestBundle bundle = TestBundle.copyOfSeeds().replace("indicators.yaml", "  theme: EMPLOYMENT\n  unit: SQUARE_METRE\n",
                "  theme: EMPLOYMENT\n  unit: SQUARE_METRE\n  description_en: area: of the site\n");
        List<String> problems = problems(bundle);
        assertEquals(1, problems.size(), problems.toString());
        assertEquals(true, problems.get(0).startsWith("indicators.yaml:"
                + (bundle.lineOf("indicators.yaml", "employment.gig_market_site_area") + 7) + ": malformed YAML"),
                problems.toString());
    }

    @Test
    void unknownFieldsAndColumnsAreReported() {
        TestBundle bundle = TestBundle.copyOfSeeds()
                .replace("sources.yaml", "  title: 增进", "  titel: x\n  title: 增进")
                .replace("regions.csv", "code,name,name_en,level,parent_code,statistical_only",
                        "code,name,name_en,level,parent_code,statistical_only,extra");
        List<String> problems = problems(bundle);
        assertEquals(
                "regions.csv:1: unknown column \"extra\" (known: code, level, name, name_en, parent_code, statistical_only)",
                problems.get(0));
        assertEquals(true, problems.stream().anyMatch(p -> p.startsWith("sources.yaml:1: unknown field \"titel\"")),
                problems.toString());
    }

    private static void assertProblems(TestBundle bundle, String... expected) {
        assertEquals(List.of(expected), problems(bundle));
    }

    private static List<String> problems(TestBundle bundle) {
        BundleRejectedException rejected = assertThrows(BundleRejectedException.class,
                () -> BundleReader.read(BundleLocation.of(bundle.location())));
        return rejected.problems().stream().map(Problem::toString).toList();
    }
}
