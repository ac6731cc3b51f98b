package org.minsheng.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;

import jakarta.persistence.Column;
import jakarta.persistence.MappedSuperclass;

import org.minsheng.vocabulary.Pinyin;

/** A coded row with a Chinese name, its pinyin and an English name: regions, indicators, programmes. */
@MappedSuperclass
public abstract class NamedEntity extends CodedEntity {

    public String name;

    /** The name in pinyin, syllable by syllable, computed at import ({@link Pinyin}). */
    @Column(name = "name_pinyin")
    public String namePinyin;

    /** The pinyin without spaces: what NAME ordering and pinyin search compare. */
    @Column(name = "name_key")
    public String nameKey;

    @Column(name = "name_en")
    public String nameEn;

    /** The columns {@link #readNamed} reads. */
    public static final String NAMED_COLUMNS = CODED_COLUMNS + ", name, name_pinyin, name_key, name_en";

    /** Fills the fields from a row whose first columns are {@link #NAMED_COLUMNS}; returns the next column. */
    protected int readNamed(ResultSet row) throws SQLException {
        int column = readCoded(row);
        name = row.getString(column);
        namePinyin = row.getString(column + 1);
        nameKey = row.getString(column + 2);
        nameEn = row.getString(column + 3);
        return column + 4;
    }

    /** Sets the name and the columns derived from it. */
    public void name(String name) {
        this.name = name;
        this.namePinyin = Pinyin.of(name);
        this.nameKey = Pinyin.key(namePinyin);
    }
}
