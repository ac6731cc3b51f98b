package org.minsheng.region;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.minsheng.editing.CodedWriter;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** A region as its revisions record it, with the limits of its columns. */
@RegisterForReflection
@JsonIgnoreProperties(ignoreUnknown = true)
public record RegionState(
        @NotBlank @Size(max = 12) String code,
        @NotBlank @Size(max = 100) String name,
        @Size(max = 200) String nameEn,
        @NotNull RegionLevel level,
        @Size(max = 12) String parentCode,
        boolean statisticalOnly,
        int version) implements CodedWriter.State {

    static RegionState of(RegionEntity e) {
        return new RegionState(e.code, e.name, e.nameEn, e.level, e.parentCode, e.statisticalOnly, e.version);
    }

    void applyTo(RegionEntity e) {
        e.code = code;
        e.name(name);
        e.nameEn = nameEn;
        e.level = level;
        e.parentCode = parentCode;
        e.statisticalOnly = statisticalOnly;
    }
}
