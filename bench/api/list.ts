import fs from 'node:fs';
import path from 'node:path';
import neo4j, { type Driver, type ProfiledPlan } from 'neo4j-driver';
import pino from 'pino';
import { articleListQuery, type ArticleListFilter } from '../../src/api/queries/article-list';
import { articleProjection } from '../../src/api/queries/fragments';
import { startApiServer } from '../../src/api/server';
import { createDriver } from '../../src/db/driver';
import { migrate } from '../../src/db/migrate';
import { wipeDatabase } from '../../src/db/wipe';
import { importPaths } from '../../src/import/pipeline';
import { targetFor } from '../../src/neo4j-launcher/launcher';

/**
 * The article list, first page (`articles(first: 20)`), on one corpus in one alternating run:
 *
 * - `before`: the list query as it was before it became index-backed (scan of every Article,
 *   datetime() per row, sort, collect all for totalCount), kept here verbatim as the reference;
 * - `after`: the index-backed list query (src/api/queries/article-list.ts);
 * - `raw seek`: the least Cypher that can answer the page: an ordered index scan cut at 21 rows;
 * - `GraphQL`: the same page through the API over HTTP, with authors.
 *
 *   npx tsx bench/api/list.ts [--corpus DIR] [--no-load] [--requests N]
 *
 * It uses the test instance (NEO4J_TEST_*), which it wipes and loads unless --no-load. Sequential
 * requests (concurrency 1), rounds alternate between the variants. Results: bench/results/api-list-<date>.json.
 */

const ROOT = path.resolve(__dirname, '..', '..');
const DATABASE = process.env.NEO4J_TEST_DATABASE || 'neo4j';

const BEFORE = `
CALL () {
  WITH $text AS text WHERE text IS NOT NULL
  CALL db.index.fulltext.queryNodes('article_text', text) YIELD node
  RETURN node AS a
  UNION
  WITH $entityKey AS entityKey WHERE $text IS NULL AND entityKey IS NOT NULL
  MATCH (:Alias {key: entityKey})-[:ALIAS_OF]->(e)<-[:MENTIONS|HAS_TOPIC]-(a:Article)
  RETURN a
  UNION
  WITH $text AS text, $entityKey AS entityKey WHERE text IS NULL AND entityKey IS NULL
  MATCH (a:Article)
  RETURN a
}
WITH DISTINCT a
WHERE ($imported IS NULL OR coalesce(a.imported, false) = $imported)
  AND ($language IS NULL OR a.language = $language)
  AND ($section IS NULL OR a.section = $section)
  AND ($from IS NULL OR datetime(a.publishedAt) >= datetime($from))
  AND ($to IS NULL OR datetime(a.publishedAt) <= datetime($to))
  AND ($entityKey IS NULL OR EXISTS { (a)-[:MENTIONS|HAS_TOPIC]->()<-[:ALIAS_OF]-(:Alias {key: $entityKey}) })
WITH a, coalesce(datetime(a.publishedAt).epochMillis, -1) AS ms
ORDER BY ms DESC, a.url
WITH collect({article: ${articleProjection('a')}, ms: ms}) AS rows
RETURN size(rows) AS totalCount, [row IN rows WHERE ($after IS NULL OR row.ms < $after.ms OR (row.ms = $after.ms AND row.article.url > $after.url))][0..$limit] AS rows`;
const BEFORE_PARAMS = {
  text: null,
  entityKey: null,
  imported: true,
  language: null,
  section: null,
  from: null,
  to: null,
  after: null,
  limit: neo4j.int(21),
};

const FILTER: ArticleListFilter = {
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
const AFTER = articleListQuery(FILTER, 'NEWEST', false);
const AFTER_PARAMS = { ...FILTER, after: null, limit: neo4j.int(21) };

const RAW = `
MATCH (a:Imported) WHERE a.publishedMs IS NOT NULL
WITH a ORDER BY a.publishedMs DESC LIMIT 21
RETURN a.url AS url, a.title AS title, a.publishedAt AS publishedAt`;

const GRAPHQL =
  '{ articles(first: 20) { totalCount edges { node { url title publishedAt authors { name } } } } }';

interface Args {
  corpus: string;
  load: boolean;
  requests: number;
}

function parseArgs(argv: string[]): Args {
  const generated = ['import-10k', 'import-2k']
    .map((d) => path.join(ROOT, 'bench', 'corpus', d))
    .find(fs.existsSync);
  const args: Args = { corpus: generated ?? '/work/shared/corpus/nyt-cn', load: true, requests: 200 };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--corpus') args.corpus = path.resolve(argv[++i]);
    else if (argv[i] === '--no-load') args.load = false;
    else if (argv[i] === '--requests') args.requests = Number(argv[++i]);
    else throw new Error(`unknown argument ${argv[i]}`);
  }
  return args;
}

function sumHits(plan: ProfiledPlan): number {
  return plan.dbHits + plan.children.reduce((sum, child) => sum + sumHits(child), 0);
}

async function dbHits(driver: Driver, query: string, params: Record<string, unknown>): Promise<number> {
  const result = await driver.executeQuery(`PROFILE ${query}`, params, { database: DATABASE });
  return sumHits(result.summary.profile as ProfiledPlan);
}

async function runCypher(driver: Driver, query: string, params: Record<string, unknown>): Promise<void> {
  const session = driver.session({ database: DATABASE, defaultAccessMode: neo4j.session.READ });
  try {
    await session.run(query, params);
  } finally {
    await session.close();
  }
}

function percentile(sorted: number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const driver = createDriver(targetFor('test'));
  let articles: number;
  try {
    if (args.load) {
      await wipeDatabase(driver, DATABASE);
      await migrate(driver, DATABASE);
      const summary = await importPaths([args.corpus], { driver, database: DATABASE });
      console.error(`loaded ${args.corpus}: ${summary.new} articles, ${summary.errors.length} errors`);
    }
    const { records } = await driver.executeQuery(
      'MATCH (a:Article) RETURN count(a) AS all, count(CASE WHEN a.imported THEN 1 END) AS imported',
      {},
      { database: DATABASE },
    );
    articles = Number(records[0].get('imported'));
    const articleNodes = Number(records[0].get('all'));
    const server = await startApiServer({
      driver,
      database: DATABASE,
      port: 0,
      host: '127.0.0.1',
      logger: pino({ level: 'silent' }),
      apiKeys: '',
    });
    const variants: Record<string, () => Promise<void>> = {
      before: () => runCypher(driver, BEFORE, BEFORE_PARAMS),
      after: () => runCypher(driver, AFTER, AFTER_PARAMS),
      'raw seek': () => runCypher(driver, RAW, {}),
      GraphQL: async () => {
        const response = await fetch(server.url, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ query: GRAPHQL }),
        });
        const body = (await response.json()) as { errors?: unknown };
        if (body.errors) throw new Error(JSON.stringify(body.errors));
      },
    };
    const times: Record<string, number[]> = Object.fromEntries(Object.keys(variants).map((k) => [k, []]));
    // Warm-up, then alternating rounds of 10 requests per variant.
    for (const run of Object.values(variants)) for (let i = 0; i < 20; i++) await run();
    for (let round = 0; round < args.requests / 10; round++) {
      for (const [name, run] of Object.entries(variants)) {
        for (let i = 0; i < 10; i++) {
          const t0 = performance.now();
          await run();
          times[name].push(performance.now() - t0);
        }
      }
    }
    await server.stop();
    const hits = {
      before: await dbHits(driver, BEFORE, BEFORE_PARAMS),
      after: await dbHits(driver, AFTER, AFTER_PARAMS),
      'raw seek': await dbHits(driver, RAW, {}),
    };
    const rows = Object.entries(times).map(([name, list]) => {
      const sorted = [...list].sort((x, y) => x - y);
      return {
        variant: name,
        requests: list.length,
        p50Ms: +percentile(sorted, 0.5).toFixed(2),
        p95Ms: +percentile(sorted, 0.95).toFixed(2),
        dbHits: hits[name as keyof typeof hits] ?? null,
      };
    });
    const raw = rows.find((r) => r.variant === 'raw seek')!.p50Ms;
    const after = rows.find((r) => r.variant === 'after')!.p50Ms;
    const result = {
      date: new Date().toISOString(),
      corpus: args.corpus,
      importedArticles: articles,
      articleNodes,
      rows,
      afterVsRawSeekP50: +(after / raw).toFixed(2),
      beforeVsAfterP50: +(rows.find((r) => r.variant === 'before')!.p50Ms / after).toFixed(1),
    };
    const file = path.join(ROOT, 'bench', 'results', `api-list-${result.date.slice(0, 10)}.json`);
    fs.writeFileSync(file, JSON.stringify(result, null, 2) + '\n');
    console.log(JSON.stringify(result));
    console.log(
      `\n${articles} imported articles (${articleNodes} Article nodes), first page of 20, concurrency 1`,
    );
    console.log('| variant | p50 ms | p95 ms | db hits |\n| --- | --- | --- | --- |');
    for (const r of rows) console.log(`| ${r.variant} | ${r.p50Ms} | ${r.p95Ms} | ${r.dbHits ?? '–'} |`);
    console.log(
      `\nafter / raw seek (p50): ${result.afterVsRawSeekP50}; before / after (p50): ${result.beforeVsAfterP50}`,
    );
    console.log(`wrote ${path.relative(ROOT, file)}`);
  } finally {
    await driver.close();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
