package org.minsheng.program;

import java.time.LocalDate;
import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.minsheng.editing.CodedWriter;
import org.minsheng.source.DatePrecision;
import org.minsheng.vocabulary.Theme;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * A programme as its revisions record it, its regions and indicators (sorted by code) included,
 * with the limits of its columns.
 */
@RegisterForReflection
@JsonIgnoreProperties(ignoreUnknown = true)
public record ProgramState(
        @NotBlank @Size(max = 100) String code,
        @NotBlank @Size(max = 300) String name,
        @Size(max = 300) String nameEn,
        @Size(max = 4000) String description,
        @Size(max = 4000) String descriptionEn,
        @NotNull Theme theme,
        @NotNull ProgramKind kind,
        @Size(max = 300) String agency,
        @Size(max = 300) String agencyEn,
        LocalDate startedOn,
        DatePrecision startPrecision,
        LocalDate endedOn,
        DatePrecision endPrecision,
        @NotEmpty @Size(max = 2000) List<@NotBlank String> regionCodes,
        Integer regionsInAll,
        @Size(max = 2000) List<@NotBlank String> indicatorCodes,
        @Size(max = 64) String sourceCode,
        int version) implements CodedWriter.State {

    static ProgramState of(ProgramEntity e, List<String> regionCodes, List<String> indicatorCodes) {
        return new ProgramState(e.code, e.name, e.nameEn, e.description, e.descriptionEn, e.theme, e.kind, e.agency,
                e.agencyEn, e.startedOn, e.startPrecision, e.endedOn, e.endPrecision, regionCodes, e.regionsInAll,
                indicatorCodes, e.sourceCode, e.version);
    }

    void applyTo(ProgramEntity e) {
        e.code = code;
        e.name(name);
        e.nameEn = nameEn;
        e.description = description;
        e.descriptionEn = descriptionEn;
        e.theme = theme;
        e.kind = kind;
        e.agency = agency;
        e.agencyEn = agencyEn;
        e.startedOn = startedOn;
        e.startPrecision = startPrecision;
        e.endedOn = endedOn;
        e.endPrecision = endPrecision;
        e.regionsInAll = regionsInAll;
        e.sourceCode = sourceCode;
    }
}
