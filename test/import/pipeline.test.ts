import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { importPaths } from '../../src/import/pipeline';
import { countOf, graphSnapshot } from '../support/graph';
import { closeTestDriver, TEST_DATABASE, testDriver, wipeDatabase } from '../support/neo4j';

const driver = testDriver();
const ROOT = path.resolve(__dirname, '..', '..');
const SEED = path.join(ROOT, 'seeds', '000_bd3ada4a43040598.txt');
const CORPUS = path.resolve(ROOT, '..', 'shared', 'corpus', 'nyt-cn');
const haveCorpus = fs.existsSync(CORPUS);
const corpusIt = haveCorpus ? it : it.skip;

const run = (paths: string[]) => importPaths(paths, { driver, database: TEST_DATABASE, batchSize: 50 });

async function articleRow(url: string) {
  const result = await driver.executeQuery(
    `MATCH (a:Article {url: $url})
     RETURN a.title AS title, a.language AS language, a.section AS section, a.publishedAt AS publishedAt,
            a.imported AS imported,
            [(p:Person)-[r:AUTHORED]->(a) | p.name] AS authors,
            [(a)-[:LINKS_TO]->(b) | b.url] AS cites,
            count { (a)-[:HAS_IMAGE]->() } AS images`,
    { url },
    { database: TEST_DATABASE },
  );
  return result.records[0]?.toObject();
}

beforeEach(async () => {
  await wipeDatabase();
});

afterAll(async () => {
  await closeTestDriver();
});

describe('import pipeline against Neo4j', () => {
  it('imports the seed with its metadata, people, images and links', async () => {
    const summary = await run([SEED]);
    expect(summary.errors).toEqual([]);
    expect(summary.new).toBe(1);
    const seed = await articleRow('https://cn.nytimes.com/world/20240520/putin-xi-china-russia');
    expect(seed).toMatchObject({
      title: '习近平与普京贴面拥抱，无视西方压力坚定与俄罗斯结盟',
      language: 'zh',
      section: 'world',
      publishedAt: '2024-05-20T09:02:29+08:00',
      imported: true,
      authors: ['David Pierson'],
    });
    expect(seed!.cites).toContain('https://cn.nytimes.com/world/20240507/xi-macron-europe-trade-war');
    expect(seed!.images).toBeGreaterThanOrEqual(2);
    const experts = await countOf(
      driver,
      'MATCH (p:Person)-[:QUOTED_AS_EXPERT]->(:Article) RETURN count(DISTINCT p)',
    );
    expect(experts).toBeGreaterThanOrEqual(3);
  });

  corpusIt(
    'imports every corpus file, resolves cross-links inside the corpus, and re-imports idempotently',
    async () => {
      const first = await run([CORPUS, SEED]);
      expect(first.errors).toEqual([]);
      const files = fs.readdirSync(CORPUS).filter((f) => f.endsWith('.md')).length;
      // Some URLs appear twice in the corpus: one article per URL.
      const imported = await countOf(driver, 'MATCH (a:Article {imported: true}) RETURN count(a)');
      expect(imported).toBe(first.new);
      expect(imported).toBeGreaterThan(files * 0.9);
      expect(first.new + first.unchanged + first.updated).toBe(files + 1);

      const resolved = await countOf(
        driver,
        'MATCH (:Article {imported: true})-[:LINKS_TO]->(:Article {imported: true}) RETURN count(*)',
      );
      expect(resolved).toBeGreaterThanOrEqual(40);

      const before = await graphSnapshot(driver);
      const again = await run([CORPUS, SEED]);
      expect(again.new + again.updated).toBe(0);
      expect(again.unchanged).toBe(files + 1);
      expect(await graphSnapshot(driver)).toEqual(before);
    },
    300_000,
  );

  corpusIt('builds the same graph whatever order two linked articles arrive in', async () => {
    const a = path.join(CORPUS, '1042700.md');
    const b = path.join(CORPUS, '1042737.md');
    await run([a]);
    await run([b]);
    const forward = await graphSnapshot(driver);
    await wipeDatabase();
    await run([b]);
    await run([a]);
    expect(await graphSnapshot(driver)).toEqual(forward);
    const links = await countOf(
      driver,
      'MATCH (:Article {imported: true})-[:LINKS_TO]->(:Article {imported: true}) RETURN count(*)',
    );
    expect(links).toBeGreaterThanOrEqual(1);
  });

  it('rejects bad inputs one by one and keeps going, losing and duplicating nothing', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsgraph-bad-'));
    fs.writeFileSync(path.join(dir, 'empty.md'), '');
    fs.writeFileSync(path.join(dir, 'binary.md'), Buffer.from([0, 1, 2, 3, 255, 254, 0, 0, 7, 8, 9, 0]));
    fs.copyFileSync(SEED, path.join(dir, 'good.txt'));
    // A page whose body is far longer than any article (MAX_ARTICLE_CHARS) is refused, not extracted.
    const paragraphs = Array.from(
      { length: 16_000 },
      (_, i) => `<p>这是一个很长的段落，用来测试超长文章。第${i}段。</p>`,
    );
    fs.writeFileSync(
      path.join(dir, 'huge.html'),
      `<html><head><title>Huge</title><meta property="og:url" content="https://example.com/2024/01/01/huge.html"></head><body><article>${paragraphs.join('')}</article></body></html>`,
    );
    await run([SEED]);
    const before = await graphSnapshot(driver);

    const summary = await run([dir]);
    expect(summary.unchanged).toBe(1);
    expect(summary.failed).toBe(3);
    expect(summary.errors.map((e) => path.basename(e.source)).sort()).toEqual([
      'binary.md',
      'empty.md',
      'huge.html',
    ]);
    expect(summary.errors.find((e) => e.source.endsWith('huge.html'))!.message).toContain(
      'MAX_ARTICLE_CHARS',
    );
    for (const error of summary.errors) expect(error.message.length).toBeGreaterThan(5);
    expect(await graphSnapshot(driver)).toEqual(before);
  });
});
