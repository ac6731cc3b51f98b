package org.minsheng.limits;

import java.math.BigInteger;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.minsheng.graphql.PageRequest;

import graphql.language.Argument;
import graphql.language.Directive;
import graphql.language.Document;
import graphql.language.Field;
import graphql.language.FragmentDefinition;
import graphql.language.FragmentSpread;
import graphql.language.InlineFragment;
import graphql.language.IntValue;
import graphql.language.Node;
import graphql.language.NodeUtil;
import graphql.language.OperationDefinition;
import graphql.language.Selection;
import graphql.language.SelectionSet;
import graphql.language.Value;
import graphql.language.VariableDefinition;
import graphql.language.VariableReference;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLFieldsContainer;
import graphql.schema.GraphQLList;
import graphql.schema.GraphQLNamedType;
import graphql.schema.GraphQLNonNull;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLType;
import graphql.schema.GraphQLTypeUtil;

/**
 * What a GraphQL document asks for, measured before it runs.
 *
 * <p>
 * {@link #shape} measures the document as written: the deepest field nesting, aliases, directives,
 * and the number of fields once fragments are expanded (memoised per fragment, so a fragment bomb
 * costs no more to measure than to read). {@link #cost} estimates the objects an operation can
 * resolve: every object field counts once per parent, a list multiplies by its size (a connection's
 * nodes and edges by {@code first}, an unpaged list by the largest such list in the data). Fields
 * whose names start with {@code __} (introspection) are not counted: they read the schema, not the
 * database, and graphql-java bounds them.
 */
public final class OperationAnalysis {

    /** The document's shape: each figure is compared with its limit before validation. */
    public record Shape(int depth, int aliases, int directives, long fields) {
    }

    private static final String CONNECTION_SUFFIX = "Connection";
    private static final Set<String> PAGE_FIELDS = Set.of("nodes", "edges");

    private final Document document;
    private final Map<String, FragmentDefinition> fragments;

    public OperationAnalysis(Document document) {
        this.document = document;
        this.fragments = NodeUtil.getFragmentsByName(document);
    }

    public Shape shape() {
        int[] aliasesAndDirectives = new int[2];
        countAliasesAndDirectives(document, aliasesAndDirectives);
        ShapeWalk walk = new ShapeWalk();
        int depth = 0;
        long fields = 0;
        for (OperationDefinition operation : document.getDefinitionsOfType(OperationDefinition.class)) {
            depth = Math.max(depth, walk.depth(operation.getSelectionSet()));
            fields = saturatedAdd(fields, walk.fields(operation.getSelectionSet()));
        }
        return new Shape(depth, aliasesAndDirectives[0], aliasesAndDirectives[1], fields);
    }

    /**
     * The estimated number of objects the operation resolves; 0 when no single operation is
     * selected (execution then fails without reading anything).
     */
    public long cost(GraphQLSchema schema, String operationName, Map<String, Object> variables,
            UnpagedLists lists) {
        OperationDefinition operation = select(operationName);
        if (operation == null) {
            return 0;
        }
        GraphQLFieldsContainer root = switch (operation.getOperation()) {
            case MUTATION -> schema.getMutationType();
            case SUBSCRIPTION -> schema.getSubscriptionType();
            default -> schema.getQueryType();
        };
        return new CostWalk(schema, operation, variables, lists).cost(operation.getSelectionSet(), root, 0);
    }

    /** The operation that runs: the named one, or the only one; null when that is ambiguous. */
    public OperationDefinition select(String operationName) {
        List<OperationDefinition> operations = document.getDefinitionsOfType(OperationDefinition.class);
        if (operationName == null || operationName.isEmpty()) {
            return operations.size() == 1 ? operations.get(0) : null;
        }
        return operations.stream().filter(op -> operationName.equals(op.getName())).findFirst().orElse(null);
    }

    private static void countAliasesAndDirectives(Node<?> node, int[] counts) {
        if (node instanceof Field field && field.getAlias() != null) {
            counts[0]++;
        }
        if (node instanceof Directive) {
            counts[1]++;
        }
        for (Node<?> child : node.getChildren()) {
            countAliasesAndDirectives(child, counts);
        }
    }

    /** Depth and expanded field count, memoised per fragment; a fragment cycle counts as nothing (validation refuses it). */
    private final class ShapeWalk {
        private final Map<String, Integer> fragmentDepth = new HashMap<>();
        private final Map<String, Long> fragmentFields = new HashMap<>();
        private final Set<String> open = new HashSet<>();

        int depth(SelectionSet set) {
            int deepest = 0;
            for (Selection<?> selection : selections(set)) {
                if (selection instanceof Field field) {
                    if (!field.getName().startsWith("__")) {
                        deepest = Math.max(deepest, 1 + depth(field.getSelectionSet()));
                    }
                } else if (selection instanceof InlineFragment inline) {
                    deepest = Math.max(deepest, depth(inline.getSelectionSet()));
                } else if (selection instanceof FragmentSpread spread) {
                    deepest = Math.max(deepest, fragment(spread.getName(), fragmentDepth, 0,
                            definition -> depth(definition.getSelectionSet())));
                }
            }
            return deepest;
        }

        long fields(SelectionSet set) {
            long count = 0;
            for (Selection<?> selection : selections(set)) {
                if (selection instanceof Field field) {
                    count = saturatedAdd(count, 1 + fields(field.getSelectionSet()));
                } else if (selection instanceof InlineFragment inline) {
                    count = saturatedAdd(count, fields(inline.getSelectionSet()));
                } else if (selection instanceof FragmentSpread spread) {
                    count = saturatedAdd(count, fragment(spread.getName(), fragmentFields, 0L,
                            definition -> fields(definition.getSelectionSet())));
                }
            }
            return count;
        }

        private <T> T fragment(String name, Map<String, T> memo, T none,
                java.util.function.Function<FragmentDefinition, T> measure) {
            T known = memo.get(name);
            if (known != null) {
                return known;
            }
            FragmentDefinition definition = fragments.get(name);
            if (definition == null || !open.add(name)) {
                return none;
            }
            try {
                T value = measure.apply(definition);
                memo.put(name, value);
                return value;
            } finally {
                open.remove(name);
            }
        }
    }

    /** The object estimate of a validated operation. */
    private final class CostWalk {
        private final GraphQLSchema schema;
        private final Map<String, Object> variables;
        private final Map<String, Value<?>> variableDefaults = new HashMap<>();
        private final UnpagedLists lists;
        private final Map<String, Long> fragmentCost = new HashMap<>();

        CostWalk(GraphQLSchema schema, OperationDefinition operation, Map<String, Object> variables,
                UnpagedLists lists) {
            this.schema = schema;
            this.variables = variables == null ? Map.of() : variables;
            this.lists = lists;
            for (VariableDefinition definition : operation.getVariableDefinitions()) {
                if (definition.getDefaultValue() != null) {
                    variableDefaults.put(definition.getName(), definition.getDefaultValue());
                }
            }
        }

        /** {@code pageSize}: the page of the connection whose selection this is, 0 outside a connection. */
        long cost(SelectionSet set, GraphQLType parent, long pageSize) {
            long total = 0;
            for (Selection<?> selection : selections(set)) {
                if (selection instanceof Field field) {
                    total = saturatedAdd(total, field(field, parent, pageSize));
                } else if (selection instanceof InlineFragment inline) {
                    GraphQLType type = inline.getTypeCondition() == null ? parent
                            : schemaType(parent, inline.getTypeCondition().getName());
                    total = saturatedAdd(total, cost(inline.getSelectionSet(), type, pageSize));
                } else if (selection instanceof FragmentSpread spread) {
                    total = saturatedAdd(total, spread(spread.getName(), parent, pageSize));
                }
            }
            return total;
        }

        private long spread(String name, GraphQLType parent, long pageSize) {
            String key = name + "#" + pageSize;
            Long known = fragmentCost.get(key);
            if (known != null) {
                return known;
            }
            FragmentDefinition definition = fragments.get(name);
            if (definition == null) {
                return 0;
            }
            long value = cost(definition.getSelectionSet(),
                    schemaType(parent, definition.getTypeCondition().getName()), pageSize);
            fragmentCost.put(key, value);
            return value;
        }

        private long field(Field field, GraphQLType parent, long pageSize) {
            if (field.getName().startsWith("__") || !(parent instanceof GraphQLFieldsContainer container)) {
                return 0;
            }
            GraphQLFieldDefinition definition = container.getFieldDefinition(field.getName());
            if (definition == null) {
                return 0;
            }
            GraphQLType type = definition.getType();
            GraphQLType unwrapped = type instanceof GraphQLNonNull nonNull ? nonNull.getWrappedType() : type;
            GraphQLNamedType base = GraphQLTypeUtil.unwrapAll(type);
            if (!(base instanceof GraphQLFieldsContainer)) {
                return 0;
            }
            long multiplier = 1;
            if (unwrapped instanceof GraphQLList) {
                multiplier = container.getName().endsWith(CONNECTION_SUFFIX) && PAGE_FIELDS.contains(field.getName())
                        ? pageSize
                        : definition.getArgument("first") != null
                                // A list with a size argument (search) holds at most that many.
                                ? first(field)
                                : lists.bound(container.getName(), field.getName());
            }
            long childPage = base.getName().endsWith(CONNECTION_SUFFIX) ? first(field) : 0;
            return saturatedMultiply(multiplier, saturatedAdd(1, cost(field.getSelectionSet(), base, childPage)));
        }

        private GraphQLType schemaType(GraphQLType fallback, String name) {
            return fallback instanceof GraphQLNamedType && ((GraphQLNamedType) fallback).getName().equals(name)
                    ? fallback
                    : schema.getType(name);
        }

        /** The connection's page size: its first argument, or the default page. */
        private long first(Field field) {
            Argument argument = field.getArguments().stream().filter(a -> a.getName().equals("first")).findFirst()
                    .orElse(null);
            Object value = argument == null ? null : literal(argument.getValue());
            if (value == null) {
                return PageRequest.DEFAULT_FIRST;
            }
            long first = value instanceof Number number ? number.longValue() : PageRequest.DEFAULT_FIRST;
            if (value instanceof BigInteger big && big.bitLength() > 63) {
                first = Long.MAX_VALUE;
            }
            if (first > PageRequest.MAX_FIRST) {
                throw PageRequest.pageSizeExceeded(first);
            }
            return Math.max(0, first);
        }

        private Object literal(Value<?> value) {
            if (value instanceof IntValue intValue) {
                return intValue.getValue();
            }
            if (value instanceof VariableReference reference) {
                if (variables.containsKey(reference.getName())) {
                    return variables.get(reference.getName());
                }
                Value<?> fallback = variableDefaults.get(reference.getName());
                return fallback == null ? null : literal(fallback);
            }
            return null;
        }
    }

    private static List<Selection> selections(SelectionSet set) {
        return set == null ? List.of() : set.getSelections();
    }

    static long saturatedAdd(long a, long b) {
        long sum = a + b;
        return ((a ^ sum) & (b ^ sum)) < 0 ? Long.MAX_VALUE : sum;
    }

    static long saturatedMultiply(long a, long b) {
        long high = Math.multiplyHigh(a, b);
        long low = a * b;
        return (high == 0 && low >= 0) ? low : Long.MAX_VALUE;
    }
}
