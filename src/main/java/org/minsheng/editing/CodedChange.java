package org.minsheng.editing;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;

/**
 * A change to an object keyed by its code: the object, the version the caller read, and (in an
 * update) the fields to replace; a field left out keeps its value.
 */
public abstract class CodedChange extends MutationInput {

    @NonNull
    @NotBlank
    @Description("The object's code.")
    public String code;

    @NonNull
    @NotNull
    @Description("The version read: a stale one is refused with CONFLICT.")
    public Integer version;
}
