package org.minsheng.export;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * One figure as it leaves Minsheng: every field a reader needs to use it honestly, the qualifier,
 * how the figure was made (status), the decimals it was published with (precision) and the quote
 * included. The order of the components is the order of the CSV columns.
 */
@RegisterForReflection
@JsonPropertyOrder({ "indicator_code", "indicator_name", "region_code", "region_name", "region_level", "period_start",
        "period_end", "period_label", "value", "qualifier", "status", "precision", "unit", "display", "source", "quote",
        "note" })
public record ExportRow(
        @com.fasterxml.jackson.annotation.JsonProperty("indicator_code") String indicatorCode,
        @com.fasterxml.jackson.annotation.JsonProperty("indicator_name") String indicatorName,
        @com.fasterxml.jackson.annotation.JsonProperty("region_code") String regionCode,
        @com.fasterxml.jackson.annotation.JsonProperty("region_name") String regionName,
        @com.fasterxml.jackson.annotation.JsonProperty("region_level") String regionLevel,
        @com.fasterxml.jackson.annotation.JsonProperty("period_start") String periodStart,
        @com.fasterxml.jackson.annotation.JsonProperty("period_end") String periodEnd,
        @com.fasterxml.jackson.annotation.JsonProperty("period_label") String periodLabel,
        java.math.BigDecimal value,
        String qualifier,
        String status,
        Integer precision,
        String unit,
        String display,
        String source,
        String quote,
        String note) {
}
