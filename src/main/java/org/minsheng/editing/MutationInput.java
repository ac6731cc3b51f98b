package org.minsheng.editing;

import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.graphql.Description;

/** What every mutation's input carries besides the object: why, and a key against repeats. */
public abstract class MutationInput {

    @Size(max = 2000)
    @Description("Why: recorded in the revision.")
    public String reason;

    @Size(max = 200)
    @Description("A key of the caller's choosing: a repeated mutation with the same key is applied once.")
    public String clientMutationId;
}
