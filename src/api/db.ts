import { GraphQLError } from 'graphql';
import neo4j, { Neo4jError, type Driver, type RecordShape } from 'neo4j-driver';
import { LIMITS } from './limits';

/**
 * The only door from the API to Neo4j. Every call is one round trip (a managed read
 * transaction through `executeQuery`), which is what the request log and the round-trip
 * tests count.
 */
export interface Db {
  readonly database: string;
  read<T extends RecordShape = RecordShape>(query: string, params?: Record<string, unknown>): Promise<T[]>;
  /** Round trips made through this handle so far. */
  readonly calls: number;
}

export function createDb(driver: Driver, database: string): Db {
  let calls = 0;
  return {
    database,
    get calls() {
      return calls;
    },
    async read<T extends RecordShape>(query: string, params: Record<string, unknown> = {}): Promise<T[]> {
      calls += 1;
      // An omitted optional argument arrives as undefined, which the driver drops; queries test for null.
      const defined = Object.fromEntries(
        Object.entries(params).map(([k, v]) => [k, v === undefined ? null : v]),
      );
      try {
        const result = await driver.executeQuery(query, defined, {
          database,
          routing: neo4j.routing.READ,
          // The server cancels a runaway query (a hub entity, a long path) instead of letting it pile up.
          transactionConfig: { timeout: LIMITS.queryTimeoutMs },
        });
        return result.records.map((record) => record.toObject() as T);
      } catch (error) {
        if (error instanceof Neo4jError && /TransactionTimedOut/.test(error.code)) {
          throw new GraphQLError(
            `The query took longer than ${LIMITS.queryTimeoutMs / 1000} s and was cancelled; ask for less (smaller first, fewer hops).`,
            { extensions: { code: 'QUERY_TIMEOUT' } },
          );
        }
        throw error;
      }
    },
  };
}

/**
 * The driver sends JS numbers as floats, and LIMIT, SKIP and list slices reject floats;
 * sizes and offsets therefore travel as Neo4j integers.
 */
export function int(value: number): ReturnType<typeof neo4j.int> {
  return neo4j.int(Math.trunc(value));
}
