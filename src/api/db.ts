import neo4j, { type Driver, type RecordShape } from 'neo4j-driver';

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
      const result = await driver.executeQuery(query, defined, { database, routing: neo4j.routing.READ });
      return result.records.map((record) => record.toObject() as T);
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
