import { int, type Db } from '../db';
import { byKey } from './batch';
import {
  AFTER_CURSOR,
  ENTITY_ARTICLE_RELS,
  ENTITY_LABELS,
  articleProjection,
  articleSortKey,
  entityProjection,
  type ArticlePage,
  type EntityLabel,
  type EntityNode,
  type PageArgs,
} from './fragments';
import type { QuoteRow } from './articles';

/**
 * Entity queries come in one variant per label (labels cannot be parameters); each variant
 * is built once from a fixed label, never from input.
 */
function perLabel<L extends EntityLabel>(
  labels: readonly L[],
  build: (label: L) => string,
): Record<L, string> {
  return Object.fromEntries(labels.map((label) => [label, build(label)])) as Record<L, string>;
}

/** By any of its names: the Alias nodes carry the key of every name and alias of an entity. */
export const ENTITY_BY_NAME = perLabel(
  ENTITY_LABELS,
  (label) => `
CALL () {
  MATCH (:Alias {key: $key})-[:ALIAS_OF]->(n:${label}) RETURN n
  UNION
  MATCH (n:${label} {key: $key}) RETURN n
}
// Two entities can share a short alias; the better connected one is the likelier meaning.
WITH n, COUNT { (n)--() } AS degree
ORDER BY degree DESC, n.key
LIMIT 1
RETURN ${entityProjection('n')} AS entity`,
);

export const ENTITY_ARTICLES = perLabel(
  ENTITY_LABELS,
  (label) => `
UNWIND $keys AS key
MATCH (n:${label} {key: key})
CALL (n) {
  MATCH (n)-[:${ENTITY_ARTICLE_RELS}]-(a:Article)
  WITH DISTINCT a
  WITH a, ${articleSortKey('a')} AS ms
  ORDER BY ms DESC, a.url
  RETURN collect({article: ${articleProjection('a')}, ms: ms}) AS rows
}
RETURN key, {totalCount: size(rows), rows: [row IN rows WHERE ${AFTER_CURSOR}][0..$limit]} AS value`,
);

export const ENTITY_QUOTES = perLabel(
  ['Person', 'Organization'] as const,
  (label) => `
UNWIND $keys AS key
MATCH (n:${label} {key: key})
CALL (n) {
  MATCH (n)-[:SAID]->(q:Quote)-[:QUOTED_IN]->(a:Article)
  WITH q, a ORDER BY ${articleSortKey('a')} DESC, a.url, q.position
  LIMIT $limit
  RETURN collect({key: q.key, text: q.text, position: q.position, articleUrl: a.url,
    speaker: ${entityProjection('n')}}) AS value
}
RETURN key, value`,
);

/** Affiliations are stored once per article that states them; the API shows each (target, role) once. */
export const PERSON_AFFILIATIONS = `
UNWIND $keys AS key
MATCH (:Person {key: key})-[r:AFFILIATED_WITH]->(o)
WITH key, o, CASE WHEN r.role = '' THEN null ELSE r.role END AS role, count(DISTINCT r.article) AS articleCount
ORDER BY articleCount DESC, o.name, role
RETURN key, collect({role: role, articleCount: articleCount, organization: ${entityProjection('o')}}) AS value`;

export const MEMBERS = perLabel(
  ['Organization', 'Place'] as const,
  (label) => `
UNWIND $keys AS key
MATCH (n:${label} {key: key})
CALL (n) {
  MATCH (n)<-[r:AFFILIATED_WITH]-(p:Person)
  WITH p, CASE WHEN r.role = '' THEN null ELSE r.role END AS role, count(DISTINCT r.article) AS articleCount
  ORDER BY articleCount DESC, p.name, role
  LIMIT $limit
  RETURN collect({role: role, articleCount: articleCount, person: ${entityProjection('p')}}) AS value
}
RETURN key, value`,
);

/** Entities mentioned in the articles that mention (or are about) this one; count = shared articles. */
export const CO_MENTIONED = perLabel(
  ENTITY_LABELS,
  (label) => `
UNWIND $keys AS key
MATCH (n:${label} {key: key})
CALL (n) {
  MATCH (n)-[:MENTIONS|HAS_TOPIC|QUOTED_AS_EXPERT]-(a:Article)
  WITH DISTINCT n, a
  MATCH (a)-[r:MENTIONS]->(m)
  WHERE m <> n AND ($kind IS NULL OR $kind IN labels(m))
  // Ties in shared articles go to the entity those articles mention more often.
  WITH m, count(a) AS count, sum(r.count) AS mentions
  ORDER BY count DESC, mentions DESC, m.name
  LIMIT $limit
  RETURN collect({count: count, entity: ${entityProjection('m')}}) AS value
}
RETURN key, value`,
);

/** Topics of the entity's articles, weighted by the summed topic weight (score x IDF). */
export const ENTITY_TOPICS = perLabel(
  ENTITY_LABELS,
  (label) => `
UNWIND $keys AS key
MATCH (n:${label} {key: key})
CALL (n) {
  MATCH (n)-[:${ENTITY_ARTICLE_RELS}]-(a:Article)
  WITH DISTINCT n, a
  MATCH (a)-[h:HAS_TOPIC]->(t:Topic)
  WHERE t <> n
  WITH t, count(a) AS articleCount, sum(coalesce(h.weight, h.score, 0.0)) AS weight
  ORDER BY weight DESC, articleCount DESC, t.name
  LIMIT $limit
  RETURN collect({articleCount: articleCount, weight: weight, topic: ${entityProjection('t')}}) AS value
}
RETURN key, value`,
);

export interface AffiliationRow {
  role: string | null;
  articleCount: number;
  organization: EntityNode;
}

export interface MemberRow {
  role: string | null;
  articleCount: number;
  person: EntityNode;
}

export interface CoMentionRow {
  count: number;
  entity: EntityNode;
}

export interface RelatedTopicRow {
  articleCount: number;
  weight: number;
  topic: EntityNode;
}

export async function entityByName(db: Db, label: EntityLabel, key: string): Promise<EntityNode | null> {
  const [row] = await db.read<{ entity: EntityNode }>(ENTITY_BY_NAME[label], { key });
  return row?.entity ?? null;
}

export function entityArticles(
  db: Db,
  label: EntityLabel,
  keys: readonly string[],
  page: PageArgs,
): Promise<ArticlePage[]> {
  return byKey<ArticlePage>(
    db,
    ENTITY_ARTICLES[label],
    keys,
    { totalCount: 0, rows: [] },
    {
      limit: int(page.limit),
      after: page.after,
    },
  );
}

export function entityQuotes(
  db: Db,
  label: 'Person' | 'Organization',
  keys: readonly string[],
  limit: number,
): Promise<QuoteRow[][]> {
  return byKey<QuoteRow[]>(db, ENTITY_QUOTES[label], keys, [], { limit: int(limit) });
}

export function personAffiliations(db: Db, keys: readonly string[]): Promise<AffiliationRow[][]> {
  return byKey<AffiliationRow[]>(db, PERSON_AFFILIATIONS, keys, []);
}

export function members(
  db: Db,
  label: 'Organization' | 'Place',
  keys: readonly string[],
  limit: number,
): Promise<MemberRow[][]> {
  return byKey<MemberRow[]>(db, MEMBERS[label], keys, [], { limit: int(limit) });
}

export function coMentioned(
  db: Db,
  label: EntityLabel,
  keys: readonly string[],
  options: { limit: number; kind: EntityLabel | null },
): Promise<CoMentionRow[][]> {
  return byKey<CoMentionRow[]>(db, CO_MENTIONED[label], keys, [], {
    limit: int(options.limit),
    kind: options.kind,
  });
}

export function entityTopics(
  db: Db,
  label: EntityLabel,
  keys: readonly string[],
  limit: number,
): Promise<RelatedTopicRow[][]> {
  return byKey<RelatedTopicRow[]>(db, ENTITY_TOPICS[label], keys, [], { limit: int(limit) });
}
