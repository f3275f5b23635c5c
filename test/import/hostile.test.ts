import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { importPaths } from '../../src/import/pipeline';
import { countOf } from '../support/graph';
import { closeTestDriver, TEST_DATABASE, testDriver, wipeDatabase } from '../support/neo4j';

/**
 * The fuzz corpus of hostile inputs (test/fixtures/hostile) imported beside a good article, plus
 * the inputs that cannot live in git (a dangling symlink, a symlink loop, a symlink to a folder, a
 * FIFO): every one is listed with its file and reason, and the good article still imports.
 */
const driver = testDriver();
const ROOT = path.resolve(__dirname, '..', '..');
const HOSTILE = path.join(ROOT, 'test', 'fixtures', 'hostile');
const SEED = path.join(ROOT, 'seeds', '000_bd3ada4a43040598.txt');
let dir: string;

beforeAll(async () => {
  await wipeDatabase();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsgraph-hostile-'));
  fs.copyFileSync(SEED, path.join(dir, 'good.txt'));
  fs.symlinkSync(path.join(dir, 'missing.html'), path.join(dir, 'dangling.html'));
  fs.symlinkSync(path.join(dir, 'loop-b'), path.join(dir, 'loop-a'));
  fs.symlinkSync(path.join(dir, 'loop-a'), path.join(dir, 'loop-b'));
  fs.mkdirSync(path.join(dir, 'sub'));
  fs.symlinkSync(path.join(dir, 'sub'), path.join(dir, 'folder-link'));
  execFileSync('mkfifo', [path.join(dir, 'pipe.html')]);
});

afterAll(async () => {
  fs.rmSync(dir, { recursive: true, force: true });
  await closeTestDriver();
});

describe('hostile inputs beside good ones', () => {
  it('lists every rejected or skipped input with its reason, warns about doubtful ones, imports the rest', async () => {
    const summary = await importPaths([HOSTILE, dir], { driver, database: TEST_DATABASE, batchSize: 3 });
    const errorOf = (name: string) => summary.errors.find((e) => path.basename(e.source) === name)?.message;
    const warningsOf = (name: string) =>
      summary.warnings.filter((w) => path.basename(w.source) === name).map((w) => w.message);

    expect(errorOf('deep-nesting.html')).toMatch(/nests more than \d+ elements deep/);
    expect(errorOf('long-title.html')).toMatch(/title has 200000 characters, over the limit/);
    expect(errorOf('dangling.html')).toMatch(/dangling symbolic link/);
    expect(errorOf('loop-a')).toMatch(/symbolic link loop/);
    expect(errorOf('loop-b')).toMatch(/symbolic link loop/);
    expect(errorOf('folder-link')).toMatch(/symbolic link to a folder/);
    expect(errorOf('pipe.html')).toMatch(/FIFO/);
    for (const name of ['empty.txt', 'binary.bin', 'not-an-article.txt']) expect(errorOf(name)).toBeDefined();
    expect(warningsOf('bad-date.html')).toEqual([
      expect.stringMatching(/date "yesterday at noon" does not parse/),
    ]);
    expect(warningsOf('header-only.md')).toEqual([expect.stringMatching(/no body text/)]);

    // The feed with a DOCTYPE parses, and its entities stay unexpanded.
    const feedItem = await driver.executeQuery(
      'MATCH (a:Article {url: $url}) RETURN a.title AS title',
      { url: 'https://example.com/news/doctype-item' },
      { database: TEST_DATABASE },
    );
    expect(feedItem.records[0].get('title')).toBe('An item &c;');

    // The good article and the three doubtful-but-valid ones are in the graph.
    expect(summary.new).toBe(4);
    expect(await countOf(driver, 'MATCH (a:Article {imported: true}) RETURN count(a)')).toBe(4);
  });
});
