import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createDb } from '../../src/api/db';
import { coMentioned } from '../../src/api/queries/entities';
import { experts, type ExpertRow } from '../../src/api/queries/experts';
import { ENTITY_LABELS, type EntityLabel } from '../../src/api/queries/fragments';
import { hitQuotes, mostFrequent } from '../../src/api/resolvers/experts';
import { STORED_HITS } from '../../src/graph/aggregates';
import { AGGREGATE_OPTIONS, CO_MENTION_MIN_ARTICLES } from '../../src/import/write/aggregates';
import { importPaths } from '../../src/import/pipeline';
import { closeTestDriver, TEST_DATABASE, testDriver, wipeDatabase } from '../support/neo4j';
import { loadTestGraph, SEED } from './support';

/*
 * The stored aggregates (src/import/write/aggregates.ts) against the live queries that define
 * them, for every subject key and every entity of the seed + corpus fixtures, before and after
 * an article changes.
 */

const driver = testDriver();
const db = createDb(driver, TEST_DATABASE);
let tmp: string;

beforeAll(async () => {
  // Every entity gets stored co-mention lists, however few its articles (the fixtures are small).
  AGGREGATE_OPTIONS.coMentionMinArticles = 1;
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'newsgraph-aggregates-'));
  await wipeDatabase(driver);
  await loadTestGraph(driver);
}, 300_000);

afterAll(async () => {
  AGGREGATE_OPTIONS.coMentionMinArticles = CO_MENTION_MIN_ARTICLES;
  fs.rmSync(tmp, { recursive: true, force: true });
  await closeTestDriver();
});

async function column<T>(query: string): Promise<T[]> {
  const result = await driver.executeQuery(query, {}, { database: TEST_DATABASE });
  return result.records.map((record) => record.get(0) as T);
}

const subjectKeys = () => column<string>('MATCH (al:Alias) RETURN al.key ORDER BY al.key');

/** What the API shows of a hit; scores rounded, since the two sums add in different orders. */
function view(rows: ExpertRow[], quotes: number) {
  return rows
    .map((hit) => ({
      person: hit.person.key,
      // The stored hits carry names and aliases of their own: they must be the graph's.
      personNames: [hit.person.name, ...hit.person.aliases],
      score: Math.round(hit.score * 1e6) / 1e6,
      articleCount: hit.articleCount,
      role: mostFrequent(hit.roleCounts),
      organizations: hit.organizations.map((o) => `${o.key} ${o.name} ${o.aliases.join('|')}`).sort(),
      articles: [...hit.articleUrls].sort(),
      quotes: hitQuotes(hit, quotes)
        .map((q) => `${q.articleUrl} ${q.key} ${q.position} ${q.text}`)
        .sort(),
    }))
    .sort((x, y) => y.score - x.score || y.articleCount - x.articleCount || x.person.localeCompare(y.person));
}

async function expectStoredExpertsEqualLive(): Promise<number> {
  const keys = await subjectKeys();
  let hits = 0;
  // The stored hits in full (pages up to STORED_HITS), and the stored ranking with details read
  // from the graph (larger pages, more quotes, the articles).
  for (const request of [
    { limit: STORED_HITS, maxQuotes: 5, withUrls: false },
    { limit: STORED_HITS, maxQuotes: 2, withUrls: false },
    { limit: STORED_HITS, maxQuotes: 0, withUrls: false },
    { limit: 100, maxQuotes: 5, withUrls: false },
    { limit: 100, maxQuotes: 20, withUrls: true },
  ]) {
    const options = { from: null, to: null, ...request };
    const stored = await experts(db, keys, options);
    const live = await experts(db, keys, { ...options, live: true });
    keys.forEach((key, i) => {
      expect({ key, hits: view(stored[i], request.maxQuotes) }).toEqual({
        key,
        hits: view(live[i], request.maxQuotes),
      });
      hits += stored[i].length;
    });
  }
  return hits;
}

async function expectStoredCoMentionsEqualLive(): Promise<number> {
  let entries = 0;
  for (const label of ENTITY_LABELS) {
    const keys = await column<string>(`MATCH (n:${label}) RETURN n.key ORDER BY n.key`);
    for (const kind of [null, 'Person', 'Organization', 'Place'] as (EntityLabel | null)[]) {
      // 3: the stored entries whole (co<Kind>Hits); 100: the stored key lists.
      for (const limit of [100, 3]) {
        const stored = await coMentioned(db, label, keys, { limit, kind });
        const live = await coMentioned(db, label, keys, { limit, kind, live: true });
        const shape = (rows: typeof stored) =>
          rows.map((list) => list.map((c) => `${c.count} ${c.entity.kind} ${c.entity.key} ${c.entity.name}`));
        expect(shape(stored)).toEqual(shape(live));
        entries += stored.reduce((n, list) => n + list.length, 0);
      }
    }
  }
  return entries;
}

it('stores co-mention lists and expert rankings for the imported graph', async () => {
  const [withLists] = await column<number>(
    'MATCH (n:Person|Organization|Place|Topic) WHERE n.coPersonKeys IS NOT NULL RETURN count(n)',
  );
  const [withExperts] = await column<number>('MATCH (al:Alias {key: "乌克兰"}) RETURN size(al.expertKeys)');
  expect(withLists).toBeGreaterThan(10);
  expect(withExperts).toBeGreaterThanOrEqual(3);
});

it('answers experts from the stored ranking exactly as the live query does', async () => {
  expect(await expectStoredExpertsEqualLive()).toBeGreaterThan(10);
}, 120_000);

it('answers co-mentions from the stored lists exactly as the live query does', async () => {
  expect(await expectStoredCoMentionsEqualLive()).toBeGreaterThan(100);
}, 120_000);

it('keeps the stored answers right when an article changes', async () => {
  const before = await experts(db, ['乌克兰'], {
    limit: 100,
    from: null,
    to: null,
    maxQuotes: 5,
    withUrls: false,
  });
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

  const after = await experts(db, ['乌克兰'], {
    limit: 100,
    from: null,
    to: null,
    maxQuotes: 5,
    withUrls: false,
  });
  expect(after[0].map((hit) => hit.person.name)).not.toContain('迈克尔·舒曼');
  await expectStoredExpertsEqualLive();
  await expectStoredCoMentionsEqualLive();
}, 300_000);

it('answers live for entities without stored lists', async () => {
  // The default threshold leaves the fixtures' small entities without lists.
  AGGREGATE_OPTIONS.coMentionMinArticles = CO_MENTION_MIN_ARTICLES;
  const { refreshAggregates } = await import('../../src/import/write/aggregates');
  await refreshAggregates(driver, TEST_DATABASE);
  const [withLists] = await column<number>(
    'MATCH (n:Person|Organization|Place|Topic) WHERE n.coPersonKeys IS NOT NULL RETURN count(n)',
  );
  expect(withLists).toBe(0);
  expect(await expectStoredCoMentionsEqualLive()).toBeGreaterThan(100);
}, 120_000);
