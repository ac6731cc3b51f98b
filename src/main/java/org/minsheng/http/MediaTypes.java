package org.minsheng.http;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/** Content negotiation for the GraphQL endpoint, as the GraphQL-over-HTTP specification asks. */
final class MediaTypes {

    static final String GRAPHQL_RESPONSE_JSON = "application/graphql-response+json";
    static final String JSON = "application/json";

    private MediaTypes() {
    }

    /**
     * The response media type for an Accept header: {@code application/graphql-response+json} when
     * the client prefers it, {@code application/json} for it, {@code * / *}, {@code application/*} or no
     * header; null when the client accepts neither (406).
     */
    static String negotiate(String accept) {
        if (accept == null || accept.isBlank()) {
            return JSON;
        }
        record Range(String type, double q, int order) {
        }
        List<Range> ranges = new ArrayList<>();
        String[] parts = accept.split(",");
        for (int i = 0; i < parts.length; i++) {
            String[] pieces = parts[i].split(";");
            double q = 1;
            for (int p = 1; p < pieces.length; p++) {
                String parameter = pieces[p].strip();
                if (parameter.startsWith("q=")) {
                    try {
                        q = Double.parseDouble(parameter.substring(2));
                    } catch (NumberFormatException e) {
                        q = 0;
                    }
                }
            }
            ranges.add(new Range(pieces[0].strip().toLowerCase(Locale.ROOT), q, i));
        }
        ranges.sort(Comparator.comparingDouble(Range::q).reversed().thenComparingInt(Range::order));
        for (Range range : ranges) {
            if (range.q() <= 0) {
                continue;
            }
            switch (range.type()) {
                case GRAPHQL_RESPONSE_JSON:
                    return GRAPHQL_RESPONSE_JSON;
                case JSON, "*/*", "application/*":
                    return JSON;
                default:
                    break;
            }
        }
        return null;
    }

    /**
     * Whether a request Content-Type names a JSON body in UTF-8 (the charset may be left out). A header
     * sent twice arrives joined by a comma (GraphiQL's fetcher does so): every value must name JSON.
     */
    static boolean isJsonBody(String contentType) {
        if (contentType == null || contentType.isBlank()) {
            return false;
        }
        for (String value : contentType.split(",")) {
            if (!isJsonType(value)) {
                return false;
            }
        }
        return true;
    }

    private static boolean isJsonType(String value) {
        String[] pieces = value.split(";");
        String type = pieces[0].strip().toLowerCase(Locale.ROOT);
        if (!type.equals(JSON) && !type.equals(GRAPHQL_RESPONSE_JSON)) {
            return false;
        }
        for (int p = 1; p < pieces.length; p++) {
            String parameter = pieces[p].strip().toLowerCase(Locale.ROOT);
            if (parameter.startsWith("charset=") && !parameter.substring(8).replace("\"", "").equals("utf-8")) {
                return false;
            }
        }
        return true;
    }
}
