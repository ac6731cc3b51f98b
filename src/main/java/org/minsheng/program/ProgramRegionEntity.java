package org.minsheng.program;

import java.io.Serializable;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A region a programme covers. */
@Entity
@Table(name = "program_region")
@IdClass(ProgramRegionEntity.Key.class)
public class ProgramRegionEntity extends PanacheEntityBase {

    @Id
    @Column(name = "program_code")
    public String programCode;

    @Id
    @Column(name = "region_code")
    public String regionCode;

    public ProgramRegionEntity() {
    }

    public ProgramRegionEntity(String programCode, String regionCode) {
        this.programCode = programCode;
        this.regionCode = regionCode;
    }

    public record Key(String programCode, String regionCode) implements Serializable {
        public Key() {
            this(null, null);
        }
    }
}
