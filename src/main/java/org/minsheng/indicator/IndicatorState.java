package org.minsheng.indicator;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.minsheng.editing.CodedWriter;
import org.minsheng.vocabulary.Theme;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** An indicator as its revisions record it, with the limits of its columns. */
@RegisterForReflection
@JsonIgnoreProperties(ignoreUnknown = true)
public record IndicatorState(
        @NotBlank @Size(max = 100) String code,
        @NotBlank @Size(max = 200) String name,
        @Size(max = 200) String nameEn,
        @Size(max = 4000) String description,
        @Size(max = 4000) String descriptionEn,
        @NotNull Theme theme,
        @NotNull UnitOfMeasure unit,
        @Size(max = 16) String counterZh,
        @Size(max = 64) String counterEn,
        @NotNull Boolean additive,
        int version) implements CodedWriter.State {

    static IndicatorState of(IndicatorEntity e) {
        return new IndicatorState(e.code, e.name, e.nameEn, e.description, e.descriptionEn, e.theme, e.unit, e.counterZh,
                e.counterEn, e.additive, e.version);
    }

    void applyTo(IndicatorEntity e) {
        e.code = code;
        e.name(name);
        e.nameEn = nameEn;
        e.description = description;
        e.descriptionEn = descriptionEn;
        e.theme = theme;
        e.unit = unit;
        e.counterZh = counterZh;
        e.counterEn = counterEn;
        e.additive = additive;
    }
}
