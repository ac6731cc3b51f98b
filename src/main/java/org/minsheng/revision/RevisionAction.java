package org.minsheng.revision;

import org.eclipse.microprofile.graphql.Description;

@Description("What a write did.")
public enum RevisionAction {
    @Description("Created the object.")
    CREATE,
    @Description("Changed some of its fields.")
    UPDATE,
    @Description("Deleted it; the revision keeps what it was.")
    DELETE,
    @Description("Brought a deleted object back as it was.")
    RESTORE
}
