import { PassThrough } from 'node:stream';
import {
  createProgressReporter,
  describeProgress,
  formatRate,
  formatSummary,
  plural,
} from '../../src/cli/progress';
import { importPaths, type ImportProgress, type ImportSummary } from '../../src/import/pipeline';
import { closeTestDriver, TEST_DATABASE, testDriver, wipeDatabase } from '../support/neo4j';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '..', '..');
const SEED = path.join(ROOT, 'seeds', '000_bd3ada4a43040598.txt');
const FIXTURES = path.join(ROOT, 'test', 'api', 'fixtures', 'corpus');

afterAll(async () => {
  await closeTestDriver();
});

describe('progress and summary text', () => {
  it('gives rates three significant digits and counts with the right plural', () => {
    expect(formatRate(0.04)).toBe('0.04');
    expect(formatRate(3.14159)).toBe('3.14');
    expect(formatRate(42.71)).toBe('42.7');
    expect(formatRate(113.4)).toBe('113');
    expect(formatRate(0)).toBe('0');
    expect(plural(1, 'input')).toBe('1 input');
    expect(plural(2, 'input')).toBe('2 inputs');
  });

  const summary = (over: Partial<ImportSummary>): ImportSummary => ({
    new: 0,
    updated: 0,
    unchanged: 0,
    failed: 0,
    errors: [],
    warnings: [],
    reextracted: 0,
    nodesCreated: 0,
    relationshipsCreated: 0,
    elapsedMs: 5600,
    articlesPerSecond: 0,
    stageMs: { learn: 0, read: 1, parse: 2, extract: 3, write: 4, reextract: 0, finalize: 5 },
    ...over,
  });

  it('says "Nothing imported" when nothing was, and how many articles otherwise', () => {
    const none = formatSummary(summary({ failed: 3 }));
    expect(none.split('\n')[0]).toBe('Nothing imported (3 inputs or articles failed) in 5.6 s');
    const some = formatSummary(summary({ new: 1, unchanged: 1, articlesPerSecond: 0.357 }));
    expect(some.split('\n')[0]).toBe('Imported 2 articles in 5.6 s (0.357 articles/s)');
  });

  it('prints a plain line at every change of phase when not on a terminal', () => {
    const stream = new PassThrough() as unknown as NodeJS.WriteStream;
    let text = '';
    (stream as unknown as PassThrough).on('data', (chunk) => (text += String(chunk)));
    const reporter = createProgressReporter(stream, { intervalMs: 60_000 });
    const base: ImportProgress = {
      phase: 'extract',
      inputs: 1,
      articles: 1,
      failed: 0,
      currentSource: 'a',
      batchesWritten: 0,
      batchesTotal: 0,
      finalizeStep: null,
      finalizeStepsDone: 0,
      finalizeSteps: 0,
    };
    reporter.update(base);
    reporter.update({ ...base, inputs: 2, articles: 2 }); // within the interval: no line
    reporter.update({ ...base, inputs: 2, articles: 2, phase: 'write', batchesTotal: 1 });
    reporter.update({
      ...base,
      phase: 'finalize',
      finalizeStep: 'full-text',
      finalizeStepsDone: 1,
      finalizeSteps: 3,
    });
    const lines = text.trim().split('\n');
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatch(
      /^extracting: 1 input, 1 article extracted, 0 failed, [\d.]+ articles\/s; batches written 0\/0$/,
    );
    expect(lines[1]).toBe('writing: batches written 0/1 (2 inputs, 2 articles extracted, 0 failed)');
    expect(lines[2]).toBe('finalizing: step 2/3, full-text');
    expect(describeProgress({ ...base, phase: 'done' }, 1000)).toMatch(/^done:/);
  });
});

describe('progress of a real import', () => {
  beforeAll(async () => {
    await wipeDatabase();
  });

  it('reports extract, then every batch written of the total, then each finalize step, then done', async () => {
    const seen: ImportProgress[] = [];
    await importPaths([SEED, FIXTURES], {
      driver: testDriver(),
      database: TEST_DATABASE,
      batchSize: 3,
      onProgress: (progress) => seen.push({ ...progress }),
    });
    const phases = seen.map((p) => p.phase).filter((phase, i, all) => phase !== all[i - 1]);
    expect(phases).toEqual(['extract', 'write', 'finalize', 'done']);
    const last = seen.at(-1)!;
    expect(last.inputs).toBe(10);
    expect(last.articles).toBe(10);
    expect(last.batchesTotal).toBe(4);
    expect(last.batchesWritten).toBe(4);
    // Batches are counted as they commit, one at a time.
    const written = [...new Set(seen.map((p) => p.batchesWritten))];
    expect(written).toEqual([0, 1, 2, 3, 4]);
    const steps = seen.filter((p) => p.phase === 'finalize').map((p) => p.finalizeStepsDone);
    expect(steps).toEqual([0, 1, 2]);
  }, 240_000);
});
