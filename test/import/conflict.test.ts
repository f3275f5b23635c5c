import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { importPaths } from '../../src/import/pipeline';
import { graphSnapshot } from '../support/graph';
import { closeTestDriver, TEST_DATABASE, testDriver, wipeDatabase } from '../support/neo4j';

/**
 * Two copies of one URL with the same fetch timestamp and different content (a truncated
 * download): the longer body wins whatever the order, and the conflict is reported.
 */
const driver = testDriver();
const SEED = path.resolve(__dirname, '..', '..', 'seeds', '000_bd3ada4a43040598.txt');
const URL = 'https://cn.nytimes.com/world/20240520/putin-xi-china-russia';
let dir: string;
let truncated: string;

const run = (paths: string[]) => importPaths(paths, { driver, database: TEST_DATABASE, batchSize: 10 });

async function storedBodyLength(): Promise<number> {
  const result = await driver.executeQuery(
    'MATCH (a:Article {url: $url}) RETURN size(a.body) AS n',
    { url: URL },
    { database: TEST_DATABASE },
  );
  return Number(result.records[0].get('n'));
}

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsgraph-conflict-'));
  truncated = path.join(dir, 'truncated.txt');
  // The header, the byline and the first paragraphs only: same URL, same <!--timestamp-->.
  fs.writeFileSync(truncated, fs.readFileSync(SEED).subarray(0, 3000));
});

beforeEach(async () => {
  await wipeDatabase();
});

afterAll(async () => {
  fs.rmSync(dir, { recursive: true, force: true });
  await closeTestDriver();
});

describe('same URL, same fetch time, different content', () => {
  it('keeps the full article when the truncated copy comes later, and warns', async () => {
    await run([SEED]);
    const full = await storedBodyLength();
    const before = await graphSnapshot(driver);
    const summary = await run([truncated]);
    expect(summary.updated).toBe(0);
    expect(summary.unchanged).toBe(1);
    expect(summary.warnings).toHaveLength(1);
    expect(summary.warnings[0].source).toBe(truncated);
    expect(summary.warnings[0].message).toMatch(/same URL and fetch time .* kept the longer body/);
    expect(await storedBodyLength()).toBe(full);
    expect(await graphSnapshot(driver)).toEqual(before);
  });

  it('replaces a truncated copy by the full one, in separate runs and in one batch', async () => {
    await run([SEED]);
    const oneShot = await graphSnapshot(driver);

    await wipeDatabase();
    await run([truncated]);
    const short = await storedBodyLength();
    const summary = await run([SEED]);
    expect(summary.updated).toBe(1);
    expect(summary.warnings).toHaveLength(1);
    expect(await storedBodyLength()).toBeGreaterThan(short);
    expect(await graphSnapshot(driver)).toEqual(oneShot);

    for (const order of [
      [truncated, SEED],
      [SEED, truncated],
    ]) {
      await wipeDatabase();
      const both = await run(order);
      expect(both.warnings).toHaveLength(1);
      expect(await graphSnapshot(driver)).toEqual(oneShot);
    }
  });
});
