package org.minsheng.seed;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.stream.Collectors;

import org.minsheng.seed.SeedBundle.IndicatorDef;
import org.minsheng.seed.SeedBundle.ObservationRow;
import org.minsheng.seed.SeedBundle.ProgramDef;
import org.minsheng.seed.SeedBundle.RegionRow;
import org.minsheng.seed.SeedBundle.SourceDef;

/**
 * Reads and validates a whole seed bundle before anything is written: each file with its own reader
 * ({@link RegionsFile}, {@link SourcesFile}, {@link IndicatorsFile}, {@link ProgramsFile},
 * {@link ObservationsFile}), then the checks across files ({@link CrossChecks}). Every problem is
 * collected with its file and line, in file and line order; if there is any, the bundle is refused
 * whole.
 */
public final class BundleReader {

    private static final List<String> FILE_ORDER = List.of(RegionsFile.NAME, SourcesFile.NAME, IndicatorsFile.NAME,
            ProgramsFile.NAME, ObservationsFile.NAME);

    private final BundleLocation location;
    private final List<Problem> problems = new ArrayList<>();
    private final MessageDigest digest;
    private final List<String> read = new ArrayList<>();

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
        Map<String, Located<RegionRow>> regions = file(RegionsFile.NAME, RegionsFile::read, Map.of());
        Map<String, Located<SourceDef>> sources = file(SourcesFile.NAME, SourcesFile::read, Map.of());
        Map<String, Located<IndicatorDef>> indicators = file(IndicatorsFile.NAME, IndicatorsFile::read, Map.of());
        Map<String, Located<ProgramDef>> programs = file(ProgramsFile.NAME, ProgramsFile::read, Map.of());
        List<Located<ObservationRow>> observations = file(ObservationsFile.NAME, ObservationsFile::read, List.of());

        Set<String> unreadable = problems.stream().filter(Problem::stopsFile).map(Problem::file)
                .collect(Collectors.toSet());
        Map<String, String> sourceTexts = sourceTexts(sources);
        CrossChecks checks = new CrossChecks(regions, sources, indicators, sourceTexts, unreadable, problems);
        List<ProgramDef> checkedPrograms = rows(programs.values().stream().filter(checks::program).toList());
        List<ObservationRow> checkedObservations = rows(observations.stream().filter(checks::observation).toList());
        if (!problems.isEmpty()) {
            List<Problem> ordered = new ArrayList<>(problems);
            ordered.sort(Comparator.comparing((Problem p) -> fileRank(p.file())).thenComparingInt(Problem::line));
            throw new BundleRejectedException(location.toString(), ordered);
        }
        return new SeedBundle(location.toString(), HexFormat.of().formatHex(digest.digest()),
                rows(regions.values()), rows(sources.values()), rows(indicators.values()), checkedPrograms,
                checkedObservations, sourceTexts, List.copyOf(read));
    }

    private static int fileRank(String file) {
        int rank = FILE_ORDER.indexOf(file);
        return rank < 0 ? FILE_ORDER.size() : rank;
    }

    private static <T> List<T> rows(Collection<Located<T>> located) {
        return located.stream().map(Located::row).toList();
    }

    /** A required file read by {@code reader}; {@code missing} when the bundle lacks it. */
    private <T> T file(String name, BiFunction<String, List<Problem>, T> reader, T missing) {
        Optional<String> text = text(name);
        if (text.isEmpty()) {
            problems.add(Problem.stopping(name, 0, "missing from the bundle"));
            return missing;
        }
        return reader.apply(text.get(), problems);
    }

    /** A bundle file's text, counted into the bundle's checksum. */
    private Optional<String> text(String name) {
        Optional<String> text = location.read(name);
        text.ifPresent(t -> {
            read.add(name);
            digest.update(name.getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0);
            digest.update(t.getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0);
        });
        return text;
    }

    /** The full texts that sources name, by source code. */
    private Map<String, String> sourceTexts(Map<String, Located<SourceDef>> sources) {
        Map<String, String> texts = new HashMap<>();
        sources.values().stream().filter(s -> s.row().text() != null).forEach(located -> {
            SourceDef source = located.row();
            Optional<String> text = text(source.text());
            if (text.isEmpty()) {
                problems.add(new Problem(SourcesFile.NAME, located.line(), "source " + source.code()
                        + ": text file \"" + source.text() + "\" is not in the bundle"));
            } else {
                texts.put(source.code(), text.get());
            }
        });
        return texts;
    }
}
