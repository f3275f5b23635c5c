import { int, type Db } from '../db';
import { articleProjection, type ArticlePage, type PageArgs } from './fragments';

/**
 * The article list (`articles(where, orderBy)`), index-backed. The query text is put together
 * from the fixed fragments below according to which filters are set (never from their values,
 * which travel as parameters), so each combination gets its own plan instead of one plan full of
 * `$x IS NULL OR ...` branches that can use no index:
 *
 * - no candidate filter (text, mentions, topic, author): a range scan of
 *   `(:Imported).publishedMs` in the requested order, filters applied as it goes, stopped after
 *   the page (`ORDER BY` on the indexed property plus `LIMIT`: the planner reads the index in
 *   order and keeps the top rows), and `totalCount` from the label's count store;
 * - a candidate filter: its index (full-text, Alias key, Topic key) gives the candidates, which
 *   are the only articles read, sorted and counted.
 *
 * Stubs (`imported: false`) have neither the `Imported` label nor `publishedMs`, so they are
 * outside that index; `imported: false` lists them through the `imported` property index.
 */

export type ArticleOrder = 'NEWEST' | 'OLDEST' | 'RELEVANCE';

export interface ArticleListFilter {
  /** A Lucene query for the full-text index, already escaped (see search.ts). */
  text: string | null;
  /** Alias key of an entity or topic the article mentions (MENTIONS or HAS_TOPIC). */
  entityKey: string | null;
  /** Topic key (HAS_TOPIC only). */
  topicKey: string | null;
  /** Alias key of an author (AUTHORED). */
  authorKey: string | null;
  language: string | null;
  section: string | null;
  /** URL prefix of a source site, e.g. `https://cn.nytimes.com/` (matched on the url index). */
  sourcePrefix: string | null;
  fromMs: number | null;
  toMs: number | null;
  imported: boolean;
}

/** Candidate sources: the first filter set in this order narrows the candidates. */
const SOURCES = {
  text: `CALL db.index.fulltext.queryNodes('article_text', $text) YIELD node AS a, score`,
  entityKey: `MATCH (:Alias {key: $entityKey})-[:ALIAS_OF]->()<-[r:MENTIONS|HAS_TOPIC]-(a:Article)
WITH a, sum(coalesce(r.count, r.weight, 1)) AS score`,
  topicKey: `MATCH (:Topic {key: $topicKey})<-[r:HAS_TOPIC]-(a:Article)
WITH a, coalesce(r.weight, r.score) AS score`,
  authorKey: `MATCH (:Alias {key: $authorKey})-[:ALIAS_OF]->(:Person)-[:AUTHORED]->(a:Article)
WITH DISTINCT a
WITH a, 1 AS score`,
} as const;

type SourceName = keyof typeof SOURCES;

/** Filters other than the candidate source, as predicates on `a`. */
const PREDICATES = {
  entityKey: 'EXISTS { (a)-[:MENTIONS|HAS_TOPIC]->()<-[:ALIAS_OF]-(:Alias {key: $entityKey}) }',
  topicKey: 'EXISTS { (a)-[:HAS_TOPIC]->(:Topic {key: $topicKey}) }',
  authorKey: 'EXISTS { (a)<-[:AUTHORED]-(:Person)<-[:ALIAS_OF]-(:Alias {key: $authorKey}) }',
  language: 'a.language = $language',
  section: 'a.section = $section',
  sourcePrefix: 'a.url STARTS WITH $sourcePrefix',
  fromMs: 'a.publishedMs >= $fromMs',
  toMs: 'a.publishedMs <= $toMs',
} as const;

const SORT_VALUE: Record<ArticleOrder, string> = {
  NEWEST: 'coalesce(a.publishedMs, -1)',
  OLDEST: 'coalesce(a.publishedMs, -1)',
  RELEVANCE: 'score',
};

function sourceOf(filter: ArticleListFilter): SourceName | null {
  return (
    (['text', 'entityKey', 'topicKey', 'authorKey'] as const).find((name) => filter[name] !== null) ?? null
  );
}

function predicatesOf(filter: ArticleListFilter, source: SourceName | null): string[] {
  return (Object.keys(PREDICATES) as (keyof typeof PREDICATES)[])
    .filter((name) => name !== source && filter[name] !== null)
    .map((name) => PREDICATES[name]);
}

/**
 * The articles a filter selects, one row per article (`a`, and `score` when a candidate filter
 * ranks them), by the same index the list uses. Aggregations start from it.
 */
export function articleMatch(filter: ArticleListFilter): string {
  const source = sourceOf(filter);
  const predicates = predicatesOf(filter, source);
  if (source === null && filter.imported) {
    return `MATCH (a:Imported)\nWHERE ${['a.publishedMs IS NOT NULL', ...predicates].join('\n  AND ')}`;
  }
  const base = source === null ? 'MATCH (a:Article {imported: false})\nWITH a, 0 AS score' : SOURCES[source];
  const label = filter.imported ? 'a:Imported' : 'NOT a:Imported';
  return `${base}\nWITH a, score WHERE ${[label, ...predicates].join('\n  AND ')}`;
}

/** The query for one combination of set filters and order; cached by that combination. */
export function articleListQuery(filter: ArticleListFilter, order: ArticleOrder, after: boolean): string {
  const source = sourceOf(filter);
  if (order === 'RELEVANCE' && source === null) {
    throw new Error('RELEVANCE needs a text, mentions, topic or author filter');
  }
  const predicates = predicatesOf(filter, source);
  const cacheKey = `${source}|${order}|${filter.imported}|${after}|${predicates.join('|')}`;
  const cached = cache.get(cacheKey);
  if (cached) return cached;

  const desc = order !== 'OLDEST';
  const cmp = desc ? '<' : '>';
  const cmpOrEqual = `${cmp}=`;
  const match = articleMatch(filter);
  let count: string;
  let page: string;
  if (source === null && filter.imported) {
    // The index range scan: order and cursor on the indexed property itself.
    count =
      predicates.length === 0
        ? 'MATCH (a:Imported) RETURN count(a) AS totalCount'
        : `${match}\nRETURN count(a) AS totalCount`;
    // The cursor as a range on the indexed property (a seek), then the tie on the URL.
    const cursor = after
      ? `\n  AND a.publishedMs ${cmpOrEqual} $after.ms AND (a.publishedMs ${cmp} $after.ms OR a.url > $after.url)`
      : '';
    page = `${match}${cursor}
WITH a ORDER BY a.publishedMs ${desc ? 'DESC' : 'ASC'}, a.url LIMIT $limit
WITH a, a.publishedMs AS v`;
  } else {
    count = `${match}\nRETURN count(DISTINCT a) AS totalCount`;
    page = `${match}
WITH a, ${SORT_VALUE[order]} AS v${after ? `\nWHERE v ${cmp} $after.ms OR (v = $after.ms AND a.url > $after.url)` : ''}
WITH a, v ORDER BY v ${desc ? 'DESC' : 'ASC'}, a.url LIMIT $limit`;
  }
  const query = `CALL () {
${count}
}
CALL () {
${page}
RETURN collect({article: ${articleProjection('a')}, ms: v}) AS rows
}
RETURN totalCount, rows`;
  cache.set(cacheKey, query);
  return query;
}

const cache = new Map<string, string>();

export async function articleList(
  db: Db,
  filter: ArticleListFilter,
  order: ArticleOrder,
  page: PageArgs,
): Promise<ArticlePage> {
  const [row] = await db.read<ArticlePage>(articleListQuery(filter, order, page.after !== null), {
    ...filter,
    limit: int(page.limit),
    after: page.after,
  });
  return row ?? { totalCount: 0, rows: [] };
}
