package org.minsheng.bench.floor;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.eclipse.microprofile.graphql.Ignore;
import org.hibernate.annotations.Immutable;

/** A row of Minsheng's observation table, read only; indicator, region and source are resolved in FloorApi, batched. */
@Entity
@Immutable
public class Observation extends PanacheEntityBase {
    @Id
    @Ignore
    public Long id;
    @Column(name = "amount")
    public BigDecimal value;
    public String qualifier;
    public String quote;
    @Ignore
    @Column(name = "period_start")
    public LocalDate periodStart;
    @Ignore
    @Column(name = "period_end")
    public LocalDate periodEnd;
    @Ignore
    @Column(name = "indicator_code")
    public String indicatorCode;
    @Ignore
    @Column(name = "region_code")
    public String regionCode;
    @Ignore
    @Column(name = "source_code")
    public String sourceCode;

    public Period getPeriod() {
        return new Period(periodStart, periodEnd);
    }

    /** The period an observation refers to, first and last day included. */
    public record Period(LocalDate start, LocalDate end) {
    }

    /** A page of observations. */
    public record Page(java.util.List<Observation> nodes) {
    }
}
