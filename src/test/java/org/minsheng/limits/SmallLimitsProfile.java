package org.minsheng.limits;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/** Limits small enough that a test can send a request just under and just over each of them. */
public class SmallLimitsProfile implements QuarkusTestProfile {

    static final int ALIASES = 5;
    static final int DIRECTIVES = 5;
    static final int FIELDS = 50;
    static final int TOKENS = 300;
    static final int BODY_BYTES = 4096;
    static final int LIST_ITEMS = 200;
    static final int ROWS = 50;
    /** A township's children's children's children: estimated at 1 + 27 × (1 + 27 × (1 + 27)) objects. */
    static final int COST = 20_440;

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "minsheng.limits.aliases", Integer.toString(ALIASES),
                "minsheng.limits.directives", Integer.toString(DIRECTIVES),
                "minsheng.limits.fields", Integer.toString(FIELDS),
                "minsheng.limits.tokens", Integer.toString(TOKENS),
                "minsheng.limits.body-bytes", Integer.toString(BODY_BYTES),
                "minsheng.limits.list-items", Integer.toString(LIST_ITEMS),
                "minsheng.limits.rows", Integer.toString(ROWS),
                "minsheng.limits.cost", Integer.toString(COST));
    }
}
