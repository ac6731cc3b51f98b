package org.minsheng.seed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
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
        assertEquals(before.counts().values().stream().mapToLong(Long::longValue).sum()
                - before.counts().get("SeedImportEntity"), forced.changes().unchanged());
        assertTrue(DatabaseSnapshot.take().sameAs(before));
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
