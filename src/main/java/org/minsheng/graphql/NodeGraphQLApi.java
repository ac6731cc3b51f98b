package org.minsheng.graphql;

import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;

@GraphQLApi
public class NodeGraphQLApi {

    @Inject
    Instance<NodeLoader> loaders;

    private volatile Map<String, NodeLoader> byType;

    @Query("node")
    @Description("The object with this global ID, whatever its type; null when it no longer exists.")
    public Node node(@NonNull @Id @Name("id") @Description("A global ID from the id field of any object.") String id) {
        GlobalId global = GlobalId.decode(id);
        NodeLoader loader = loaders().get(global.type());
        if (loader == null) {
            throw notAnId(id);
        }
        try {
            return loader.find(global.key()).orElse(null);
        } catch (IllegalArgumentException e) {
            throw notAnId(id);
        }
    }

    private Map<String, NodeLoader> loaders() {
        if (byType == null) {
            byType = loaders.stream().collect(Collectors.toMap(NodeLoader::type, Function.identity()));
        }
        return byType;
    }

    private static BadUserInputException notAnId(String id) {
        return new BadUserInputException("Not a Minsheng node ID: \"" + id + "\"");
    }
}
