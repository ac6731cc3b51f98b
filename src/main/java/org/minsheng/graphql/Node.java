package org.minsheng.graphql;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Interface;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;

/** Every object that {@code node(id:)} can find. */
@Interface
@Name("Node")
@Description("An object with a global ID, which node(id:) accepts to fetch it again.")
public interface Node {

    @Id
    @NonNull
    @Description("Opaque global ID of this object, stable across restarts.")
    String getId();
}
