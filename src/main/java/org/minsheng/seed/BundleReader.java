package org.minsheng.seed;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PushbackInputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.DigestInputStream;
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
            ProgramsFile.NAME, ObservationsFile.NAME, TablesFile.NAME);

    private final BundleLocation location;
    private final List<Problem> problems = new ArrayList<>();
    private final MessageDigest digest;
    private final List<String> read = new ArrayList<>();
    private final int maxRows;

    private BundleReader(BundleLocation location, int maxRows) {
        this.location = location;
        this.maxRows = maxRows;
        try {
            this.digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The validated bundle; {@link BundleRejectedException} with every problem otherwise. */
    public static SeedBundle read(BundleLocation location) {
        return read(location, Integer.MAX_VALUE);
    }

    /** The same, refused with LIMIT_EXCEEDED as soon as observations.csv has more than {@code maxRows} rows. */
    public static SeedBundle read(BundleLocation location, int maxRows) {
        return new BundleReader(location, maxRows).read();
    }

    /**
     * The checksum {@link #read} gives the bundle at {@code location} when it reads {@code files}, in
     * that order (a bundle's {@link SeedBundle#files}): each file's text counted as a read counts it,
     * nothing parsed. Empty when one of them is missing or not UTF-8 text.
     */
    public static Optional<String> checksum(BundleLocation location, List<String> files) {
        BundleReader reader = new BundleReader(location, Integer.MAX_VALUE);
        try {
            for (String name : files) {
                if (name.equals(ObservationsFile.NAME)) {
                    Optional<InputStream> stream = location.stream(name);
                    if (stream.isEmpty()) {
                        return Optional.empty();
                    }
                    try (InputStream in = reader.counted(name, stream.get())) {
                        in.transferTo(OutputStream.nullOutputStream());
                    } finally {
                        reader.digest.update((byte) 0);
                    }
                } else if (reader.text(name).isEmpty()) {
                    return Optional.empty();
                }
            }
        } catch (BundleLocation.NotUtf8 e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read seed bundle " + location, e);
        }
        return Optional.of(HexFormat.of().formatHex(reader.digest.digest()));
    }

    private SeedBundle read() {
        Map<String, Located<RegionRow>> regions = file(RegionsFile.NAME, RegionsFile::read, Map.of());
        Map<String, Located<SourceDef>> sources = file(SourcesFile.NAME, SourcesFile::read, Map.of());
        Map<String, Located<IndicatorDef>> indicators = file(IndicatorsFile.NAME, IndicatorsFile::read, Map.of());
        Map<String, Located<ProgramDef>> programs = file(ProgramsFile.NAME, ProgramsFile::read, Map.of());
        List<Located<ObservationRow>> observations = observations();

        Set<String> unreadable = problems.stream().filter(Problem::stopsFile).map(Problem::file)
                .collect(Collectors.toSet());
        Map<String, TablesFile.Table> tables = new HashMap<>();
        Map<String, String> sourceTexts = sourceTexts(sources, tables);
        CrossChecks checks = new CrossChecks(regions, sources, indicators, sourceTexts, unreadable, problems);
        List<ProgramDef> checkedPrograms = rows(programs.values().stream().filter(checks::program).toList());
        List<ObservationRow> checkedObservations = new ArrayList<>(observations.stream()
                .map(o -> checks.observation(ObservationsFile.NAME, o)).filter(java.util.Objects::nonNull).toList());
        tableFigures(sources, tables, checks, checkedObservations);
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
        Optional<String> text;
        try {
            text = text(name);
        } catch (BundleLocation.NotUtf8 e) {
            problems.add(notUtf8(e));
            return missing;
        }
        if (text.isEmpty()) {
            problems.add(Problem.stopping(name, 0, "missing from the bundle"));
            return missing;
        }
        return reader.apply(text.get(), problems);
    }

    /**
     * observations.csv, read as it streams (the largest file: never held whole), its bytes counted
     * into the checksum as {@link #text} counts a file's text.
     */
    private List<Located<ObservationRow>> observations() {
        String name = ObservationsFile.NAME;
        Optional<InputStream> stream = location.stream(name);
        if (stream.isEmpty()) {
            problems.add(Problem.stopping(name, 0, "missing from the bundle"));
            return List.of();
        }
        try (InputStream in = counted(name, stream.get());
                Reader text = new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder()
                        .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT))) {
            List<Located<ObservationRow>> rows = ObservationsFile.read(text, problems, maxRows);
            in.transferTo(OutputStream.nullOutputStream());
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + name + " in seed bundle " + location, e);
        } finally {
            digest.update((byte) 0);
        }
    }

    /** {@code stream}'s bytes after any byte order mark, counted into the checksum as they are read. */
    private InputStream counted(String name, InputStream stream) throws IOException {
        read.add(name);
        digest.update(name.getBytes(StandardCharsets.UTF_8));
        digest.update((byte) 0);
        return new DigestInputStream(withoutByteOrderMark(stream), digest);
    }

    static Problem notUtf8(BundleLocation.NotUtf8 e) {
        return Problem.stopping(e.file, e.line, "not UTF-8 text: save the file as UTF-8 (GBK, GB18030 and UTF-16 are "
                + "not read)");
    }

    private static InputStream withoutByteOrderMark(InputStream in) throws IOException {
        PushbackInputStream pushback = new PushbackInputStream(in, 3);
        byte[] head = pushback.readNBytes(3);
        boolean mark = head.length == 3 && (head[0] & 0xFF) == 0xEF && (head[1] & 0xFF) == 0xBB && (head[2] & 0xFF) == 0xBF;
        if (!mark) {
            pushback.unread(head);
        }
        return pushback;
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

    /**
     * The figures tables.yaml reads from the sources' tables, when the bundle has that file, checked
     * as observations.csv's are and added to {@code figures}; one that repeats a figure of
     * observations.csv (same indicator, region, period and source) is a problem.
     */
    private void tableFigures(Map<String, Located<SourceDef>> sources, Map<String, TablesFile.Table> tables,
            CrossChecks checks, List<ObservationRow> figures) {
        Optional<String> text;
        try {
            text = text(TablesFile.NAME);
        } catch (BundleLocation.NotUtf8 e) {
            problems.add(notUtf8(e));
            return;
        }
        if (text.isEmpty()) {
            return;
        }
        Set<SeedBundle.NaturalKey> keys = new java.util.HashSet<>();
        figures.stream().filter(f -> f.period() != null).forEach(f -> keys.add(f.key()));
        for (Located<SeedBundle.TableColumnDef> column : TablesFile.read(text.get(), problems)) {
            SeedBundle.TableColumnDef d = column.row();
            Located<SourceDef> source = sources.get(d.source());
            if (source == null || source.row().tables() == null || !source.row().tables().contains(d.table())) {
                problems.add(new Problem(TablesFile.NAME, column.line(), d.indicator() + ": " + d.table()
                        + " is not a table of source " + d.source() + " (its tables in sources.yaml)"));
                continue;
            }
            for (Located<ObservationRow> figure : TablesFile.figures(column, tables::get, problems)) {
                ObservationRow checked = checks.observation(d.table(), figure);
                if (checked != null && !keys.add(checked.key())) {
                    problems.add(new Problem(d.table(), figure.line(), d.indicator() + ": the bundle gives this figure "
                            + "of source " + d.source() + " twice"));
                } else if (checked != null) {
                    figures.add(checked);
                }
            }
        }
    }

    /**
     * The full texts that sources name, by source code; a statistical source's text is its tables,
     * one after the other, each parsed into {@code tables}.
     */
    private Map<String, String> sourceTexts(Map<String, Located<SourceDef>> sources,
            Map<String, TablesFile.Table> tables) {
        Map<String, String> texts = new HashMap<>();
        sources.values().stream().filter(s -> s.row().tables() != null).forEach(located -> {
            StringBuilder joined = new StringBuilder();
            for (String table : located.row().tables()) {
                Optional<String> text;
                try {
                    text = text(table);
                } catch (BundleLocation.NotUtf8 e) {
                    problems.add(notUtf8(e));
                    continue;
                }
                if (text.isEmpty()) {
                    problems.add(new Problem(SourcesFile.NAME, located.line(), "source " + located.row().code()
                            + ": table \"" + table + "\" is not in the bundle"));
                    continue;
                }
                TablesFile.parse(table, text.get(), problems).ifPresent(t -> tables.put(table, t));
                joined.append(text.get());
                if (!text.get().endsWith("\n")) {
                    joined.append('\n');
                }
            }
            texts.put(located.row().code(), joined.toString());
        });
        sources.values().stream().filter(s -> s.row().text() != null).forEach(located -> {
            SourceDef source = located.row();
            Optional<String> text;
            try {
                text = text(source.text());
            } catch (BundleLocation.NotUtf8 e) {
                problems.add(notUtf8(e));
                return;
            }
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
