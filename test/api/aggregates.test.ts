import { int } from 'neo4j-driver';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createDb } from '../../src/api/db';
import { coMentioned } from '../../src/api/queries/entities';
import { experts, type ExpertRow } from '../../src/api/queries/experts';
import { ENTITY_LABELS, type EntityLabel } from '../../src/api/queries/fragments';
import { importPaths } from '../../src/import/pipeline';
import { closeTestDriver, TEST_DATABASE, testDriver, wipeDatabase } from '../support/neo4j';
import { CORPUS_FIXTURES, loadTestGraph, SEED } from './support';

/*
 * The aggregates kept by delta in the graph (EXPERT_ON, CO_MENTIONED, topic and corpus counts;
 * src/import/write/aggregates.ts) against a computation from scratch over the per-article facts,
 * after a whole import, after an article changes, and in either import order.
 */

const driver = testDriver();
const db = createDb(driver, TEST_DATABASE);
let tmp: string;

beforeAll(async () => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'newsgraph-aggregates-'));
  await wipeDatabase(driver);
  await loadTestGraph(driver);
}, 300_000);

afterAll(async () => {
  fs.rmSync(tmp, { recursive: true, force: true });
  await closeTestDriver();
});

async function rows<T>(query: string, params: Record<string, unknown> = {}): Promise<T[]> {
  const result = await driver.executeQuery(query, params, { database: TEST_DATABASE });
  return result.records.map((record) => record.toObject() as T);
}

const name = (n: string) => `labels(${n})[0] + ' ' + ${n}.key`;

/** The aggregate relationships as stored, one line each, lists sorted by article. */
async function stored(): Promise<string[]> {
  const co = await rows<{ line: string }>(`
    MATCH (n)-[r:CO_MENTIONED]->(m)
    RETURN ${name('n')} + ' > ' + ${name('m')} + ' ' + r.kind + ' ' + r.articles + ' ' + r.mentions AS line`);
  const ex = await rows<{ line: string; entries: string[] }>(`
    MATCH (p)-[r:EXPERT_ON]->(s)
    RETURN ${name('p')} + ' on ' + ${name('s')} + ' ' + r.articles + ' ' + r.quotes + ' ' +
      coalesce(r.firstSeen, '-') + ' ' + coalesce(r.lastSeen, '-') AS line,
      [i IN range(0, size(r.articleUrls) - 1) |
        r.articleUrls[i] + ' ' + r.articleDates[i] + ' ' + r.articleQuotes[i] + ' ' + r.articleWeights[i]] AS entries`);
  const counts = await rows<{ line: string }>(`
    MATCH (t:Topic) RETURN 'topic ' + t.key + ' ' + t.articleCount AS line
    UNION ALL
    MATCH (c:Corpus) RETURN 'corpus ' + c.articles AS line`);
  return [
    ...co.map((r) => r.line),
    ...ex.map((r) => `${r.line} [${[...r.entries].sort().join('; ')}]`),
    ...counts.map((r) => r.line),
  ].sort();
}

/** The same, computed from scratch from the articles' facts. */
async function fromScratch(): Promise<string[]> {
  const co = await rows<{ line: string }>(`
    MATCH (n)-[:MENTIONS|HAS_TOPIC|QUOTED_AS_EXPERT]-(a:Article)
    WITH DISTINCT n, a
    MATCH (a)-[x:MENTIONS]->(m) WHERE m <> n
    WITH n, m, count(a) AS articles, sum(x.count) AS mentions
    RETURN ${name('n')} + ' > ' + ${name('m')} + ' ' + labels(m)[0] + ' ' + articles + ' ' + mentions AS line`);
  const ex = await rows<{ line: string; entries: string[] }>(`
    MATCH (p:Person)-[:QUOTED_AS_EXPERT]->(a:Article)-[x:HAS_TOPIC|MENTIONS]->(s) WHERE s <> p
    WITH p, s, a, x, COUNT { (p)-[:SAID]->(:Quote)-[:QUOTED_IN]->(a) } AS quotes
    WITH p, s, count(a) AS articles, sum(quotes) AS total,
      collect(a.url + ' ' + coalesce(a.publishedAt, '') + ' ' + quotes + ' ' + toFloat(coalesce(x.score, x.count))) AS entries,
      [d IN collect(a.publishedAt) WHERE d IS NOT NULL] AS dates
    WITH p, s, articles, total, entries,
      COLLECT { UNWIND dates AS d RETURN d ORDER BY datetime(d) LIMIT 1 } AS first,
      COLLECT { UNWIND dates AS d RETURN d ORDER BY datetime(d) DESC LIMIT 1 } AS last
    RETURN ${name('p')} + ' on ' + ${name('s')} + ' ' + articles + ' ' + total + ' ' +
      coalesce(first[0], '-') + ' ' + coalesce(last[0], '-') AS line, entries`);
  const counts = await rows<{ line: string }>(`
    MATCH (t:Topic) RETURN 'topic ' + t.key + ' ' + COUNT { (t)<-[:HAS_TOPIC]-(:Article {imported: true}) } AS line
    UNION ALL
    MATCH (a:Article {imported: true}) RETURN 'corpus ' + count(a) AS line`);
  return [
    ...co.map((r) => r.line),
    ...ex.map((r) => `${r.line} [${[...r.entries].sort().join('; ')}]`),
    ...counts.map((r) => r.line),
  ].sort();
}

/**
 * The experts ranking from scratch, walking every article about the subject (what the API's
 * query computed live before the aggregates), with the topic IDF of the imported corpus.
 */
const EXPERTS_FROM_SCRATCH = `
MATCH (x:Article {imported: true}) WITH count(x) AS total
UNWIND $keys AS key
CALL (key, total) {
  CALL (key) {
    MATCH (t:Topic {key: key}) RETURN t AS anchor
    UNION
    MATCH (:Alias {key: key})-[:ALIAS_OF]->(e) RETURN e AS anchor
  }
  MATCH (anchor)-[rel:HAS_TOPIC|MENTIONS]-(a:Article {imported: true})
  WHERE ($from IS NULL OR datetime(a.publishedAt) >= datetime($from))
    AND ($to IS NULL OR datetime(a.publishedAt) <= datetime($to))
  WITH a, rel, CASE WHEN rel:HAS_TOPIC
    THEN rel.score * (log((1.0 + total) / (1.0 + COUNT { (anchor)<-[:HAS_TOPIC]-() })) + 1.0) ELSE 0.0 END AS weight
  WITH a, 1.0 + sum(weight) + sum(log(1.0 + coalesce(rel.count, 0))) AS relevance
  MATCH (p:Person)-[:QUOTED_AS_EXPERT]->(a)
  WITH p, a, relevance, COUNT { (p)-[:SAID]->(:Quote)-[:QUOTED_IN]->(a) } AS quotes
  WITH p, sum(relevance * (1.0 + log(1.0 + quotes))) AS score, count(a) AS articleCount, collect(a.url) AS urls
  WHERE NOT EXISTS { (:Alias {key: key})-[:ALIAS_OF]->(p) }
  RETURN p.key AS person, score, articleCount, urls
}
RETURN key, person, score, articleCount, urls`;

/** A ranking as compared: scores rounded (sums add in different orders), ties in any order. */
function ranking(hits: { person: string; score: number; articleCount: number; urls: string[] }[]) {
  return hits
    .map(
      (h) =>
        `${h.person} ${(Math.round(h.score * 1e6) / 1e6).toFixed(6)} ${h.articleCount} ${[...h.urls].sort().join(',')}`,
    )
    .sort();
}

const subjectKeys = async () =>
  (
    await rows<{ key: string }>(
      'MATCH (al:Alias) RETURN al.key AS key UNION MATCH (t:Topic) RETURN t.key AS key',
    )
  ).map((r) => r.key);

async function expectExpertsAsFromScratch(window: {
  from: string | null;
  to: string | null;
}): Promise<number> {
  const keys = await subjectKeys();
  const expected = new Map<string, ReturnType<typeof ranking>>();
  const scratch = await rows<{
    key: string;
    person: string;
    score: number;
    articleCount: number;
    urls: string[];
  }>(EXPERTS_FROM_SCRATCH, { keys, ...window });
  const byKey = new Map<string, typeof scratch>();
  for (const row of scratch) byKey.set(row.key, [...(byKey.get(row.key) ?? []), row]);
  for (const [key, list] of byKey) expected.set(key, ranking(list));
  const answers = await experts(db, keys, { limit: 100, maxQuotes: 0, withUrls: true, ...window });
  let hits = 0;
  keys.forEach((key, i) => {
    const got = ranking(
      answers[i].map((h: ExpertRow) => ({ ...h, person: h.person.key, urls: h.articleUrls })),
    );
    expect({ key, got }).toEqual({ key, got: expected.get(key) ?? [] });
    // Best first, by score.
    const scores = answers[i].map((h) => h.score);
    expect(scores).toEqual([...scores].sort((x, y) => y - x));
    hits += got.length;
  });
  return hits;
}

/** Co-mention pages from CO_MENTIONED, against the walk over the articles. */
async function expectCoMentionsAsFromScratch(): Promise<number> {
  let entries = 0;
  for (const label of ENTITY_LABELS) {
    const keys = (await rows<{ key: string }>(`MATCH (n:${label}) RETURN n.key AS key ORDER BY key`)).map(
      (r) => r.key,
    );
    for (const kind of [null, 'Person', 'Organization', 'Place'] as (EntityLabel | null)[]) {
      for (const limit of [100, 3]) {
        const got = await coMentioned(db, label, keys, { limit, kind });
        const scratch = await rows<{ key: string; value: string[] }>(
          `UNWIND $keys AS key
           MATCH (n:${label} {key: key})
           CALL (n) {
             MATCH (n)-[:MENTIONS|HAS_TOPIC|QUOTED_AS_EXPERT]-(a:Article)
             WITH DISTINCT n, a
             MATCH (a)-[r:MENTIONS]->(m)
             WHERE m <> n AND ($kind IS NULL OR $kind IN labels(m))
             WITH m, count(a) AS count, sum(r.count) AS mentions
             ORDER BY count DESC, mentions DESC, m.name, m.key
             LIMIT $limit
             RETURN collect(count + ' ' + labels(m)[0] + ' ' + m.key) AS value
           }
           RETURN key, value`,
          { keys, kind, limit: int(limit) },
        );
        const expected = new Map(scratch.map((r) => [r.key, r.value]));
        keys.forEach((key, i) => {
          const shape = got[i].map((c) => `${c.count} ${c.entity.kind} ${c.entity.key}`);
          expect({ key, shape }).toEqual({ key, shape: expected.get(key) ?? [] });
          entries += shape.length;
        });
      }
    }
  }
  return entries;
}

it('keeps EXPERT_ON, CO_MENTIONED and the counts equal to a computation from scratch', async () => {
  const got = await stored();
  expect(got.filter((line) => line.includes(' > ')).length).toBeGreaterThan(1000);
  expect(got.filter((line) => line.includes(' on ')).length).toBeGreaterThan(50);
  expect(got).toEqual(await fromScratch());
}, 120_000);

it('answers experts, with and without a date window, as the walk over the articles does', async () => {
  expect(await expectExpertsAsFromScratch({ from: null, to: null })).toBeGreaterThan(50);
  expect(
    await expectExpertsAsFromScratch({ from: '2024-05-01T00:00:00Z', to: '2024-05-31T23:59:59Z' }),
  ).toBeGreaterThan(5);
}, 300_000);

it('answers co-mentions as the walk over the articles does', async () => {
  expect(await expectCoMentionsAsFromScratch()).toBeGreaterThan(100);
}, 300_000);

it('subtracts exactly what a changed article contributed', async () => {
  const page = { limit: 100, from: null, to: null, maxQuotes: 5, withUrls: false };
  const before = await experts(db, ['乌克兰'], page);
  expect(before[0].map((hit) => hit.person.name)).toContain('迈克尔·舒曼');
  // A later fetch of the seed without the paragraph that quotes 舒曼.
  const seed = fs.readFileSync(SEED, 'utf8');
  const changed = seed
    .replace(/^<!--(\d+)-->/, (_, ms: string) => `<!--${Number(ms) + 60_000}-->`)
    .replace(/<p>[^<]*舒曼[^<]*(<[^p/][^>]*>[^<]*<\/[^p][^>]*>[^<]*)*<\/p>/, '');
  expect(changed).not.toMatch(/舒曼/);
  const copy = path.join(tmp, path.basename(SEED));
  fs.writeFileSync(copy, changed);
  const summary = await importPaths([copy], { driver, database: TEST_DATABASE });
  expect(summary.updated).toBe(1);

  const after = await experts(db, ['乌克兰'], page);
  expect(after[0].map((hit) => hit.person.name)).not.toContain('迈克尔·舒曼');
  expect(await stored()).toEqual(await fromScratch());
  await expectExpertsAsFromScratch({ from: null, to: null });
}, 300_000);

it('leaves the same aggregates whatever the import order', async () => {
  const files = fs
    .readdirSync(CORPUS_FIXTURES)
    .map((file) => path.join(CORPUS_FIXTURES, file))
    .sort();
  const all = [SEED, ...files];
  // One article per transaction, so each one's delta lands on the others'.
  await wipeDatabase(driver);
  await importPaths(all, { driver, database: TEST_DATABASE, batchSize: 1 });
  const forward = await stored();
  await wipeDatabase(driver);
  await importPaths([...all].reverse(), { driver, database: TEST_DATABASE, batchSize: 3 });
  expect(await stored()).toEqual(forward);
  expect(forward).toEqual(await fromScratch());
}, 300_000);
