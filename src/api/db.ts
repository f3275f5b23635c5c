import { GraphQLError } from 'graphql';
import neo4j, { Neo4jError, type Driver, type ManagedTransaction, type RecordShape } from 'neo4j-driver';
import { LIMITS } from '../graph/limits';

/**
 * The only door from the API to Neo4j. Every call is one query in a managed read transaction
 * (executeRead), which is what the request log and the round-trip tests count. On a cluster
 * (`neo4j://`, `neo4j+s://`) read transactions are routed to followers and read replicas, and
 * the driver retries them on transient failures (a leader switch, a replica going away).
 */
export interface Db {
  readonly database: string;
  read<T extends RecordShape = RecordShape>(query: string, params?: Record<string, unknown>): Promise<T[]>;
  /**
   * Statements run in order in one write transaction (all or nothing); the rows of each. The
   * only writes the API makes are curations, behind the API-key check (plugins/auth.ts).
   */
  write<T extends RecordShape = RecordShape>(
    statements: readonly { query: string; params?: Record<string, unknown> }[],
  ): Promise<T[][]>;
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
    async write<T extends RecordShape>(
      statements: readonly { query: string; params?: Record<string, unknown> }[],
    ): Promise<T[][]> {
      calls += 1;
      const session = driver.session({ database, defaultAccessMode: neo4j.session.WRITE });
      try {
        return await session.executeWrite(
          async (tx) => {
            const results: T[][] = [];
            for (const { query, params } of statements) {
              const result = await tx.run(query, params ?? {});
              results.push(result.records.map((record) => record.toObject() as T));
            }
            return results;
          },
          { timeout: LIMITS.queryTimeoutMs },
        );
      } finally {
        await session.close();
      }
    },
    async read<T extends RecordShape>(query: string, params: Record<string, unknown> = {}): Promise<T[]> {
      calls += 1;
      // An omitted optional argument arrives as undefined, which the driver drops; queries test for null.
      const defined = Object.fromEntries(
        Object.entries(params).map(([k, v]) => [k, v === undefined ? null : v]),
      );
      const session = driver.session({ database, defaultAccessMode: neo4j.session.READ });
      try {
        // The driver captures a stack trace for every query (to decorate errors it reports
        // later); under tsx each capture is also source-mapped, about a millisecond. Our errors
        // carry their own stack from here, so the capture is skipped.
        const run = (tx: ManagedTransaction) => {
          const stackTraceLimit = Error.stackTraceLimit;
          Error.stackTraceLimit = 0;
          try {
            return tx.run(query, defined);
          } finally {
            Error.stackTraceLimit = stackTraceLimit;
          }
        };
        // The server cancels a runaway query (a hub entity, a long path) instead of letting it pile up.
        const pending = session.executeRead(run, { timeout: LIMITS.queryTimeoutMs });
        const result = await pending;
        return result.records.map((record) => record.toObject() as T);
      } catch (error) {
        if (error instanceof Neo4jError && /TransactionTimedOut/.test(error.code)) {
          throw new GraphQLError(
            `The query took longer than ${LIMITS.queryTimeoutMs / 1000} s and was cancelled; ask for less (smaller first, fewer hops).`,
            { extensions: { code: 'QUERY_TIMEOUT' } },
          );
        }
        throw error;
      } finally {
        await session.close();
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
