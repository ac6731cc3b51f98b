package org.minsheng.seed;

import java.time.Instant;
import java.util.List;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

import org.minsheng.persistence.Queries;
import org.minsheng.persistence.SqlRows;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A completed seed import; the newest one tells which bundle the database holds. */
@Entity
@Table(name = "seed_import")
public class SeedImportEntity extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "seed_import_seq")
    @SequenceGenerator(name = "seed_import_seq", sequenceName = "seed_import_seq", allocationSize = 1)
    public Long id;

    public String checksum;

    public String location;

    @jakarta.persistence.Column(name = "imported_at")
    public Instant importedAt;

    public int regions;

    public int sources;

    public int indicators;

    public int programs;

    public int observations;

    /** The sources this import owned, comma-separated; {@link #EVERYTHING} (or null, before V7) when it replaced all. */
    @jakarta.persistence.Column(name = "owned_sources")
    public String ownedSources;

    public static final String EVERYTHING = "*";

    /**
     * The files the import read from its bundle, one a line, in the order the checksum counted them;
     * null before V9.
     */
    public String files;

    /**
     * The latest import, read as plain SQL (not managed): the import at start's check reads it
     * without translating a query of the entities, a cost of its own at every start.
     */
    public static SeedImportEntity latest() {
        // What this transaction changed is read too, as a query of the entities would flush it first.
        Queries.em().flush();
        List<SeedImportEntity> rows = SqlRows.list("select id, checksum, location, imported_at, regions, sources,"
                + " indicators, programs, observations, owned_sources, files from seed_import order by id desc"
                + " fetch first 1 rows only", row -> {
                    SeedImportEntity record = new SeedImportEntity();
                    record.id = row.getLong(1);
                    record.checksum = row.getString(2);
                    record.location = row.getString(3);
                    record.importedAt = row.getTimestamp(4).toInstant();
                    record.regions = row.getInt(5);
                    record.sources = row.getInt(6);
                    record.indicators = row.getInt(7);
                    record.programs = row.getInt(8);
                    record.observations = row.getInt(9);
                    record.ownedSources = row.getString(10);
                    record.files = row.getString(11);
                    return record;
                });
        return rows.isEmpty() ? null : rows.get(0);
    }

    /** The latest import that owned any of {@code codes}: the one whose bundle the database holds for them. */
    public static SeedImportEntity latestOwning(java.util.Collection<String> codes) {
        for (SeedImportEntity record : SeedImportEntity.<SeedImportEntity> find("order by id desc").list()) {
            if (record.ownedSources == null || record.ownedSources.equals(EVERYTHING)
                    || java.util.Arrays.stream(record.ownedSources.split(",")).anyMatch(codes::contains)) {
                return record;
            }
        }
        return null;
    }
}
