package org.minsheng.graphql;

import java.util.Map;

/**
 * Reads one input type from the values graphql-java coerced for it (a map of its fields to strings,
 * numbers, enum names, lists and maps), for the hot read fields. SmallRye converts an input object by
 * writing the map as JSON and binding the JSON to the class (7 % of a request that pages figures,
 * W6, and 6 % of one that pages them for 12 regions, W5). A reader declines (answers null) any value
 * it does not read exactly as SmallRye would, and SmallRye converts the field's arguments then.
 *
 * <p>
 * A feature registers a reader as an unremovable bean; {@link LightFetchers} and
 * {@link ArgumentGroupedDataFetchers} look them up by type.
 */
public interface InputReader<T> {

    /** The input class this reader makes. */
    Class<T> type();

    /** The input read from its fields, or null when they hold something this reader leaves to SmallRye. */
    T read(Map<String, Object> fields);
}
