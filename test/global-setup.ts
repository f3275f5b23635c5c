import { createDriver } from '../src/db/driver';
import { migrate } from '../src/db/migrate';
import { startNeo4j } from '../src/neo4j-launcher/launcher';

/** Starts (or reuses) the test Neo4j instance once for the whole run and applies the schema. */
export default async function globalSetup(): Promise<void> {
  const target = await startNeo4j('test', (message) => console.error(message));
  const driver = createDriver(target, { maxConnectionPoolSize: 2 });
  try {
    await migrate(driver, process.env.NEO4J_TEST_DATABASE || 'neo4j');
  } finally {
    await driver.close();
  }
}
