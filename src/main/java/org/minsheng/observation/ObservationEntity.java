package org.minsheng.observation;

import java.math.BigDecimal;
import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.minsheng.indicator.Indicator;
import org.minsheng.indicator.IndicatorEntity;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * One published figure: an indicator's value for a region and period, with its qualifier and the
 * sentence it was published in. Its natural key is indicator, region, period and source.
 */
@Entity
@Table(name = "observation")
public class ObservationEntity extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "observation_seq")
    @SequenceGenerator(name = "observation_seq", sequenceName = "observation_seq", allocationSize = 50)
    public Long id;

    @Column(name = "indicator_code")
    public String indicatorCode;

    @Column(name = "region_code")
    public String regionCode;

    @Column(name = "period_start")
    public LocalDate periodStart;

    @Column(name = "period_end")
    public LocalDate periodEnd;

    @Column(name = "amount", precision = 30, scale = 6)
    public BigDecimal value;

    @Enumerated(EnumType.STRING)
    public Qualifier qualifier;

    @Column(name = "source_code")
    public String sourceCode;

    public String quote;

    public String note;

    /** How the figure was made: a count, a sample estimate, derived, reported. */
    @Enumerated(EnumType.STRING)
    public ObservationStatus status = ObservationStatus.REPORTED;

    /** The decimals it was published with, in its base unit (-3 for "20.1万"); null where unknown. */
    @Column(name = "precision_decimals")
    public Integer precision;

    /** Raised by every update; an update or delete names the version it read. */
    @Version
    public int version;

    /** The GraphQL view; the indicator supplies the unit that display text needs. */
    public Observation toGraph(IndicatorEntity indicator) {
        return toGraph(indicator.toGraph());
    }

    /** The GraphQL view, with the indicator as the catalogue holds it. */
    public Observation toGraph(Indicator indicator) {
        return new Observation(id, new Period(periodStart, periodEnd), normalize(value), qualifier, status,
                precision, quote, note, indicatorCode, regionCode, sourceCode, indicator, version);
    }

    /**
     * A value at the column's scale (6), as the database gives it back: so that writing a value the
     * row already holds ("1" onto 1.000000) is no change to Hibernate's dirty tracking, which
     * compares with equals.
     */
    public static BigDecimal stored(BigDecimal value) {
        return value == null ? null : value.setScale(6, java.math.RoundingMode.UNNECESSARY);
    }

    /** Drops the trailing zeros the column's fixed scale adds: 201000.000000 is 201000. */
    public static BigDecimal normalize(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }
}
