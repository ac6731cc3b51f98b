package org.minsheng.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class MediaTypesTest {

    @Test
    void jsonBodiesAreAcceptedInTheirUsualSpellings() {
        assertTrue(MediaTypes.isJsonBody("application/json"));
        assertTrue(MediaTypes.isJsonBody("application/json; charset=utf-8"));
        assertTrue(MediaTypes.isJsonBody("Application/JSON;charset=\"UTF-8\""));
        assertTrue(MediaTypes.isJsonBody("application/graphql-response+json"));
        // GraphiQL sets Content-Type twice; fetch joins the two values with a comma.
        assertTrue(MediaTypes.isJsonBody("application/json, application/json"));
    }

    @Test
    void anythingElseIsNotAJsonBody() {
        assertFalse(MediaTypes.isJsonBody(null));
        assertFalse(MediaTypes.isJsonBody(""));
        assertFalse(MediaTypes.isJsonBody("text/plain"));
        assertFalse(MediaTypes.isJsonBody("application/x-www-form-urlencoded"));
        assertFalse(MediaTypes.isJsonBody("application/json; charset=latin1"));
        assertFalse(MediaTypes.isJsonBody("application/json, text/plain"));
    }

    @Test
    void theResponseTypeFollowsTheClientsPreference() {
        assertEquals(MediaTypes.JSON, MediaTypes.negotiate(null));
        assertEquals(MediaTypes.JSON, MediaTypes.negotiate("*/*"));
        assertEquals(MediaTypes.GRAPHQL_RESPONSE_JSON, MediaTypes.negotiate("application/graphql-response+json"));
        assertEquals(MediaTypes.GRAPHQL_RESPONSE_JSON,
                MediaTypes.negotiate("application/json;q=0.9, application/graphql-response+json"));
        assertEquals(MediaTypes.JSON, MediaTypes.negotiate("application/graphql-response+json;q=0.5, application/json"));
        assertNull(MediaTypes.negotiate("text/html"));
    }
}
