package org.minsheng.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;

import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.Version;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** The columns of every row an editor writes by code: the code itself and the version writes check. */
@MappedSuperclass
public abstract class CodedEntity extends PanacheEntityBase {

    @Id
    public String code;

    /** Raised by every update; an update or delete names the version it read. */
    @Version
    public int version;

    /** The columns {@link #readCoded} reads, first in every catalogue read of plain SQL. */
    public static final String CODED_COLUMNS = "code, version";

    /**
     * Fills the fields from a row whose first columns are {@link #CODED_COLUMNS}, for an entity made
     * to be read, not managed; returns the next column.
     */
    protected int readCoded(ResultSet row) throws SQLException {
        code = row.getString(1);
        version = row.getInt(2);
        return 3;
    }
}
