package org.minsheng.seed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.minsheng.indicator.UnitOfMeasure;
import org.minsheng.observation.QuoteCheck;
import org.minsheng.region.RegionLevel;
import org.minsheng.seed.SeedBundle.IndicatorDef;
import org.minsheng.seed.SeedBundle.ObservationRow;

/**
 * The seed bundle against its source: every observation's quote is a sentence of the article and
 * states the figure as the article writes it ("20.1万" for 201000 persons, "98.2%" for 98.2 percent).
 */
class SeedFiguresTest {

    private static final Path ARTICLE = Path.of("seeds/sources/nmg-minsheng-article.txt");

    private static final String ARTICLE_SOURCE = "nmg-minsheng-2025";

    private final SeedBundle whole = BundleReader.read(BundleLocation.of("seeds"));

    /** The bundle's figures from the article (the census's are SeedCensusTest's). */
    private final List<ObservationRow> figures = whole.observations().stream()
            .filter(o -> o.source().equals(ARTICLE_SOURCE)).toList();

    @Test
    void everyQuoteIsInTheArticleAndStatesItsFigure() throws IOException {
        String article = Files.readString(ARTICLE, StandardCharsets.UTF_8);
        Map<String, IndicatorDef> indicators = whole.indicators().stream()
                .collect(Collectors.toMap(IndicatorDef::code, Function.identity()));
        List<String> wrong = new ArrayList<>();
        for (ObservationRow row : figures) {
            UnitOfMeasure unit = indicators.get(row.indicator()).unit();
            if (!article.contains(row.quote())) {
                wrong.add(row.key() + ": quote not in the article");
            }
            if (QuoteCheck.find(row.quote(), row.value(), unit).isEmpty()) {
                wrong.add(row.key() + ": " + row.value() + " " + unit + " not written in " + row.quote());
            }
            QuoteCheck.check(row.quote(), row.value(), row.qualifier(), unit)
                    .ifPresent(reason -> wrong.add(row.key() + ": " + reason));
        }
        assertEquals(List.of(), wrong);
    }

    @Test
    void theBundleCoversTheArticle() {
        assertTrue(figures.size() >= 45, figures.size() + " observations");
        assertTrue(whole.programs().size() >= 15, whole.programs().size() + " programmes");
        for (ObservationRow row : figures) {
            assertTrue(row.indicator() != null && row.region() != null && row.period() != null
                    && row.value() != null && row.qualifier() != null && row.source() != null && !row.quote().isBlank(),
                    "incomplete row " + row.key());
        }
        long wuhai = figures.stream().filter(o -> o.region().equals("150300")).count();
        long haibowan = figures.stream().filter(o -> o.region().equals("150302")).count();
        assertEquals(4, wuhai, "the four gig markets, the 13 towns, the 64 communities and the 280,000 served");
        assertEquals(5, haibowan, "the Haibowan hall and its day");
    }

    /** One romanisation per place: a programme of a county-level unit names it as regions.csv does. */
    @Test
    void programmesOfACountyNameItAsTheRegionTableDoes() {
        Map<String, SeedBundle.RegionRow> regions = whole.regions().stream()
                .collect(Collectors.toMap(SeedBundle.RegionRow::code, Function.identity()));
        List<String> wrong = new ArrayList<>();
        for (SeedBundle.ProgramDef program : whole.programs()) {
            for (String code : program.regions()) {
                SeedBundle.RegionRow region = regions.get(code);
                if (region.level() == RegionLevel.COUNTY && region.nameEn() != null
                        && !program.descriptionEn().contains(region.nameEn())) {
                    wrong.add(program.code() + " does not name " + code + " " + region.nameEn());
                }
            }
        }
        assertEquals(List.of(), wrong);
    }

    @ParameterizedTest(name = "{0} {1} is written {2}")
    @CsvSource({
            "201000,   PERSON,           20.1万",
            "98.2,     PERCENT,          98.2%",
            "4580000,  YUAN,             458万",
            "17741000, PERSON,           1774.1万",
            "56.3,     PERCENTAGE_POINT, 56.3",
            "1870,     ITEM,             1870",
            "14000,    PERSON,           1.4万",
    })
    void figuresAreWrittenAsTheArticleWritesThem(BigDecimal value, UnitOfMeasure unit, String written) {
        assertTrue(QuoteCheck.writtenForms(value, unit).contains(written), QuoteCheck.writtenForms(value, unit).toString());
    }

    @Test
    void aWrongValueOrAWrongQuoteIsCaught() {
        ObservationRow jobs = figures.stream()
                .filter(o -> o.indicator().equals("employment.urban_new_jobs")).findFirst().orElseThrow();
        assertTrue(QuoteCheck.check(jobs.quote(), jobs.value(), jobs.qualifier(), UnitOfMeasure.PERSON).isEmpty());
        assertTrue(QuoteCheck.check(jobs.quote(), new BigDecimal("20100"), jobs.qualifier(), UnitOfMeasure.PERSON)
                .isPresent());
        assertTrue(
                QuoteCheck.check(jobs.quote(), new BigDecimal("20.1"), jobs.qualifier(), UnitOfMeasure.PERSON)
                        .isPresent(),
                "20.1 must not match the 20.1 of 20.1万");
        assertTrue(
                QuoteCheck.check("2024年城镇新增就业120.1万人", jobs.value(), jobs.qualifier(), UnitOfMeasure.PERSON).isPresent(),
                "20.1万 must not match inside 120.1万");
        assertTrue(QuoteCheck.check("截至2024年底，建成各类托育机构1870余家", new BigDecimal("2024"),
                jobs.qualifier(), UnitOfMeasure.ITEM).isEmpty(),
                "a year is a number too; the check is on the figure, not its meaning");
    }
}
