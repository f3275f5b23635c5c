import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { targetFor } from '../../src/neo4j-launcher/launcher';
import { closeTestDriver, wipeDatabase } from '../support/neo4j';

const ROOT = path.resolve(__dirname, '..', '..');
const SEED = path.join(ROOT, 'seeds', '000_bd3ada4a43040598.txt');
const TSX = path.join(ROOT, 'node_modules', '.bin', 'tsx');

function cli(args: string[], env: Record<string, string> = {}) {
  const test = targetFor('test');
  const result = spawnSync(TSX, ['src/cli/main.ts', ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: {
      ...process.env,
      NEO4J_URI: test.uri,
      NEO4J_USER: test.user,
      NEO4J_PASSWORD: test.password,
      ...env,
    },
    timeout: 120_000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

beforeAll(async () => {
  await wipeDatabase();
});

afterAll(async () => {
  await closeTestDriver();
});

describe('newsgraph import (CLI)', () => {
  it('--dry-run --json prints one JSON document with the stable article shape and writes nothing', () => {
    const { code, stdout } = cli(['import', '--dry-run', '--json', SEED], {
      NEO4J_URI: 'bolt://127.0.0.1:1',
    });
    expect(code).toBe(0);
    const doc = JSON.parse(stdout);
    expect(Object.keys(doc).sort()).toEqual(['articles', 'errors', 'warnings']);
    expect(doc.errors).toEqual([]);
    const [article] = doc.articles;
    for (const key of [
      'source',
      'url',
      'title',
      'language',
      'publishedAt',
      'section',
      'authors',
      'contributors',
      'translators',
      'images',
      'links',
      'persons',
      'organizations',
      'places',
      'quotes',
      'affiliations',
      'topics',
    ]) {
      expect(article).toHaveProperty(key);
    }
    expect(article.url).toBe('https://cn.nytimes.com/world/20240520/putin-xi-china-russia');
    expect(article.images[0]).toEqual(
      expect.objectContaining({
        url: expect.stringMatching(/^https:\/\/static01\.nyt\.com\//),
        caption: expect.any(String),
        credit: 'Mikhail Metzel/Sputnik',
      }),
    );
    expect(article.links.map((l: { kind: string }) => l.kind)).toEqual(
      expect.arrayContaining(['article', 'profile']),
    );
  });

  it('exits 2 and lists each rejected file when some inputs are bad', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsgraph-cli-'));
    fs.writeFileSync(path.join(dir, 'empty.md'), '');
    fs.copyFileSync(SEED, path.join(dir, 'seed.txt'));
    const { code, stderr } = cli(['import', '--no-progress', dir]);
    expect(code).toBe(2);
    expect(stderr).toContain('empty.md');
    expect(stderr).toMatch(/1 new, 0 updated, 0 unchanged, 1 failed/);
  });

  it('--json on a real import prints the summary as one line of JSON on stdout and nothing else', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsgraph-cli-'));
    fs.copyFileSync(SEED, path.join(dir, 'seed.txt'));
    fs.copyFileSync(SEED, path.join(dir, 'again.txt'));
    const { code, stdout } = cli(['import', '--json', dir]);
    expect(code).toBe(0);
    const lines = stdout.trim().split('\n');
    expect(lines).toHaveLength(1);
    const summary = JSON.parse(lines[0]);
    expect(summary).toEqual(
      expect.objectContaining({ imported: 2, failed: 0, errors: [], stageMs: expect.any(Object) }),
    );
    expect(summary.new + summary.updated + summary.unchanged).toBe(2);
    expect(summary).not.toHaveProperty('articles');
  });

  it('says "Nothing imported" when every input failed, and counts inputs right in its progress lines', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsgraph-cli-'));
    fs.writeFileSync(path.join(dir, 'a.md'), '');
    fs.writeFileSync(path.join(dir, 'b.md'), '');
    const { code, stderr } = cli(['import', dir]);
    expect(code).toBe(1);
    expect(stderr).toMatch(/^Nothing imported/m);
    expect(stderr).not.toMatch(/^Imported/m);
    // Not a TTY: plain lines at each phase, the last extract line with both inputs counted.
    expect(stderr).toMatch(/^writing: batches written 0\/0 \(2 inputs, 0 articles extracted, 2 failed\)$/m);
    expect(stderr).toMatch(/^finalizing: step 1\/2, clean-up/m);
  });

  it('exits 1 with advice when Neo4j is unreachable', () => {
    const { code, stderr } = cli(['import', SEED], { NEO4J_URI: 'bolt://127.0.0.1:1' });
    expect(code).toBe(1);
    expect(stderr).toContain('npm run neo4j:start');
  });
});
