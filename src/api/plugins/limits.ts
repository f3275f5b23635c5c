import type { ApolloServerPlugin } from '@apollo/server';
import depthLimit from 'graphql-depth-limit';
import { getNullableType, GraphQLError, isListType, type ValidationRule } from 'graphql';
import { getComplexity, type ComplexityEstimator } from 'graphql-query-complexity';
import { LIMITS } from '../../graph/limits';

export function depthLimitRule(maxDepth: number = LIMITS.maxDepth): ValidationRule {
  return depthLimit(maxDepth) as ValidationRule;
}

/**
 * Cost = 1 per field, times the page size for fields that take `first` (their default when
 * omitted, the general default when null), times `listEstimate` for other lists. `edges` is not multiplied again because its
 * connection already was.
 */
export const costEstimator: ComplexityEstimator = ({ field, args, childComplexity }) => {
  const takesFirst = field.args.some((arg) => arg.name === 'first');
  // An explicit `first: null` means the default page size (see pageSize in args.ts).
  const first = typeof args.first === 'number' ? args.first : takesFirst ? LIMITS.defaultPageSize : undefined;
  const isList = isListType(getNullableType(field.type));
  const multiplier = first ?? (isList && field.name !== 'edges' ? LIMITS.listEstimate : 1);
  return 1 + childComplexity * Math.max(multiplier, 1);
};

const COST_CACHE_SIZE = 1000;

/**
 * Rejects expensive operations after parsing and validation, where variables are known. Clients
 * repeat the same few operations, so costs are remembered per (document, operation, variables).
 */
export function costLimitPlugin<T extends object>(maxCost: number = LIMITS.maxCost): ApolloServerPlugin<T> {
  const costs = new Map<string, number>();
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document, schema, queryHash }) {
          const cacheKey = `${queryHash}\u0000${request.operationName ?? ''}\u0000${JSON.stringify(request.variables ?? {})}`;
          let cost = costs.get(cacheKey);
          if (cost === undefined) {
            cost = getComplexity({
              schema,
              query: document,
              variables: request.variables ?? {},
              operationName: request.operationName ?? undefined,
              estimators: [costEstimator],
            });
            if (costs.size >= COST_CACHE_SIZE) costs.delete(costs.keys().next().value!);
            costs.set(cacheKey, cost);
          }
          if (cost > maxCost) {
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
