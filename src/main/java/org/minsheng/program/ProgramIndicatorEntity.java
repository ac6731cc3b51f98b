package org.minsheng.program;

import java.io.Serializable;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** An indicator a programme moves. */
@Entity
@Table(name = "program_indicator")
@IdClass(ProgramIndicatorEntity.Key.class)
public class ProgramIndicatorEntity extends PanacheEntityBase {

    @Id
    @Column(name = "program_code")
    public String programCode;

    @Id
    @Column(name = "indicator_code")
    public String indicatorCode;

    public ProgramIndicatorEntity() {
    }

    public ProgramIndicatorEntity(String programCode, String indicatorCode) {
        this.programCode = programCode;
        this.indicatorCode = indicatorCode;
    }

    public record Key(String programCode, String indicatorCode) implements Serializable {
        public Key() {
            this(null, null);
        }
    }
}
