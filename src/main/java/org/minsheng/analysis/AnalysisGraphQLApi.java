package org.minsheng.analysis;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import jakarta.inject.Inject;

import org.eclipse.microprofile.graphql.DefaultValue;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;
import org.eclipse.microprofile.graphql.Source;
import org.minsheng.indicator.Indicator;
import org.minsheng.indicator.UnitOfMeasure;
import org.minsheng.observation.FigureFormat;
import org.minsheng.observation.Observation;
import org.minsheng.observation.Qualifier;
import org.minsheng.region.Region;
import org.minsheng.region.RegionLevel;
import org.minsheng.vocabulary.CallerLanguage;
import org.minsheng.vocabulary.Language;

@GraphQLApi
public class AnalysisGraphQLApi {

    private static final String LATEST = "The most recent observation: the one whose period ends last; on a tie the "
            + "shorter period (a point in time beats a range ending that day), then the preferred figure (a COUNT over a "
            + "SAMPLE_ESTIMATE over a DERIVED over a REPORTED one, then the later source date).";

    @Inject
    AnalysisService analysis;

    @Inject
    CallerLanguage caller;

    @Name("series")
    @NonNull
    @Description("This region's observations of one indicator, ordered by period end, then start: one a period, the "
            + "preferred where several sources give one.")
    public List<@NonNull List<@NonNull Observation>> regionSeries(@Source List<Region> list,
            @NonNull @Name("indicatorCode") @Description("The indicator's code.") String indicatorCode) {
        return analysis.regionSeries(list, indicatorCode);
    }

    @Name("series")
    @NonNull
    @Description("This indicator's observations for one region, ordered by period end, then start: one a period, the "
            + "preferred where several sources give one.")
    public List<@NonNull List<@NonNull Observation>> indicatorSeries(@Source List<Indicator> list,
            @NonNull @Name("regionCode") @Description("The region's code.") String regionCode) {
        return analysis.indicatorSeries(list, regionCode);
    }

    @Name("latest")
    @Description(LATEST + " Null when the region has no observation of the indicator.")
    public List<Observation> regionLatest(@Source List<Region> list,
            @NonNull @Name("indicatorCode") @Description("The indicator's code.") String indicatorCode) {
        return analysis.regionLatest(list, indicatorCode);
    }

    @Name("latest")
    @Description(LATEST + " Null when the region has no observation of this indicator.")
    public List<Observation> indicatorLatest(@Source List<Indicator> list,
            @NonNull @Name("regionCode") @Description("The region's code.") String regionCode) {
        return analysis.indicatorLatest(list, regionCode);
    }

    @Name("latestByRegion")
    @NonNull
    @Description("The most recent observation of every region that has one, in region code order: what a map or a "
            + "table of regions needs. " + LATEST)
    public List<@NonNull List<@NonNull Observation>> latestByRegion(@Source List<Indicator> list,
            @Name("within") @Description("Only this region and the regions below it.") String within,
            @Name("level") @Description("Only regions of this level.") RegionLevel level) {
        return analysis.latestByRegion(list, within, level);
    }

    @Name("ranking")
    @NonNull
    @Description("The regions of one level under a region, ranked by their " + "preferred latest figure of this "
            + "indicator, highest first: the counties of a prefecture, the prefectures of the province.")
    public List<@NonNull List<@NonNull Ranked>> ranking(@Source List<Indicator> list,
            @NonNull @Name("within") @Description("The region whose regions are ranked, e.g. \"150300\".") String within,
            @Name("level") @DefaultValue("COUNTY") @Description("The level of the regions ranked.") RegionLevel level,
            @Name("descending") @DefaultValue("true") @Description("Highest first; false for lowest first.") Boolean descending) {
        return analysis.rankings(list, within, level == null ? RegionLevel.COUNTY : level, !Boolean.FALSE.equals(descending));
    }

    @Name("perCapita")
    @Description("This figure per resident (or per 1,000, 10,000... with per), with the population figure divided by; "
            + "null for a non-additive indicator, whose values are rates or shares already, and for a region without a "
            + "population figure.")
    public List<PerCapita> perCapita(@Source List<Observation> list,
            @Name("per") @DefaultValue("1") @Description("Per how many residents, 1 to 1000000.") Integer per) {
        return analysis.perCapita(list, per == null ? 1 : per);
    }

    @Name("rollup")
    @Description("An additive indicator summed over this region's direct children, beside the region's own figure. "
            + "A non-additive indicator is refused (BAD_USER_INPUT).")
    public List<Rollup> rollup(@Source List<Region> list,
            @NonNull @Name("indicatorCode") @Description("The code of an additive indicator.") String indicatorCode,
            @Name("from") @Description("Only observations whose period ends on or after this day.") LocalDate from,
            @Name("to") @Description("Only observations whose period starts on or before this day.") LocalDate to) {
        return analysis.rollups(list, indicatorCode, from, to);
    }

    @Name("coverage")
    @NonNull
    @Description("Which data this indicator has: regions, levels, periods and observations.")
    public List<@NonNull Coverage> coverage(@Source List<Indicator> list) {
        return analysis.coverage(list);
    }

    @Query("change")
    @Description("The change of an indicator in a region between two observations: by default the earliest and the "
            + "latest. Null when fewer than two observations fall in the window.")
    public Change change(
            @NonNull @Name("indicatorCode") @Description("The indicator's code.") String indicatorCode,
            @NonNull @Name("regionCode") @Description("The region's code.") String regionCode,
            @Name("from") @Description("Start from the earliest observation whose period ends on or after this day.") LocalDate from,
            @Name("to") @Description("End at the latest observation whose period ends on or before this day.") LocalDate to) {
        return analysis.change(indicatorCode, regionCode, from, to);
    }

    @Name("display")
    @NonNull
    @Description("The change written for readers: \"提高8.48个百分点\", \"up 8.48 percentage points\".")
    public String changeDisplay(@Source Change change,
            @Name("language") @Description(CallerLanguage.ARGUMENT) Language language) {
        return ChangeFormat.display(change.difference(), change.qualifier(), change.unitOfMeasure(),
                counterZh(change.unitOfMeasure(), change.indicator()), counterEn(change.unitOfMeasure(),
                        change.indicator()),
                caller.resolve(language));
    }

    @Name("display")
    @Description("The sum written for readers, with its qualifier: \"4家以上\", \"at least 4 markets\"; null when "
            + "no child reports or the qualifier is undecidable.")
    public String rollupDisplay(@Source Rollup rollup,
            @Name("language") @Description(CallerLanguage.ARGUMENT) Language language) {
        Indicator indicator = rollup.indicator();
        if (rollup.sum() == null || rollup.qualifier() == null) {
            return null;
        }
        return FigureFormat.display(rollup.sum(), rollup.qualifier(), indicator.unitOfMeasure(), indicator.counterZh(),
                indicator.counterEn(), caller.resolve(language));
    }

    private static String counterZh(UnitOfMeasure unit, Indicator indicator) {
        return unit == indicator.unitOfMeasure() ? indicator.counterZh() : unit.counterZh;
    }

    private static String counterEn(UnitOfMeasure unit, Indicator indicator) {
        return unit == indicator.unitOfMeasure() ? indicator.counterEn() : unit.counterEn;
    }

    /** How a change is written. */
    static final class ChangeFormat {

        private ChangeFormat() {
        }

        static String display(BigDecimal difference, Qualifier qualifier, UnitOfMeasure unit, String counterZh,
                String counterEn, Language language) {
            boolean en = language == Language.EN;
            if (difference.signum() == 0 && qualifier == Qualifier.EXACT) {
                return en ? "unchanged" : "持平";
            }
            boolean down = difference.signum() < 0;
            // A bound on a fall is the other bound on its size: falling by less than -5 is falling by more than 5.
            Qualifier magnitude = qualifier == null ? Qualifier.EXACT
                    : down ? QualifierArithmetic.flip(qualifier) : qualifier;
            String amount = FigureFormat.display(difference.abs(), magnitude, unit, counterZh, counterEn, language);
            boolean rate = unit == UnitOfMeasure.PERCENTAGE_POINT || unit.isPercent();
            String verb = en ? (down ? "down " : "up ") : rate ? (down ? "下降" : "提高") : (down ? "减少" : "增加");
            String text = verb + amount;
            if (qualifier == null) {
                return en ? text + " as published; the bounds of the two figures leave the true change undecided"
                        : "按公布数字" + text + "，两端数字的界限使实际变化无法确定";
            }
            return text;
        }
    }
}
