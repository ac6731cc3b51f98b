package org.minsheng.revision;

import java.time.Instant;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.minsheng.graphql.GlobalId;

@Name("Revision")
@Description("One write through the API: the object's state before and after it, who made it, when and why.")
public record Revision(
        @Ignore Long key,
        @NonNull @Description("The type of the object written: Observation, ….") String type,
        @NonNull @Description("The object's key: an observation's number, a code.") String objectKey,
        @NonNull @Description("When the write was made (UTC).") Instant at,
        @NonNull @Description("Who made it: the subject of the writer's token.") String by,
        @NonNull @Description("What the write did.") RevisionAction action,
        @Description("Why, as the writer gave it.") String reason,
        @Description("The object before the write, as JSON text; null for a creation.") Json before,
        @Description("The object after the write, as JSON text; null for a deletion.") Json after) {

    public static final String TYPE = "Revision";

    @Id
    @NonNull
    @Description("Opaque global ID of this revision.")
    public String getId() {
        return GlobalId.encode(TYPE, Long.toString(key));
    }

    @NonNull
    @Description("The global ID of the object written.")
    public String getObjectId() {
        return GlobalId.encode(type, objectKey);
    }
}
