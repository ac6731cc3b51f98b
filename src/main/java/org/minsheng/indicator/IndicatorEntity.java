package org.minsheng.indicator;

import java.sql.ResultSet;
import java.sql.SQLException;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

import org.minsheng.persistence.NamedEntity;
import org.minsheng.persistence.SqlRows;
import org.minsheng.vocabulary.Theme;

/** What a figure measures, keyed by a dotted code such as {@code employment.urban_new_jobs}. */
@Entity
@Table(name = "indicator")
public class IndicatorEntity extends NamedEntity {

    public String description;

    @Column(name = "description_en")
    public String descriptionEn;

    @Enumerated(EnumType.STRING)
    public Theme theme;

    @Enumerated(EnumType.STRING)
    public UnitOfMeasure unit;

    @Column(name = "counter_zh")
    public String counterZh;

    @Column(name = "counter_en")
    public String counterEn;

    public boolean additive;

    /** The columns {@link #read} reads: the catalogue reads indicators as plain SQL. */
    public static final String COLUMNS = NAMED_COLUMNS
            + ", description, description_en, theme, unit, counter_zh, counter_en, additive";

    /** An indicator from a row of {@link #COLUMNS}, to be read, not managed. */
    public static IndicatorEntity read(ResultSet row) throws SQLException {
        IndicatorEntity indicator = new IndicatorEntity();
        int column = indicator.readNamed(row);
        indicator.description = row.getString(column);
        indicator.descriptionEn = row.getString(column + 1);
        indicator.theme = SqlRows.constant(row, column + 2, Theme.class);
        indicator.unit = SqlRows.constant(row, column + 3, UnitOfMeasure.class);
        indicator.counterZh = row.getString(column + 4);
        indicator.counterEn = row.getString(column + 5);
        indicator.additive = row.getBoolean(column + 6);
        return indicator;
    }

    public Indicator toGraph() {
        return new Indicator(code, name, nameEn, description, descriptionEn, theme, unit.toGraph(), additive, unit,
                counterZh != null ? counterZh : unit.counterZh, counterEn != null ? counterEn : unit.counterEn, nameKey,
                namePinyin, version);
    }
}
