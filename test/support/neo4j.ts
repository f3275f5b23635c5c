import type { Driver } from 'neo4j-driver';
import { createDriver } from '../../src/db/driver';
import { wipeDatabase as wipeAll } from '../../src/db/wipe';
import { targetFor } from '../../src/neo4j-launcher/launcher';

/**
 * Tests talk to their own Neo4j instance (Bolt 7688, started by test/global-setup.ts, or
 * NEO4J_TEST_URI), never to the developer's data. Test files run one at a time and each wipes
 * the test database when it starts, so no file depends on another's data or order.
 */
export const TEST_DATABASE = process.env.NEO4J_TEST_DATABASE || 'neo4j';

let driver: Driver | undefined;

export function testDriver(): Driver {
  driver ??= createDriver(targetFor('test'), { maxConnectionPoolSize: 20 });
  return driver;
}

export async function closeTestDriver(): Promise<void> {
  await driver?.close();
  driver = undefined;
}

export async function wipeDatabase(target: Driver = testDriver()): Promise<void> {
  await wipeAll(target, TEST_DATABASE);
}
