import type { Driver } from 'neo4j-driver';
import { graphLines } from '../../src/db/fingerprint';
import { TEST_DATABASE } from './neo4j';

/** The whole graph as sorted text lines (see src/db/fingerprint.ts), for comparing two graphs exactly. */
export async function graphSnapshot(driver: Driver): Promise<string[]> {
  return graphLines(driver, TEST_DATABASE);
}

export async function countOf(
  driver: Driver,
  cypher: string,
  params: Record<string, unknown> = {},
): Promise<number> {
  const result = await driver.executeQuery(cypher, params, { database: TEST_DATABASE });
  return Number(result.records[0].get(0));
}
