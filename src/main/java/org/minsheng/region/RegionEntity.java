package org.minsheng.region;

import java.sql.ResultSet;
import java.sql.SQLException;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

import org.minsheng.persistence.NamedEntity;
import org.minsheng.persistence.SqlRows;

/** A statistical division, keyed by its code; its parent is the division whose code it extends. */
@Entity
@Table(name = "region")
public class RegionEntity extends NamedEntity {

    @Enumerated(EnumType.STRING)
    public RegionLevel level;

    @Column(name = "parent_code")
    public String parentCode;

    @Column(name = "statistical_only")
    public boolean statisticalOnly;

    /** The columns {@link #read} reads: the catalogue reads regions as plain SQL. */
    public static final String COLUMNS = NAMED_COLUMNS + ", level, statistical_only, parent_code";

    /** A region from a row of {@link #COLUMNS}, to be read, not managed. */
    public static RegionEntity read(ResultSet row) throws SQLException {
        RegionEntity region = new RegionEntity();
        int column = region.readNamed(row);
        region.level = SqlRows.constant(row, column, RegionLevel.class);
        region.statisticalOnly = row.getBoolean(column + 1);
        region.parentCode = row.getString(column + 2);
        return region;
    }

    public Region toGraph() {
        return new Region(code, name, nameEn, level, statisticalOnly, parentCode, nameKey, namePinyin, version);
    }
}
