package org.minsheng.seed;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

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

    public static SeedImportEntity latest() {
        return SeedImportEntity.<SeedImportEntity> find("order by id desc").firstResult();
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
