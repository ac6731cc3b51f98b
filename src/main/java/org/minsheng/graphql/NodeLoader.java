package org.minsheng.graphql;

import java.util.Optional;

/**
 * Finds the objects of one type by the key inside their global ID, for {@code node(id:)}. Each
 * feature whose type implements {@link Node} provides one as a CDI bean, so this package depends on
 * no feature.
 */
public interface NodeLoader {

    /** The type name in the global IDs this loader reads, e.g. {@code "Region"}. */
    String type();

    /**
     * The object with this key, or empty when there is none.
     *
     * @throws IllegalArgumentException when the key cannot be a key of this type
     */
    Optional<? extends Node> find(String key);
}
