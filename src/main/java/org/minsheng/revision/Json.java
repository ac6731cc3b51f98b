package org.minsheng.revision;

import io.smallrye.graphql.api.CustomScalar;
import io.smallrye.graphql.api.CustomStringScalar;

/** An object's state as JSON text: {"value": 4, "qualifier": "EXACT", …}. */
@CustomScalar("JSON")
public class Json implements CustomStringScalar {

    private final String text;

    public Json(String text) {
        this.text = text;
    }

    static Json of(String text) {
        return text == null ? null : new Json(text);
    }

    @Override
    public String stringValueForSerialization() {
        return text;
    }

    @Override
    public String toString() {
        return text;
    }
}
