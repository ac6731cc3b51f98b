package org.minsheng.http;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.minsheng.config.MinshengConfig;
import org.minsheng.graphql.LimitExceededException;
import org.minsheng.limits.OperationAnalysis;

import graphql.GraphQLError;
import graphql.language.Document;
import graphql.parser.InvalidSyntaxException;
import graphql.parser.Parser;
import graphql.parser.ParserEnvironment;
import graphql.parser.ParserOptions;
import graphql.parser.exceptions.ParseCancelledException;
import graphql.parser.exceptions.ParseCancelledTooDeepException;
import graphql.schema.GraphQLSchema;
import graphql.validation.ValidationError;
import graphql.validation.Validator;

/**
 * Parses, measures and validates GraphQL documents before anything runs, and remembers the outcome
 * for recent documents, so a repeated query costs a map lookup.
 */
@ApplicationScoped
public class PreparedDocuments {

    /** The outcome for one document: ready to run, or refused with errors of one code. */
    public record Prepared(Document document, OperationAnalysis analysis, String errorCode, List<GraphQLError> errors,
            LimitExceededException limit) {

        boolean ready() {
            return errorCode == null;
        }
    }

    private static final int CACHED_DOCUMENTS = 500;
    private static final int CACHED_DOCUMENT_LENGTH = 16_384;

    @Inject
    MinshengConfig config;

    @Inject
    GraphQLSchema schema;

    private final Map<String, Prepared> cache = Collections.synchronizedMap(
            new LinkedHashMap<>(CACHED_DOCUMENTS, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, Prepared> eldest) {
                    return size() > CACHED_DOCUMENTS;
                }
            });

    public Prepared prepare(String query) {
        Prepared known = cache.get(query);
        if (known != null) {
            return known;
        }
        Prepared prepared = parseMeasureAndValidate(query);
        if (query.length() <= CACHED_DOCUMENT_LENGTH) {
            cache.put(query, prepared);
        }
        return prepared;
    }

    private Prepared parseMeasureAndValidate(String query) {
        MinshengConfig.Limits limits = config.limits();
        Document document;
        try {
            ParserOptions options = ParserOptions.getDefaultOperationParserOptions().transform(builder -> builder
                    .maxTokens(limits.tokens())
                    .maxCharacters(limits.bodyBytes())
                    .captureIgnoredChars(false)
                    .captureLineComments(false));
            document = new Parser().parseDocument(ParserEnvironment.newParserEnvironment().document(query)
                    .parserOptions(options).build());
        } catch (ParseCancelledTooDeepException e) {
            return refused(new LimitExceededException("depth", limits.depth(), -1,
                    "The document nests too deeply to be read (minsheng.limits.depth is " + limits.depth() + ")"));
        } catch (ParseCancelledException e) {
            return refused(new LimitExceededException("tokens", limits.tokens(), limits.tokens() + 1L,
                    "The document has more than " + limits.tokens() + " tokens (minsheng.limits.tokens)"));
        } catch (InvalidSyntaxException e) {
            return new Prepared(null, null, "GRAPHQL_PARSE_FAILED", List.of(e.toInvalidSyntaxError()), null);
        }
        OperationAnalysis analysis = new OperationAnalysis(document);
        OperationAnalysis.Shape shape = analysis.shape();
        LimitExceededException overShape = overShape(shape, limits);
        if (overShape != null) {
            return refused(overShape);
        }
        List<ValidationError> errors = new Validator().validateDocument(schema, document, Locale.ENGLISH);
        if (!errors.isEmpty()) {
            return new Prepared(document, analysis, "GRAPHQL_VALIDATION_FAILED", List.copyOf(errors), null);
        }
        return new Prepared(document, analysis, null, List.of(), null);
    }

    private static LimitExceededException overShape(OperationAnalysis.Shape shape, MinshengConfig.Limits limits) {
        if (shape.depth() > limits.depth()) {
            return new LimitExceededException("depth", limits.depth(), shape.depth(), "The operation nests fields "
                    + shape.depth() + " deep, over the limit of " + limits.depth() + " (minsheng.limits.depth)");
        }
        if (shape.aliases() > limits.aliases()) {
            return new LimitExceededException("aliases", limits.aliases(), shape.aliases(), "The document has "
                    + shape.aliases() + " aliases, over the limit of " + limits.aliases() + " (minsheng.limits.aliases)");
        }
        if (shape.directives() > limits.directives()) {
            return new LimitExceededException("directives", limits.directives(), shape.directives(),
                    "The document has " + shape.directives() + " directives, over the limit of " + limits.directives()
                            + " (minsheng.limits.directives)");
        }
        if (shape.fields() > limits.fields()) {
            return new LimitExceededException("fields", limits.fields(), shape.fields(), "The document has "
                    + shape.fields() + " fields once its fragments are expanded, over the limit of " + limits.fields()
                    + " (minsheng.limits.fields)");
        }
        return null;
    }

    private static Prepared refused(LimitExceededException limit) {
        return new Prepared(null, null, "LIMIT_EXCEEDED", List.of(), limit);
    }
}
