package org.minsheng.observation;

import org.eclipse.microprofile.graphql.Description;

/** What happened to a figure, as a subscription reports it. */
@Description("What happened to the figure.")
public enum ChangeAction {
    @Description("It was created (through the API, or by an import that added it).")
    CREATED,
    @Description("Some of its fields changed.")
    UPDATED,
    @Description("It was deleted; the change carries it as it was.")
    DELETED
}
