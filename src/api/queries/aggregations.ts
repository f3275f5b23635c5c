import { int, type Db } from '../db';
import { articleMatch, type ArticleListFilter } from './article-list';
import { entityProjection, type EntityNode } from './fragments';

/**
 * Counts for charts. Each starts from the articles a filter selects (`articleMatch`, the list's
 * own index-backed match: a time window is a range seek on `publishedMs`) and groups them; the
 * query text is chosen from fixed fragments by the grouping and by which filters are set, the
 * values are parameters.
 */

export type CountBy = 'MONTH' | 'SECTION' | 'LANGUAGE' | 'TOPIC' | 'PERSON' | 'ORGANIZATION' | 'PLACE';

export interface CountRow {
  key: string;
  name: string;
  count: number;
  entity: EntityNode | null;
}

/** The group of an article: a value of its own (month, section, language) or an entity it is about. */
const GROUPS: Record<CountBy, string> = {
  // publishedAt keeps the article's own offset, so its month is the month where it was published.
  MONTH: `WITH DISTINCT a WHERE a.publishedAt IS NOT NULL
WITH substring(a.publishedAt, 0, 7) AS key, count(*) AS count
ORDER BY key DESC LIMIT $limit
RETURN key, key AS name, count, null AS entity`,
  SECTION: valueGroup('a.section'),
  LANGUAGE: valueGroup('a.language'),
  TOPIC: entityGroup('HAS_TOPIC', 'Topic'),
  PERSON: entityGroup('MENTIONS', 'Person'),
  ORGANIZATION: entityGroup('MENTIONS', 'Organization'),
  PLACE: entityGroup('MENTIONS', 'Place'),
};

function valueGroup(value: string): string {
  return `WITH DISTINCT a WHERE ${value} IS NOT NULL
WITH ${value} AS key, count(*) AS count
ORDER BY count DESC, key LIMIT $limit
RETURN key, key AS name, count, null AS entity`;
}

function entityGroup(rel: string, label: string): string {
  return `WITH DISTINCT a
MATCH (a)-[:${rel}]->(e:${label})
WITH e, count(*) AS count
ORDER BY count DESC, e.name LIMIT $limit
RETURN e.key AS key, e.name AS name, count, ${entityProjection('e')} AS entity`;
}

export async function articleCounts(
  db: Db,
  by: CountBy,
  filter: ArticleListFilter,
  limit: number,
): Promise<CountRow[]> {
  const rows = await db.read<CountRow>(`${articleMatch(filter)}\n${GROUPS[by]}`, {
    ...filter,
    limit: int(limit),
  });
  // Months come newest first (so the limit keeps the latest); a chart reads them in time order.
  return by === 'MONTH' ? rows.reverse() : rows;
}

/** How many articles quote a person as an expert, per month of publication. */
export const EXPERT_ACTIVITY = `
MATCH (:Alias {key: $key})-[:ALIAS_OF]->(p:Person)-[:QUOTED_AS_EXPERT]->(a:Imported)
WHERE a.publishedAt IS NOT NULL
  AND ($fromMs IS NULL OR a.publishedMs >= $fromMs) AND ($toMs IS NULL OR a.publishedMs <= $toMs)
WITH DISTINCT a
WITH substring(a.publishedAt, 0, 7) AS key, count(*) AS count
ORDER BY key
RETURN key, key AS name, count, null AS entity`;

export function expertActivity(
  db: Db,
  key: string,
  range: { fromMs: number | null; toMs: number | null },
): Promise<CountRow[]> {
  return db.read<CountRow>(EXPERT_ACTIVITY, { key, ...range });
}

export interface PairRow {
  first: EntityNode;
  second: EntityNode;
  count: number;
}

const PAIR_LABELS = {
  any: 'Person|Organization|Place',
  Person: 'Person',
  Organization: 'Organization',
  Place: 'Place',
} as const;

export type PairKind = keyof typeof PAIR_LABELS;

/**
 * Pairs of entities mentioned in the same articles, most articles first. Each article gives
 * every pair of its mentions once (the pair in a fixed order, by element id).
 */
function pairsQuery(filter: ArticleListFilter, kind: PairKind): string {
  const label = PAIR_LABELS[kind];
  return `${articleMatch(filter)}
WITH DISTINCT a
MATCH (x:${label})<-[:MENTIONS]-(a)-[:MENTIONS]->(y:${label})
WHERE elementId(x) < elementId(y)
WITH x, y, count(*) AS count
ORDER BY count DESC, x.name, y.name LIMIT $limit
RETURN ${entityProjection('x')} AS first, ${entityProjection('y')} AS second, count`;
}

export function coMentionedPairs(
  db: Db,
  filter: ArticleListFilter,
  kind: PairKind,
  limit: number,
): Promise<PairRow[]> {
  return db.read<PairRow>(pairsQuery(filter, kind), { ...filter, limit: int(limit) });
}
