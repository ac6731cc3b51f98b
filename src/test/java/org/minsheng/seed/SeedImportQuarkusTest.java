package org.minsheng.seed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.minsheng.graphql.GlobalId;
import org.minsheng.indicator.IndicatorEntity;
import org.minsheng.indicator.IndicatorInputs;
import org.minsheng.indicator.IndicatorWriter;
import org.minsheng.observation.Observation;
import org.minsheng.observation.ObservationEntity;
import org.minsheng.observation.ObservationInputs;
import org.minsheng.observation.ObservationWriter;
import org.minsheng.observation.Qualifier;
import org.minsheng.source.SourceEntity;
import org.minsheng.source.SourceInputs;
import org.minsheng.source.SourceWriter;
import org.minsheng.support.DatabaseSnapshot;
import org.minsheng.support.TestBundle;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/** Imports through the running application: a bad bundle writes nothing; the same bundle twice changes nothing. */
@QuarkusTest
class SeedImportQuarkusTest {

    private static final String URBAN_JOBS = "employment.urban_new_jobs,150000,2024,201000,";

    @Inject
    SeedImporter importer;

    @Inject
    SeedWriter writer;

    @Inject
    SourceWriter sources;

    @Inject
    IndicatorWriter indicators;

    @Test
    void unknownRegionCodeIsRefusedAndNothingChanges() {
        TestBundle bundle = TestBundle.copyOfSeeds()
                .replace("observations.csv", URBAN_JOBS, "employment.urban_new_jobs,159999,2024,201000,")
                .append("observations.csv",
                        "employment.urban_new_jobs,150300,2024,201000,EXACT,nmg-minsheng-2025,2024年城镇新增就业20.1万人,\n");
        assertRefusedWithNoChange(bundle, "observations.csv:" + bundle.lineOf("observations.csv", "159999")
                + ": unknown region code \"159999\"");
    }

    @Test
    void malformedDecimalIsRefusedAndNothingChanges() {
        TestBundle bundle = TestBundle.copyOfSeeds()
                .replace("observations.csv", URBAN_JOBS, "employment.urban_new_jobs,150000,2024,20.1万,")
                .replace("regions.csv", "150000,内蒙古自治区,Inner Mongolia Autonomous Region", "150000,内蒙古自治区,Nei Mongol");
        assertRefusedWithNoChange(bundle, "observations.csv:" + bundle.lineOf("observations.csv", "20.1万,")
                + ": value \"20.1万\" is not a decimal number in base units (e.g. 201000 for 20.1万, 98.2 for 98.2%)");
    }

    @Test
    void duplicateRowIsRefusedAndNothingChanges() {
        TestBundle bundle = TestBundle.copyOfSeeds();
        String row = bundle.line("observations.csv", URBAN_JOBS);
        bundle.append("observations.csv", row + "\n");
        assertRefusedWithNoChange(bundle, "observations.csv:" + bundle.lineCount("observations.csv")
                + ": duplicate of line " + bundle.lineOf("observations.csv", URBAN_JOBS)
                + " (same indicator, region, period and source)");
    }

    @Test
    void importingTheSameBundleAgainChangesNothing() {
        DatabaseSnapshot before = DatabaseSnapshot.take();
        ImportResult skipped = importer.importBundle(BundleLocation.of("classpath:seeds"));
        assertFalse(skipped.imported(), "the database holds this bundle, so nothing is imported");
        assertTrue(DatabaseSnapshot.take().sameAs(before));

        ImportResult forced = writeAndRollBack(BundleLocation.of("classpath:seeds"), true);
        assertEquals(0, forced.changes().inserted());
        assertEquals(0, forced.changes().updated());
        assertEquals(0, forced.changes().deleted());
        assertEquals(rows(BundleReader.read(BundleLocation.of("classpath:seeds"))), forced.changes().unchanged(),
                "every row of the bundle is unchanged, and no row outside it was looked at");
        assertTrue(DatabaseSnapshot.take().sameAs(before));
    }

    /**
     * A restart's check: when the latest import is the bundle at the same location, unchanged, it is found
     * held without parsing it, with the answer the whole read gives; a changed file, another location, an
     * import made before V9 or a name without pinyin send the start down the whole read.
     */
    @Test
    void aRestartFindsTheBundleHeldWithoutReadingItWhole() {
        TestBundle bundle = TestBundle.copyOfSeeds();
        BundleLocation location = BundleLocation.of(bundle.location());
        QuarkusTransaction.begin();
        try {
            assertTrue(writer.held(location).isEmpty(), "the latest import is not of this location");
            ImportResult written = writer.write(BundleReader.read(location), true);
            ImportResult held = writer.held(location).orElseThrow(() -> new AssertionError("not found held"));
            ImportResult whole = writer.write(BundleReader.read(location), false);
            assertFalse(held.imported());
            assertEquals(whole.summary(), held.summary());
            assertEquals(written.importedAt(), held.importedAt());
            assertEquals(written.checksum(), held.checksum());

            jakarta.persistence.EntityManager em = org.minsheng.persistence.Queries.em();
            SeedImportEntity latest = SeedImportEntity.latest();
            SeedImportEntity mapped = em.find(SeedImportEntity.class, latest.id);
            assertEquals(List.of(mapped.checksum, mapped.location, mapped.importedAt, mapped.files, mapped.regions,
                    mapped.observations),
                    List.of(latest.checksum, latest.location, latest.importedAt, latest.files,
                            latest.regions, latest.observations),
                    "the latest import read as SQL reads as the entity does");
            mapped.files = null;
            em.flush(); // held() reads as SQL: what is flushed
            assertTrue(writer.held(location).isEmpty(), "an import made before V9 lists no files");
            assertFalse(writer.write(BundleReader.read(location), false).imported());
            assertTrue(writer.held(location).isPresent(), "the whole read listed the files of the bundle it found held");

            em.createNativeQuery("update region set name_key = null where code = '150302'").executeUpdate();
            em.clear();
            assertTrue(writer.held(location).isEmpty(), "a name lacks its pinyin");
            assertFalse(writer.write(BundleReader.read(location), false).imported(), "filled, nothing imported");
            assertTrue(writer.held(location).isPresent());

            bundle.append("sources/nmg-minsheng-article.txt", "（本文有改动。）\n");
            assertTrue(writer.held(location).isEmpty(), "a file of the bundle changed");
            assertTrue(writer.write(BundleReader.read(location), false).imported());
            assertTrue(writer.held(location).isPresent());
        } finally {
            QuarkusTransaction.rollback();
        }
    }

    /**
     * The rows a bundle makes: its regions with their ancestor closure, sources, indicators, programmes with their links,
     * figures.
     */
    private static long rows(SeedBundle bundle) {
        java.util.Map<String, String> parents = new java.util.HashMap<>();
        bundle.regions().forEach(r -> parents.put(r.code(), r.parentCode()));
        long closure = 0;
        for (String code : parents.keySet()) {
            for (String c = code; c != null; c = parents.get(c)) {
                closure++;
            }
        }
        long links = bundle.programs().stream().mapToLong(p -> p.regions().size()
                + (p.indicators() == null ? 0 : p.indicators().size())).sum();
        return bundle.regions().size() + closure + bundle.sources().size() + bundle.indicators().size()
                + bundle.programs().size() + links + bundle.observations().size();
    }

    @Test
    void anEditedBundleIsAppliedByNaturalKey() {
        TestBundle bundle = TestBundle.copyOfSeeds();
        String places = bundle.line("observations.csv", "childcare.places,");
        bundle.replace("observations.csv", places, places.replaceFirst(",[^,]*$", ",Edited note."))
                .replace("observations.csv", bundle.line("observations.csv", "employment.gig_market_free_tool_kinds") + "\n",
                        "");
        DatabaseSnapshot before = DatabaseSnapshot.take();
        ImportResult result = writeAndRollBack(BundleLocation.of(bundle.location()), false);
        assertTrue(result.imported());
        assertEquals(0, result.changes().inserted());
        assertEquals(1, result.changes().updated(), "the note of the childcare places changed");
        assertEquals(1, result.changes().deleted(), "the tool kinds row is gone");
        assertTrue(DatabaseSnapshot.take().sameAs(before), "rolled back");
    }

    @Inject
    ObservationWriter editors;

    /** What editors wrote through the API is theirs: a forced import neither overwrites, deletes nor revives it. */
    @Test
    void figuresWrittenThroughTheApiOutliveAnImport() {
        QuarkusTransaction.begin();
        try {
            SourceInputs.Create bulletin = new SourceInputs.Create();
            bulletin.code = "seed-import-test";
            bulletin.title = "测试公报";
            sources.create(bulletin, "editor-x");
            IndicatorEntity jobsIndicator = IndicatorEntity.findById("employment.urban_new_jobs");
            IndicatorInputs.Update renamed = new IndicatorInputs.Update();
            renamed.code = jobsIndicator.code;
            renamed.version = jobsIndicator.version;
            renamed.nameEn = "Urban jobs created (edited)";
            indicators.update(renamed, "editor-x");

            ObservationInputs.Create input = new ObservationInputs.Create();
            input.indicatorCode = "employment.gig_markets";
            input.regionCode = "150302";
            input.periodStart = LocalDate.of(2020, 1, 1);
            input.periodEnd = LocalDate.of(2020, 12, 31);
            input.value = BigDecimal.valueOf(2);
            input.qualifier = Qualifier.EXACT;
            input.sourceCode = "seed-import-test";
            input.quote = "海勃湾区建成零工市场2个";
            long created = editors.create(input, "editor-x").observation().key();

            ObservationEntity jobs = ObservationEntity.find("indicatorCode = ?1 and regionCode = ?2",
                    "employment.urban_new_jobs", "150000").firstResult();
            ObservationInputs.Update note = new ObservationInputs.Update();
            note.id = GlobalId.encode(Observation.TYPE, jobs.id.toString());
            note.version = jobs.version;
            note.note = "Edited through the API.";
            editors.update(note, "editor-x");

            ObservationEntity tools = ObservationEntity.find("indicatorCode", "employment.gig_market_free_tool_kinds")
                    .firstResult();
            ObservationInputs.Delete retire = new ObservationInputs.Delete();
            retire.id = GlobalId.encode(Observation.TYPE, tools.id.toString());
            retire.version = tools.version;
            editors.delete(retire, "editor-x");

            ImportResult result = writer.write(BundleReader.read(BundleLocation.of("classpath:seeds")), true);
            assertEquals(0, result.changes().inserted(), "the deleted figure is not brought back");
            assertEquals(0, result.changes().deleted(), "the created figure is kept");
            assertEquals(0, result.changes().updated(), "the edited note is kept");
            assertTrue(ObservationEntity.findByIdOptional(created).isPresent());
            assertEquals("Edited through the API.", ObservationEntity.<ObservationEntity> findById(jobs.id).note);
            assertEquals(0, ObservationEntity.count("indicatorCode", "employment.gig_market_free_tool_kinds"));
            assertTrue(SourceEntity.findByIdOptional("seed-import-test").isPresent(), "the created source is kept");
            assertEquals("Urban jobs created (edited)",
                    IndicatorEntity.<IndicatorEntity> findById("employment.urban_new_jobs").nameEn);
        } finally {
            QuarkusTransaction.rollback();
        }
    }

    /** Writes the bundle inside a transaction that is then rolled back, so that other tests see the seeds. */
    private ImportResult writeAndRollBack(BundleLocation location, boolean force) {
        QuarkusTransaction.begin();
        try {
            return writer.write(BundleReader.read(location), force);
        } finally {
            QuarkusTransaction.rollback();
        }
    }

    private void assertRefusedWithNoChange(TestBundle bundle, String... problems) {
        DatabaseSnapshot before = DatabaseSnapshot.take();
        BundleRejectedException rejected = assertThrows(BundleRejectedException.class,
                () -> importer.importBundle(BundleLocation.of(bundle.location())));
        assertEquals(List.of(problems), rejected.problems().stream().map(Problem::toString).toList());
        assertTrue(rejected.getMessage().startsWith("Seed bundle " + bundle.location() + " refused, nothing imported"));
        assertTrue(DatabaseSnapshot.take().sameAs(before), "the database changed");
    }
}
