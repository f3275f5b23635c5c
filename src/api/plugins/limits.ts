import type { ApolloServerPlugin } from '@apollo/server';
import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import {
  getNamedType,
  getNullableType,
  GraphQLError,
  isCompositeType,
  isInterfaceType,
  isListType,
  isObjectType,
  Kind,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLField,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type ValidationContext,
  type ValidationRule,
  valueFromAST,
} from 'graphql';
import { getVariableValues } from 'graphql/execution/values';
import { LIMITS } from '../../graph/limits';

/**
 * Request limits, all linear in the size of the query: each fragment is walked once whatever
 * the number of its spreads (memoized), and a fragment cycle ends the walk instead of the stack.
 * Every violation is a client error (HTTP 400) with a message that says what to change.
 */

/** graphql-armor's rules report through the validation context, so they answer 400 like any invalid query. */
const report = (context: ValidationContext | null, error: GraphQLError) =>
  context?.reportError(
    new GraphQLError(error.message.replace(/^Syntax Error: /, ''), { nodes: error.nodes }),
  );

/** Deepest selection, fragments expanded (memoized per fragment, cycle-safe). */
export function depthLimitRule(maxDepth: number = LIMITS.maxDepth): ValidationRule {
  return maxDepthRule({ n: maxDepth, propagateOnRejection: false, onReject: [report] });
}

/** Aliases per operation, fragments included. */
export function aliasLimitRule(maxAliases: number = LIMITS.maxAliases): ValidationRule {
  return maxAliasesRule({ n: maxAliases, allowList: [], propagateOnRejection: false, onReject: [report] });
}

/**
 * `mutation` and `subscription` are rejected up front when the schema has no such root type;
 * graphql-js 16 would only fail at execution, as an internal error.
 */
export const supportedOperationRule: ValidationRule = (context) => ({
  OperationDefinition(node) {
    if (!context.getSchema().getRootType(node.operation)) {
      context.reportError(
        new GraphQLError(`This API has no ${node.operation} operations; send a query.`, { nodes: [node] }),
      );
    }
  },
});

/**
 * Cost = 1 per field, times the page size for fields that take `first` (their default when
 * omitted, the general default when null), times `listEstimate` for other lists. `edges` is not
 * multiplied again because its connection already was. Fragments and inline fragments add up
 * (an over-estimate for abstract types), each named fragment is costed once per type and request.
 */
export function operationCost(
  schema: GraphQLSchema,
  operation: OperationDefinitionNode,
  fragments: Map<string, FragmentDefinitionNode>,
  variables: Record<string, unknown>,
): number {
  const memo = new Map<string, number>();
  const visiting = new Set<string>();

  const fieldCost = (field: GraphQLField<unknown, unknown>, args: Record<string, unknown>, child: number) => {
    const takesFirst = field.args.some((arg) => arg.name === 'first');
    // An explicit `first: null` means the default page size (see pageSize in args.ts).
    const first =
      typeof args.first === 'number' ? args.first : takesFirst ? LIMITS.defaultPageSize : undefined;
    const isList = isListType(getNullableType(field.type));
    const multiplier = first ?? (isList && field.name !== 'edges' ? LIMITS.listEstimate : 1);
    return 1 + child * Math.max(multiplier, 1);
  };

  const selectionCost = (type: GraphQLCompositeType, set: SelectionSetNode): number => {
    let cost = 0;
    for (const selection of set.selections) {
      if (selection.kind === Kind.FIELD) {
        if (selection.name.value.startsWith('__')) continue;
        const field =
          isObjectType(type) || isInterfaceType(type) ? type.getFields()[selection.name.value] : undefined;
        if (!field) continue;
        const args: Record<string, unknown> = {};
        for (const node of selection.arguments ?? []) {
          const def = field.args.find((a) => a.name === node.name.value);
          if (def) args[def.name] = valueFromAST(node.value, def.type, variables);
        }
        const named = getNamedType(field.type);
        const child =
          selection.selectionSet && isCompositeType(named) ? selectionCost(named, selection.selectionSet) : 0;
        cost += fieldCost(field, args, child);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        const condition = selection.typeCondition ? schema.getType(selection.typeCondition.name.value) : type;
        if (condition && isCompositeType(condition)) cost += selectionCost(condition, selection.selectionSet);
      } else {
        const name = selection.name.value;
        const fragment = fragments.get(name);
        if (!fragment || visiting.has(name)) continue; // unknown or cyclic: validation rejects it
        let fragmentCost = memo.get(name);
        if (fragmentCost === undefined) {
          const condition = schema.getType(fragment.typeCondition.name.value);
          visiting.add(name);
          fragmentCost =
            condition && isCompositeType(condition) ? selectionCost(condition, fragment.selectionSet) : 0;
          visiting.delete(name);
          memo.set(name, fragmentCost);
        }
        cost += fragmentCost;
      }
    }
    return cost;
  };

  const root = schema.getRootType(operation.operation);
  return root ? selectionCost(root, operation.selectionSet) : 0;
}

/**
 * Checks the variables against the operation's declarations first (a malformed Int or DateTime is
 * a 400 naming the variable), then rejects operations whose estimated cost is over the limit.
 * Clients repeat the same few operations, so costs are remembered per (document, operation, variables).
 */
export function costLimitPlugin<T extends object>(maxCost: number = LIMITS.maxCost): ApolloServerPlugin<T> {
  const costs = new Map<string, number>();
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document, schema, queryHash, operation }) {
          const cacheKey = `${queryHash}\u0000${request.operationName ?? ''}\u0000${JSON.stringify(request.variables ?? {})}`;
          let cost = costs.get(cacheKey);
          if (cost === undefined && operation) {
            const coerced = getVariableValues(
              schema,
              operation.variableDefinitions ?? [],
              request.variables ?? {},
              {
                maxErrors: 10,
              },
            );
            if (coerced.errors) {
              throw new GraphQLError(coerced.errors.map((e) => e.message).join(' '), {
                extensions: { code: 'BAD_USER_INPUT', http: { status: 400 } },
              });
            }
            const fragments = new Map<string, FragmentDefinitionNode>();
            for (const definition of document.definitions) {
              if (definition.kind === Kind.FRAGMENT_DEFINITION)
                fragments.set(definition.name.value, definition);
            }
            cost = operationCost(schema, operation, fragments, coerced.coerced);
            if (costs.size >= COST_CACHE_SIZE) costs.delete(costs.keys().next().value!);
            costs.set(cacheKey, cost);
          }
          if (cost !== undefined && cost > maxCost) {
            throw new GraphQLError(
              `Query is too expensive: estimated cost ${cost} exceeds the limit of ${maxCost}. ` +
                'Ask for smaller pages (first) or fewer nested lists.',
              { extensions: { code: 'QUERY_TOO_COMPLEX', cost, maxCost, http: { status: 400 } } },
            );
          }
        },
      };
    },
  };
}

const COST_CACHE_SIZE = 1000;
