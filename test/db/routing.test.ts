import { createDb } from '../../src/api/db';
import { experts } from '../../src/api/queries/experts';
import { createDriver } from '../../src/db/driver';
import { importPaths } from '../../src/import/pipeline';
import { targetFor } from '../../src/neo4j-launcher/launcher';
import { SEED } from '../api/support';
import { TEST_DATABASE, wipeDatabase, closeTestDriver } from '../support/neo4j';

/**
 * A `neo4j://` URI (what Aura and clusters give) makes a routing driver: reads go to readers,
 * writes to the leader, each through a managed transaction the driver retries. Against the one
 * test server the routing table names that server for both roles, so the whole path runs.
 */
const target = targetFor('test');
const routed = createDriver({ ...target, uri: target.uri.replace(/^bolt:/, 'neo4j:') });

beforeAll(async () => {
  await wipeDatabase();
});

afterAll(async () => {
  await routed.close();
  await closeTestDriver();
});

it('imports and answers through a routing (neo4j://) driver', async () => {
  expect(target.uri).toMatch(/^bolt:/);
  const summary = await importPaths([SEED], { driver: routed, database: TEST_DATABASE });
  expect(summary.new).toBe(1);
  const db = createDb(routed, TEST_DATABASE);
  const [hits] = await experts(db, ['乌克兰'], {
    limit: 5,
    from: null,
    to: null,
    maxQuotes: 1,
    withUrls: false,
  });
  expect(hits.map((hit) => hit.person.name)).toContain('迈克尔·舒曼');
  const readers = await routed.executeQuery(
    'RETURN 1 AS one',
    {},
    { database: TEST_DATABASE, routing: 'READ' },
  );
  expect(readers.records[0].get('one')).toBe(1);
}, 120_000);
