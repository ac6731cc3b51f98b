package org.minsheng.export;

import org.eclipse.microprofile.graphql.Description;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** The formats figures leave Minsheng in, each with its file extension. */
@RegisterForReflection
@Description("A format of the bulk export at /export/observations.{extension}.")
public enum ExportFormat {
    @Description("RFC 4180 CSV in UTF-8 with a header row, one column per field (observations.csv).")
    CSV("csv", "text/csv; charset=utf-8; header=present"),
    @Description("JSON Lines: one JSON object per figure (observations.jsonl).")
    JSONL("jsonl", "application/jsonl; charset=utf-8"),
    @Description("A JSON-stat 2.0 dataset: dimensions indicator, region, time and source, the qualifier of each value "
            + "in status (observations.json-stat).")
    JSON_STAT("json-stat", "application/json; charset=utf-8"),
    @Description("SDMX-CSV 2.0, dataflow MINSHENG:OBSERVATIONS(1.0): dimensions INDICATOR, REF_AREA, TIME_PERIOD and "
            + "SOURCE; OBS_VALUE with UNIT_MEASURE, the qualifier in OBS_QUALIFIER, the quote in COMMENT_OBS "
            + "(observations.sdmx.csv).")
    SDMX_CSV("sdmx.csv", "application/vnd.sdmx.data+csv; version=2.0.0; charset=utf-8");

    public final String extension;
    public final String mediaType;

    ExportFormat(String extension, String mediaType) {
        this.extension = extension;
        this.mediaType = mediaType;
    }

    /** The format of a file extension, or null. */
    public static ExportFormat ofExtension(String extension) {
        for (ExportFormat format : values()) {
            if (format.extension.equals(extension)) {
                return format;
            }
        }
        return null;
    }
}
