import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { importPaths } from '../../src/import/pipeline';
import { graphSnapshot } from '../support/graph';
import { closeTestDriver, TEST_DATABASE, testDriver, wipeDatabase } from '../support/neo4j';

/**
 * Order independence, property-based: importing the articles in any split and any order (and
 * importing everything again afterwards, as after a crash) gives exactly the graph of one import
 * of all of them. The fixtures are pairs of corpus articles where a name one of them teaches
 * changes how a surname resolves in the other (see test/fixtures/order/README.md).
 */
const driver = testDriver();
const DIR = path.resolve(__dirname, '..', 'fixtures', 'order');
const FILES = fs
  .readdirSync(DIR)
  .filter((f) => f.endsWith('.md') && f !== 'README.md')
  .sort()
  .map((f) => path.join(DIR, f));

const run = (paths: string[]) => importPaths(paths, { driver, database: TEST_DATABASE, batchSize: 2 });

let oneShot: string[];

beforeAll(async () => {
  await wipeDatabase();
  const summary = await run(FILES);
  expect(summary.errors).toEqual([]);
  oneShot = await graphSnapshot(driver);
}, 120_000);

afterAll(async () => {
  await closeTestDriver();
});

/** Splits `list` at the given cut points (sorted, de-duplicated, within bounds). */
function split<T>(list: T[], cuts: number[]): T[][] {
  const points = [...new Set(cuts.map((c) => Math.min(Math.max(c, 1), list.length - 1)))].sort(
    (a, b) => a - b,
  );
  const chunks: T[][] = [];
  let start = 0;
  for (const p of points) {
    chunks.push(list.slice(start, p));
    start = p;
  }
  chunks.push(list.slice(start));
  return chunks.filter((c) => c.length > 0);
}

describe('order independence', () => {
  it('each pair, either article first, gives the one-shot graph of the pair', async () => {
    // The smallest cases the property below also covers, spelled out: B after A equals A after B.
    const pair = [path.join(DIR, '1042706.md'), path.join(DIR, '1042807.md')];
    await wipeDatabase();
    await run(pair);
    const together = await graphSnapshot(driver);
    for (const order of [pair, [...pair].reverse()]) {
      await wipeDatabase();
      for (const file of order) await run([file]);
      expect(await graphSnapshot(driver)).toEqual(together);
    }
  }, 180_000);

  it('any split in any order, with or without a full re-import, gives the one-shot graph', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.shuffledSubarray(FILES, { minLength: FILES.length, maxLength: FILES.length }),
        fc.array(fc.integer({ min: 1, max: FILES.length - 1 }), { maxLength: 2 }),
        fc.boolean(),
        async (order, cuts, thenAll) => {
          await wipeDatabase();
          for (const chunk of split(order, cuts)) await run(chunk);
          if (thenAll) await run(FILES);
          expect(await graphSnapshot(driver)).toEqual(oneShot);
        },
      ),
      { numRuns: 4 },
    );
  }, 600_000);
});
