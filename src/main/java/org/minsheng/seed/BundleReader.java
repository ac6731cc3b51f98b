package org.minsheng.seed;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

import org.minsheng.indicator.UnitOfMeasure;
import org.minsheng.observation.FigureFormat;
import org.minsheng.observation.Qualifier;
import org.minsheng.region.RegionLevel;
import org.minsheng.seed.SeedBundle.IndicatorDef;
import org.minsheng.seed.SeedBundle.NaturalKey;
import org.minsheng.seed.SeedBundle.ObservationRow;
import org.minsheng.seed.SeedBundle.ProgramDef;
import org.minsheng.seed.SeedBundle.RegionRow;
import org.minsheng.seed.SeedBundle.SourceDef;

/**
 * Reads and validates a whole seed bundle before anything is written. Every problem is collected
 * with its file and line; if there is any, the bundle is refused whole.
 */
public final class BundleReader {

    public static final String REGIONS = "regions.csv";
    public static final String SOURCES = "sources.yaml";
    public static final String INDICATORS = "indicators.yaml";
    public static final String PROGRAMS = "programs.yaml";
    public static final String OBSERVATIONS = "observations.csv";

    private static final Pattern REGION_CODE = Pattern.compile("\\d{6}|\\d{9}");
    private static final Pattern INDICATOR_CODE = Pattern.compile("[a-z][a-z0-9_]*(\\.[a-z0-9_]+)+");
    private static final Pattern SLUG = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    private static final Pattern DECIMAL = Pattern.compile("-?\\d+(\\.\\d+)?");
    private static final int MAX_SCALE = 6;
    private static final int MAX_INTEGER_DIGITS = 24;

    private final BundleLocation location;
    private final List<Problem> problems = new ArrayList<>();
    private final Map<String, Integer> sourceLines = new HashMap<>();
    private final MessageDigest digest;

    private BundleReader(BundleLocation location) {
        this.location = location;
        try {
            this.digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The validated bundle; {@link BundleRejectedException} with every problem otherwise. */
    public static SeedBundle read(BundleLocation location) {
        return new BundleReader(location).read();
    }

    private SeedBundle read() {
        Map<String, RegionRow> regions = readRegions();
        Map<String, SourceDef> sources = readSources();
        Map<String, String> sourceTexts = readSourceTexts(sources);
        Map<String, IndicatorDef> indicators = readIndicators();
        Map<String, ProgramDef> programs = readPrograms(regions, indicators, sources);
        List<ObservationRow> observations = readObservations(regions, indicators, sources, sourceTexts);
        if (!problems.isEmpty()) {
            throw new BundleRejectedException(location.toString(), problems);
        }
        return new SeedBundle(location.toString(), HexFormat.of().formatHex(digest.digest()),
                List.copyOf(regions.values()), List.copyOf(sources.values()), List.copyOf(indicators.values()),
                List.copyOf(programs.values()), observations);
    }

    private Optional<String> file(String name, boolean required) {
        Optional<String> text = location.read(name);
        if (text.isEmpty() && required) {
            problems.add(new Problem(name, 0, "missing from the bundle"));
        }
        text.ifPresent(t -> {
            digest.update(name.getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0);
            digest.update(t.getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0);
        });
        return text;
    }

    // ---- regions.csv --------------------------------------------------------------------------

    private Map<String, RegionRow> readRegions() {
        Map<String, RegionRow> regions = new LinkedHashMap<>();
        String text = file(REGIONS, true).orElse(null);
        if (text == null) {
            return regions;
        }
        List<CsvTable.Row> rows = CsvTable.read(REGIONS, text,
                List.of("code", "name", "level", "parent_code"), Set.of("name_en", "statistical_only"), problems);
        for (CsvTable.Row row : rows) {
            regionRow(row).ifPresent(region -> {
                RegionRow first = regions.putIfAbsent(region.code(), region);
                if (first != null) {
                    problem(REGIONS, row.line(), "duplicate region " + region.code() + " (first on line " + first.line() + ")");
                }
            });
        }
        for (RegionRow region : regions.values()) {
            checkParent(region, regions);
        }
        return regions;
    }

    private Optional<RegionRow> regionRow(CsvTable.Row row) {
        int before = problems.size();
        String code = row.get("code");
        String name = row.get("name");
        RegionLevel level = enumValue(REGIONS, row.line(), "level", row.get("level"), RegionLevel.class);
        Boolean statistical = row.get("statistical_only") == null ? Boolean.FALSE
                : bool(REGIONS, row.line(), "statistical_only", row.get("statistical_only"));
        if (code == null || !REGION_CODE.matcher(code).matches()) {
            problem(REGIONS, row.line(), "code \"" + nullToEmpty(code) + "\" is not a 6- or 9-digit division code");
        } else if (level != null && level != levelOfCode(code)) {
            problem(REGIONS, row.line(), "region " + code + " has level " + level + " but its code is that of a "
                    + levelOfCode(code));
        }
        if (name == null) {
            problem(REGIONS, row.line(), "region " + nullToEmpty(code) + " has no name");
        }
        if (problems.size() > before) {
            return Optional.empty();
        }
        return Optional.of(new RegionRow(row.line(), code, name, row.get("name_en"), level, row.get("parent_code"),
                statistical));
    }

    private void checkParent(RegionRow region, Map<String, RegionRow> regions) {
        if (region.level() == RegionLevel.PROVINCE) {
            if (region.parentCode() != null) {
                problem(REGIONS, region.line(), "province " + region.code() + " cannot have a parent");
            }
            return;
        }
        RegionRow parent = region.parentCode() == null ? null : regions.get(region.parentCode());
        if (parent == null) {
            problem(REGIONS, region.line(), "region " + region.code() + ": unknown parent code \""
                    + nullToEmpty(region.parentCode()) + "\"");
            return;
        }
        if (parent.level().ordinal() != region.level().ordinal() - 1) {
            problem(REGIONS, region.line(), "region " + region.code() + " (" + region.level() + ") has parent "
                    + parent.code() + " of level " + parent.level());
        } else if (!region.code().startsWith(significantDigits(parent))) {
            problem(REGIONS, region.line(), "region " + region.code() + " does not extend its parent's code "
                    + parent.code());
        }
    }

    static RegionLevel levelOfCode(String code) {
        if (code.length() == 9) {
            return RegionLevel.TOWNSHIP;
        }
        if (code.endsWith("0000")) {
            return RegionLevel.PROVINCE;
        }
        return code.endsWith("00") ? RegionLevel.PREFECTURE : RegionLevel.COUNTY;
    }

    private static String significantDigits(RegionRow region) {
        return switch (region.level()) {
            case PROVINCE -> region.code().substring(0, 2);
            case PREFECTURE -> region.code().substring(0, 4);
            case COUNTY, TOWNSHIP -> region.code();
        };
    }

    // ---- sources.yaml ---------------------------------------------------------------------------

    private Map<String, SourceDef> readSources() {
        Map<String, Integer> lines = sourceLines;
        Map<String, SourceDef> sources = readDefinitions(SOURCES, SourceDef.class, SourceDef::code, lines, SLUG,
                "a slug (lower-case letters, digits and hyphens)");
        sources.values().forEach(source -> {
            int line = lines.get(source.code());
            require(SOURCES, line, source.code(), "title", source.title());
            if (source.date() != null && source.datePrecision() == null) {
                problem(SOURCES, line, "source " + source.code() + " has a date but no date_precision");
            }
        });
        return sources;
    }

    private Map<String, String> readSourceTexts(Map<String, SourceDef> sources) {
        Map<String, String> texts = new HashMap<>();
        for (SourceDef source : sources.values()) {
            if (source.text() == null) {
                continue;
            }
            Optional<String> text = file(source.text(), false);
            if (text.isEmpty()) {
                problem(SOURCES, sourceLines.get(source.code()), "source " + source.code() + ": text file \""
                        + source.text() + "\" is not in the bundle");
                continue;
            }
            texts.put(source.code(), text.get());
        }
        return texts;
    }

    // ---- indicators.yaml ------------------------------------------------------------------------

    private Map<String, IndicatorDef> readIndicators() {
        Map<String, Integer> lines = new HashMap<>();
        Map<String, IndicatorDef> indicators = readDefinitions(INDICATORS, IndicatorDef.class, IndicatorDef::code,
                lines, INDICATOR_CODE, "a dotted code such as employment.urban_new_jobs");
        indicators.values().forEach(indicator -> {
            int line = lines.get(indicator.code());
            require(INDICATORS, line, indicator.code(), "name", indicator.name());
            require(INDICATORS, line, indicator.code(), "theme", indicator.theme());
            require(INDICATORS, line, indicator.code(), "unit", indicator.unit());
            require(INDICATORS, line, indicator.code(), "additive", indicator.additive());
        });
        return indicators;
    }

    // ---- programs.yaml --------------------------------------------------------------------------

    private Map<String, ProgramDef> readPrograms(Map<String, RegionRow> regions, Map<String, IndicatorDef> indicators,
            Map<String, SourceDef> sources) {
        Map<String, Integer> lines = new HashMap<>();
        Map<String, ProgramDef> programs = readDefinitions(PROGRAMS, ProgramDef.class, ProgramDef::code, lines, SLUG,
                "a slug (lower-case letters, digits and hyphens)");
        for (ProgramDef program : programs.values()) {
            int line = lines.get(program.code());
            String what = "program " + program.code();
            require(PROGRAMS, line, program.code(), "name", program.name());
            require(PROGRAMS, line, program.code(), "theme", program.theme());
            require(PROGRAMS, line, program.code(), "kind", program.kind());
            if (program.regions() == null || program.regions().isEmpty()) {
                problem(PROGRAMS, line, what + ": regions is empty; list the regions it covers (150000 for all)");
            }
            references(line, what, "region", program.regions(), regions.keySet());
            references(line, what, "indicator", program.indicators(), indicators.keySet());
            if (program.source() != null && !sources.containsKey(program.source())) {
                problem(PROGRAMS, line, what + ": unknown source \"" + program.source() + "\"");
            }
            PeriodNotation.PartialDate started = partialDate(line, what, "started_on", program.startedOn());
            PeriodNotation.PartialDate ended = partialDate(line, what, "ended_on", program.endedOn());
            if (started != null && ended != null && ended.span().end().isBefore(started.span().start())) {
                problem(PROGRAMS, line, what + ": ended_on " + program.endedOn() + " is before started_on "
                        + program.startedOn());
            }
        }
        return programs;
    }

    private PeriodNotation.PartialDate partialDate(int line, String what, String field, String text) {
        if (text == null) {
            return null;
        }
        try {
            return PeriodNotation.partial(text);
        } catch (IllegalArgumentException e) {
            problem(PROGRAMS, line, what + ": " + field + " " + e.getMessage());
            return null;
        }
    }

    private void references(int line, String what, String kind, List<String> codes, Set<String> known) {
        if (codes == null) {
            return;
        }
        for (String code : codes) {
            if (!known.contains(code)) {
                problem(PROGRAMS, line, what + ": unknown " + kind + " \"" + code + "\"");
            }
        }
        if (codes.stream().distinct().count() != codes.size()) {
            problem(PROGRAMS, line, what + ": a " + kind + " is listed twice");
        }
    }

    // ---- observations.csv -----------------------------------------------------------------------

    private List<ObservationRow> readObservations(Map<String, RegionRow> regions, Map<String, IndicatorDef> indicators,
            Map<String, SourceDef> sources, Map<String, String> sourceTexts) {
        List<ObservationRow> observations = new ArrayList<>();
        String text = file(OBSERVATIONS, true).orElse(null);
        if (text == null) {
            return observations;
        }
        List<CsvTable.Row> rows = CsvTable.read(OBSERVATIONS, text,
                List.of("indicator", "region", "period", "value", "qualifier", "source", "quote"), Set.of("note"),
                problems);
        Map<NaturalKey, Integer> seen = new HashMap<>();
        for (CsvTable.Row row : rows) {
            observationRow(row, regions, indicators, sources, sourceTexts).ifPresent(observation -> {
                Integer first = seen.putIfAbsent(observation.key(), row.line());
                if (first != null) {
                    problem(OBSERVATIONS, row.line(), "duplicate of line " + first
                            + " (same indicator, region, period and source)");
                    return;
                }
                observations.add(observation);
            });
        }
        return observations;
    }

    private Optional<ObservationRow> observationRow(CsvTable.Row row, Map<String, RegionRow> regions,
            Map<String, IndicatorDef> indicators, Map<String, SourceDef> sources, Map<String, String> sourceTexts) {
        int line = row.line();
        int before = problems.size();
        String indicatorCode = row.get("indicator");
        String regionCode = row.get("region");
        String sourceCode = row.get("source");
        IndicatorDef indicator = indicatorCode == null ? null : indicators.get(indicatorCode);
        if (indicator == null) {
            problem(OBSERVATIONS, line, "unknown indicator \"" + nullToEmpty(indicatorCode) + "\"");
        }
        if (regionCode == null || !regions.containsKey(regionCode)) {
            problem(OBSERVATIONS, line, "unknown region code \"" + nullToEmpty(regionCode) + "\"");
        }
        if (sourceCode == null || !sources.containsKey(sourceCode)) {
            problem(OBSERVATIONS, line, "unknown source \"" + nullToEmpty(sourceCode) + "\"");
        }
        PeriodNotation.Interval period = period(line, row.get("period"));
        BigDecimal value = decimal(line, row.get("value"));
        Qualifier qualifier = enumValue(OBSERVATIONS, line, "qualifier", row.get("qualifier"), Qualifier.class);
        String quote = row.get("quote");
        if (quote == null || quote.isBlank()) {
            problem(OBSERVATIONS, line, "quote is empty: a figure without a quote is not loaded");
        }
        if (problems.size() > before) {
            return Optional.empty();
        }
        UnitOfMeasure unit = indicator.unit();
        if (unit != null) {
            FigureFormat.checkQuote(quote, value, qualifier, unit).ifPresent(reason -> problem(OBSERVATIONS, line, reason));
        }
        String sourceText = sourceTexts.get(sourceCode);
        if (sourceText != null && !sourceText.contains(quote)) {
            problem(OBSERVATIONS, line, "quote is not in the text of source " + sourceCode + ", character for character");
        }
        return Optional.of(new ObservationRow(line, indicatorCode, regionCode, period.start(), period.end(), value,
                qualifier, sourceCode, quote, row.get("note")));
    }

    private PeriodNotation.Interval period(int line, String text) {
        if (text == null) {
            problem(OBSERVATIONS, line, "period is empty");
            return null;
        }
        try {
            return PeriodNotation.parse(text);
        } catch (IllegalArgumentException e) {
            problem(OBSERVATIONS, line, e.getMessage());
            return null;
        }
    }

    private BigDecimal decimal(int line, String text) {
        if (text == null || !DECIMAL.matcher(text).matches()) {
            problem(OBSERVATIONS, line, "value \"" + nullToEmpty(text)
                    + "\" is not a decimal number in base units (e.g. 201000 for 20.1万, 98.2 for 98.2%)");
            return null;
        }
        BigDecimal value = new BigDecimal(text);
        if (value.scale() > MAX_SCALE || value.precision() - value.scale() > MAX_INTEGER_DIGITS) {
            problem(OBSERVATIONS, line, "value " + text + " has more than " + MAX_SCALE + " decimals or "
                    + MAX_INTEGER_DIGITS + " integer digits");
            return null;
        }
        return value;
    }

    // ---- shared ---------------------------------------------------------------------------------

    private <T> Map<String, T> readDefinitions(String file, Class<T> type, Function<T, String> code,
            Map<String, Integer> lines, Pattern codePattern, String codeForm) {
        Map<String, T> definitions = new LinkedHashMap<>();
        String text = file(file, true).orElse(null);
        if (text == null) {
            return definitions;
        }
        for (YamlList.Entry entry : YamlList.read(file, text, problems)) {
            YamlList.convert(file, entry, type, problems).ifPresent(definition -> {
                String key = code.apply(definition);
                if (key == null || !codePattern.matcher(key).matches()) {
                    problem(file, entry.line(), "code \"" + nullToEmpty(key) + "\" is not " + codeForm);
                    return;
                }
                Integer first = lines.putIfAbsent(key, entry.line());
                if (first != null) {
                    problem(file, entry.line(), "duplicate code " + key + " (first on line " + first + ")");
                    return;
                }
                definitions.put(key, definition);
            });
        }
        return definitions;
    }

    private void require(String file, int line, String code, String field, Object value) {
        if (value == null || (value instanceof String text && text.isBlank())) {
            problem(file, line, code + ": missing required field " + field);
        }
    }

    private <E extends Enum<E>> E enumValue(String file, int line, String column, String text, Class<E> type) {
        try {
            return Enum.valueOf(type, nullToEmpty(text));
        } catch (IllegalArgumentException e) {
            problem(file, line, column + " \"" + nullToEmpty(text) + "\" is not one of "
                    + String.join(", ", java.util.Arrays.stream(type.getEnumConstants()).map(Enum::name).toList()));
            return null;
        }
    }

    private Boolean bool(String file, int line, String column, String text) {
        if ("true".equals(text) || "false".equals(text)) {
            return Boolean.valueOf(text);
        }
        problem(file, line, column + " \"" + text + "\" is not true or false");
        return null;
    }

    private void problem(String file, int line, String reason) {
        problems.add(new Problem(file, line, reason));
    }

    private static String nullToEmpty(String text) {
        return text == null ? "" : text;
    }
}
