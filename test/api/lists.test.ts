import fs from 'node:fs';
import path from 'node:path';
import type { ProfiledPlan } from 'neo4j-driver';
import {
  articleListQuery,
  type ArticleListFilter,
  type ArticleOrder,
} from '../../src/api/queries/article-list';
import { importPaths } from '../../src/import/pipeline';
import { closeTestDriver, TEST_DATABASE, testDriver, wipeDatabase } from '../support/neo4j';
import { startTestApi, type GraphQLResponse, type TestApi } from './support';

/**
 * The article list on the real corpus (/work/shared/corpus/nyt-cn, or the fixtures when it is
 * absent): filters and orders against the graph, and every list query PROFILEd to show it is
 * served by an index and reads only its page (or, with a narrowing filter, only its candidates).
 */
const CORPUS = fs.existsSync('/work/shared/corpus/nyt-cn')
  ? '/work/shared/corpus/nyt-cn'
  : path.join(__dirname, 'fixtures', 'corpus');

const driver = testDriver();
let api: TestApi;
let importedCount = 0;
let articleNodes = 0;

beforeAll(async () => {
  await wipeDatabase(driver);
  const summary = await importPaths([CORPUS], { driver, database: TEST_DATABASE });
  if (summary.errors.length > 0) throw new Error(`import failed: ${JSON.stringify(summary.errors)}`);
  const { records } = await driver.executeQuery(
    'MATCH (a:Article) RETURN count(a) AS all, count(CASE WHEN a.imported THEN 1 END) AS imported',
    {},
    { database: TEST_DATABASE },
  );
  articleNodes = Number(records[0].get('all'));
  importedCount = Number(records[0].get('imported'));
  // Plans made earlier in this process for other test files' tiny graphs stay cached and would be
  // profiled here: refresh the statistics and drop cached plans, so each query is planned for the corpus.
  await driver.executeQuery('CALL db.resampleOutdatedIndexes()', {}, { database: TEST_DATABASE });
  await driver.executeQuery('CALL db.clearQueryCaches()', {}, { database: TEST_DATABASE });
  api = await startTestApi(driver);
}, 600_000);

afterAll(async () => {
  await api?.server.stop();
  await closeTestDriver();
});

const NO_FILTER: ArticleListFilter = {
  text: null,
  entityKey: null,
  topicKey: null,
  authorKey: null,
  language: null,
  section: null,
  sourcePrefix: null,
  fromMs: null,
  toMs: null,
  imported: true,
};

interface Profile {
  dbHits: number;
  maxRows: number;
  operators: string[];
}

function walk(plan: ProfiledPlan, into: Profile): Profile {
  into.dbHits += plan.dbHits;
  into.maxRows = Math.max(into.maxRows, plan.rows);
  into.operators.push(plan.operatorType.replace(/@.*$/, ''));
  for (const child of plan.children) walk(child, into);
  return into;
}

async function profile(
  filter: Partial<ArticleListFilter>,
  order: ArticleOrder = 'NEWEST',
  after: { ms: number; url: string } | null = null,
  limit = 21,
) {
  const full = { ...NO_FILTER, ...filter };
  const query = articleListQuery(full, order, after !== null);
  const result = await driver.executeQuery(
    `PROFILE ${query}`,
    { ...full, limit: neo4jInt(limit), after },
    { database: TEST_DATABASE },
  );
  const row = result.records[0];
  return {
    totalCount: Number(row.get('totalCount')),
    rows: row.get('rows') as { article: { url: string; publishedAt: string | null }; ms: number }[],
    ...walk(result.summary.profile as ProfiledPlan, { dbHits: 0, maxRows: 0, operators: [] }),
  };
}

function neo4jInt(n: number) {
  // LIMIT rejects floats; the API sends Neo4j integers too (src/api/db.ts).
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require('neo4j-driver').int(n);
}

describe('index-backed article lists (PROFILE on the corpus)', () => {
  it('imports the corpus with stubs beside the articles', () => {
    expect(importedCount).toBeGreaterThanOrEqual(9);
    expect(articleNodes).toBeGreaterThan(importedCount);
  });

  it('reads only the first page of the newest-first list, and counts from the count store', async () => {
    const p = await profile({});
    expect(p.totalCount).toBe(importedCount);
    expect(p.rows).toHaveLength(Math.min(21, importedCount));
    expect(p.operators).not.toContain('NodeByLabelScan');
    expect(p.operators).not.toContain('AllNodesScan');
    expect(p.operators).toContain('NodeCountFromCountStore');
    expect(p.operators.some((op) => op.startsWith('NodeIndexScan'))).toBe(true);
    // No operator sees more than the page (+1): the index is read in order and cut.
    expect(p.maxRows).toBeLessThanOrEqual(22);
    expect(p.dbHits).toBeLessThan(articleNodes);
  });

  it('seeks to the cursor instead of reading the pages before it, in both orders', async () => {
    for (const order of ['NEWEST', 'OLDEST'] as const) {
      const first = await profile({}, order, null, 5);
      const cursor = first.rows[3];
      const next = await profile({}, order, { ms: cursor.ms, url: cursor.article.url }, 5);
      expect(next.rows[0].article.url).toBe(first.rows[4].article.url);
      expect(next.operators.some((op) => op.startsWith('NodeIndexSeekByRange'))).toBe(true);
      // The page (+1) and the cursor's own row, which the seek includes and the URL tie drops.
      expect(next.maxRows).toBeLessThanOrEqual(7);
    }
  });

  it('reads only the candidates of a narrowing filter', async () => {
    const { records } = await driver.executeQuery(
      `MATCH (t:Topic)<-[:HAS_TOPIC]-(a:Article) WITH t, count(a) AS n ORDER BY n DESC, t.key LIMIT 1
       RETURN t.key AS key, n`,
      {},
      { database: TEST_DATABASE },
    );
    const topicCount = Number(records[0].get('n'));
    const p = await profile({ topicKey: records[0].get('key') as string });
    expect(p.totalCount).toBe(topicCount);
    expect(p.operators).not.toContain('NodeByLabelScan');
    expect(p.maxRows).toBeLessThanOrEqual(Math.max(topicCount * 2, 22));
    expect(p.dbHits).toBeLessThan(articleNodes * 3);
  });

  it('uses the range index for a time window', async () => {
    const all = await profile({}, 'NEWEST', null, 100);
    const dated = all.rows.filter((r) => r.ms >= 0);
    const fromMs = dated[Math.floor(dated.length / 2)].ms;
    const p = await profile({ fromMs }, 'NEWEST', null, 100);
    expect(p.rows.every((r) => r.ms >= fromMs)).toBe(true);
    expect(p.totalCount).toBe(dated.filter((r) => r.ms >= fromMs).length);
    expect(p.operators.some((op) => op.startsWith('NodeIndexSeekByRange'))).toBe(true);
    expect(p.maxRows).toBeLessThanOrEqual(p.totalCount + 1);
  });
});

describe('articles(where, orderBy)', () => {
  it('pages through the whole list newest first, each article once', async () => {
    const urls: string[] = [];
    let after: string | null = null;
    let times: number[] = [];
    for (let i = 0; i < 50; i++) {
      const res: GraphQLResponse = await api.gql(
        `query($after: String) { articles(first: 40, after: $after) {
          totalCount pageInfo { hasNextPage endCursor } edges { node { url publishedAt } } } }`,
        { after },
      );
      expect(res.errors).toBeUndefined();
      const page = res.data!.articles;
      expect(page.totalCount).toBe(importedCount);
      urls.push(...page.edges.map((e: { node: { url: string } }) => e.node.url));
      times = times.concat(
        page.edges.map((e: { node: { publishedAt: string | null } }) =>
          e.node.publishedAt ? Date.parse(e.node.publishedAt) : -1,
        ),
      );
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(urls).toHaveLength(importedCount);
    expect(new Set(urls).size).toBe(importedCount);
    expect(times).toEqual([...times].sort((x, y) => y - x));
  });

  it('filters by section, source, language, time window, topic and author, each on the graph', async () => {
    const res = await api.gql(`{
      business: articles(where: { section: "business" }, first: 100) { totalCount edges { node { section url } } }
      cn: articles(where: { source: "cn.nytimes.com" }) { totalCount }
      other: articles(where: { source: "example.org" }) { totalCount }
      zh: articles(where: { language: "zh" }) { totalCount }
      en: articles(where: { language: "en" }) { totalCount }
      window: articles(where: { from: "2024-05-01T00:00:00Z", to: "2024-05-31T23:59:59Z" }, first: 100) {
        totalCount edges { node { publishedAt } } }
    }`);
    expect(res.errors).toBeUndefined();
    const d = res.data!;
    expect(d.business.totalCount).toBeGreaterThan(0);
    expect(d.business.edges.every((e: { node: { section: string } }) => e.node.section === 'business')).toBe(
      true,
    );
    expect(d.cn.totalCount).toBe(importedCount);
    expect(d.other.totalCount).toBe(0);
    expect(d.zh.totalCount + d.en.totalCount).toBe(importedCount);
    expect(d.window.totalCount).toBeGreaterThan(0);
    for (const e of d.window.edges) {
      const t = Date.parse(e.node.publishedAt);
      expect(t).toBeGreaterThanOrEqual(Date.parse('2024-05-01T00:00:00Z'));
      expect(t).toBeLessThanOrEqual(Date.parse('2024-05-31T23:59:59Z'));
    }

    const { records } = await driver.executeQuery(
      `MATCH (p:Person)-[:AUTHORED]->(a:Article) WITH p, count(a) AS n ORDER BY n DESC, p.key LIMIT 1
       RETURN p.name AS name, n`,
      {},
      { database: TEST_DATABASE },
    );
    const author = records[0].get('name') as string;
    const byAuthor = await api.gql(
      `query($author: String!) { articles(where: { author: $author }, first: 100) {
        totalCount edges { node { authors { name } } } } }`,
      { author },
    );
    expect(byAuthor.data!.articles.totalCount).toBe(Number(records[0].get('n')));
    for (const e of byAuthor.data!.articles.edges) {
      expect(e.node.authors.map((a: { name: string }) => a.name)).toContain(author);
    }
  });

  it('orders by relevance (mentions) and oldest first, and refuses RELEVANCE without a subject', async () => {
    const res = await api.gql(`{
      relevant: articles(where: { mentions: "习近平" }, orderBy: RELEVANCE, first: 100) {
        totalCount edges { node { url mentions { count entity { name } } } } }
      newest: articles(where: { mentions: "习近平" }, first: 100) { totalCount }
      oldest: articles(orderBy: OLDEST, first: 3) { edges { node { publishedAt } } }
      newestFirst: articles(first: 1) { edges { node { publishedAt } } }
    }`);
    expect(res.errors).toBeUndefined();
    const d = res.data!;
    expect(d.relevant.totalCount).toBe(d.newest.totalCount);
    const counts = d.relevant.edges.map(
      (e: { node: { mentions: { count: number; entity: { name: string } }[] } }) =>
        e.node.mentions.find((m) => m.entity.name === '习近平')?.count ?? 0,
    );
    expect(counts).toEqual([...counts].sort((x: number, y: number) => y - x));
    expect(counts[0]).toBeGreaterThan(counts.at(-1));
    const oldest = d.oldest.edges.map((e: { node: { publishedAt: string | null } }) => e.node.publishedAt);
    expect(oldest[0] === null || oldest[0] <= d.newestFirst.edges[0].node.publishedAt).toBe(true);

    const bad = await api.gql('{ articles(orderBy: RELEVANCE) { totalCount } }');
    expect(bad.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });
});

describe('aggregations', () => {
  async function cypher(query: string, params: Record<string, unknown> = {}) {
    const { records } = await driver.executeQuery(query, params, { database: TEST_DATABASE });
    return records.map((r) => r.toObject());
  }

  it('counts articles per month, in time order, as the article list shows them', async () => {
    const expected = new Map<string, number>();
    let after: string | null = null;
    do {
      const list: GraphQLResponse = await api.gql(
        `query($after: String) { articles(first: 100, after: $after) {
          pageInfo { hasNextPage endCursor } edges { node { publishedAt } } } }`,
        { after },
      );
      for (const e of list.data!.articles.edges) {
        const month = (e.node.publishedAt as string | null)?.slice(0, 7);
        if (month) expected.set(month, (expected.get(month) ?? 0) + 1);
      }
      after = list.data!.articles.pageInfo.hasNextPage ? list.data!.articles.pageInfo.endCursor : null;
    } while (after !== null);
    const res = await api.gql('{ articleCounts(by: MONTH, first: 100) { key name count entity { name } } }');
    expect(res.errors).toBeUndefined();
    const buckets = res.data!.articleCounts as { key: string; count: number; entity: null }[];
    expect(buckets.map((b) => b.key)).toEqual([...expected.keys()].sort());
    for (const b of buckets) expect(b.count).toBe(expected.get(b.key));
    expect(buckets.every((b) => b.entity === null)).toBe(true);

    const latest = await api.gql('{ articleCounts(by: MONTH, first: 2) { key } }');
    expect(latest.data!.articleCounts.map((b: { key: string }) => b.key)).toEqual(
      buckets.slice(-2).map((b) => b.key),
    );
  });

  it('counts articles per organization and per topic in a time window, most first', async () => {
    const from = '2024-05-01T00:00:00Z';
    const to = '2024-06-30T23:59:59Z';
    const res = await api.gql(
      `query($from: DateTime, $to: DateTime) {
        orgs: articleCounts(by: ORGANIZATION, where: { from: $from, to: $to }, first: 5) {
          key name count entity { __typename name } }
        topics: articleCounts(by: TOPIC, where: { from: $from, to: $to }, first: 5) { key count }
        sections: articleCounts(by: SECTION) { key count }
      }`,
      { from, to },
    );
    expect(res.errors).toBeUndefined();
    const orgs = res.data!.orgs as { key: string; count: number; entity: { __typename: string } }[];
    expect(orgs.length).toBeGreaterThan(0);
    expect(orgs.map((o) => o.count)).toEqual(orgs.map((o) => o.count).sort((x, y) => y - x));
    expect(orgs.every((o) => o.entity.__typename === 'Organization')).toBe(true);
    const [truth] = await cypher(
      `MATCH (:Organization {key: $key})<-[:MENTIONS]-(a:Article {imported: true})
       WHERE datetime(a.publishedAt) >= datetime($from) AND datetime(a.publishedAt) <= datetime($to)
       RETURN count(DISTINCT a) AS n`,
      { key: orgs[0].key, from, to },
    );
    expect(orgs[0].count).toBe(Number(truth.n));
    expect(res.data!.topics.length).toBeGreaterThan(0);
    const sections = res.data!.sections as { count: number }[];
    expect(sections.reduce((sum, b) => sum + b.count, 0)).toBe(importedCount);
  });

  it("shows an expert's activity per month", async () => {
    const [top] = await cypher(
      `MATCH (p:Person)-[:QUOTED_AS_EXPERT]->(a:Article) WITH p, count(DISTINCT a) AS n
       ORDER BY n DESC, p.key LIMIT 1 RETURN p.name AS name, n`,
    );
    const res = await api.gql('query($name: String!) { expertActivity(name: $name) { key count } }', {
      name: top.name,
    });
    expect(res.errors).toBeUndefined();
    const months = res.data!.expertActivity as { key: string; count: number }[];
    expect(months.reduce((sum, m) => sum + m.count, 0)).toBe(Number(top.n));
    expect(months.map((m) => m.key)).toEqual(months.map((m) => m.key).sort());
    const none = await api.gql('{ expertActivity(name: "没有这个人") { key } }');
    expect(none.data!.expertActivity).toEqual([]);
  });

  it('finds the people most often mentioned together', async () => {
    const res = await api.gql(`{ coMentionedPairs(kind: PERSON, first: 5) {
      count first { __typename key name } second { __typename key name } } }`);
    expect(res.errors).toBeUndefined();
    const pairs = res.data!.coMentionedPairs as {
      count: number;
      first: { __typename: string; key: string };
      second: { __typename: string; key: string };
    }[];
    expect(pairs.length).toBe(5);
    expect(pairs.map((p) => p.count)).toEqual(pairs.map((p) => p.count).sort((x, y) => y - x));
    for (const p of pairs) {
      expect([p.first.__typename, p.second.__typename]).toEqual(['Person', 'Person']);
      expect(p.first.key).not.toBe(p.second.key);
    }
    const [truth] = await cypher(
      `MATCH (:Person {key: $x})<-[:MENTIONS]-(a:Article)-[:MENTIONS]->(:Person {key: $y}) RETURN count(a) AS n`,
      { x: pairs[0].first.key, y: pairs[0].second.key },
    );
    expect(pairs[0].count).toBe(Number(truth.n));
    const [best] = await cypher(
      `MATCH (x:Person)<-[:MENTIONS]-(a:Article)-[:MENTIONS]->(y:Person) WHERE x.key < y.key
       WITH x, y, count(a) AS n RETURN max(n) AS n`,
    );
    expect(pairs[0].count).toBe(Number(best.n));
  });
});
