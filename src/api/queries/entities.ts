import { CORPUS_ARTICLES, topicIdf } from '../../graph/aggregates';
import { int, type Db } from '../db';
import { byKey } from './batch';
import {
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

/**
 * The frame of every per-entity batch query: one row per requested key that names an entity of
 * `label`, with `body` (a subquery over `n` that returns `value`) run once per entity.
 */
function perEntity<L extends EntityLabel>(
  labels: readonly L[],
  body: (label: L) => string,
): Record<L, string> {
  return perLabel(
    labels,
    (label) => `
UNWIND $keys AS key
MATCH (n:${label} {key: key})
CALL (n) {${body(label)}
}
RETURN key, value`,
  );
}

/** By any of its names: the Alias nodes carry the key of every name and alias of an entity. */
function entityByNameQuery(label: EntityLabel): string {
  return `
CALL () {
  MATCH (:Alias {key: $key})-[:ALIAS_OF]->(n:${label}) RETURN n
  UNION
  MATCH (n:${label} {key: $key}) RETURN n
}
// Two entities can share a short alias; the better connected one is the likelier meaning.
WITH n, COUNT { (n)--() } AS degree
ORDER BY degree DESC, n.key
LIMIT 1`;
}

export const ENTITY_BY_NAME = perLabel(
  ENTITY_LABELS,
  (label) => `${entityByNameQuery(label)}
RETURN ${entityProjection('n')} AS entity`,
);

/**
 * An entity's articles: the page is sorted on the stored `publishedMs` and cut before anything
 * is projected, and the total is a count, so a hub entity's thousands of articles are never
 * collected. (Reaching them is an expansion of the entity's relationships; no index orders it.)
 */
export const ENTITY_ARTICLES = perEntity(
  ENTITY_LABELS,
  () => `
  CALL (n) {
    MATCH (n)-[:${ENTITY_ARTICLE_RELS}]-(a:Article)
    RETURN count(DISTINCT a) AS totalCount
  }
  CALL (n) {
    MATCH (n)-[:${ENTITY_ARTICLE_RELS}]-(a:Article)
    WITH DISTINCT a
    WITH a, ${articleSortKey('a')} AS ms
    WHERE $after IS NULL OR ms < $after.ms OR (ms = $after.ms AND a.url > $after.url)
    ORDER BY ms DESC, a.url
    LIMIT $limit
    RETURN collect({article: ${articleProjection('a')}, ms: ms}) AS rows
  }
  RETURN {totalCount: totalCount, rows: rows} AS value`,
);

export const ENTITY_QUOTES = perEntity(
  ['Person', 'Organization'] as const,
  () => `
  MATCH (n)-[:SAID]->(q:Quote)-[:QUOTED_IN]->(a:Article)
  WITH q, a ORDER BY ${articleSortKey('a')} DESC, a.url, q.position
  LIMIT $limit
  RETURN collect({key: q.key, text: q.text, position: q.position, articleUrl: a.url,
    speaker: ${entityProjection('n')}}) AS value`,
);

/** Affiliations are stored once per article that states them; the API shows each (target, role) once. */
export const PERSON_AFFILIATIONS = `
UNWIND $keys AS key
MATCH (:Person {key: key})-[r:AFFILIATED_WITH]->(o)
WITH key, o, CASE WHEN r.role = '' THEN null ELSE r.role END AS role, count(DISTINCT r.article) AS articleCount
ORDER BY articleCount DESC, o.name, role
RETURN key, collect({role: role, articleCount: articleCount, organization: ${entityProjection('o')}}) AS value`;

export const MEMBERS = perEntity(
  ['Organization', 'Place'] as const,
  () => `
  MATCH (n)<-[r:AFFILIATED_WITH]-(p:Person)
  WITH p, CASE WHEN r.role = '' THEN null ELSE r.role END AS role, count(DISTINCT r.article) AS articleCount
  ORDER BY articleCount DESC, p.name, role
  LIMIT $limit
  RETURN collect({role: role, articleCount: articleCount, person: ${entityProjection('p')}}) AS value`,
);

/**
 * Entities mentioned in the articles that mention, are about or quote (as an expert) this one,
 * from its CO_MENTIONED relationships (src/graph/aggregates.ts): count = shared articles, ties to
 * the entity those articles mention more often. $kind is null or the label of the co-mentioned
 * entities. The page is cut on the relationships' own counts first, so a hub's thousands of
 * co-mentioned entities are never read; only the entries tied with the last one are.
 */
function coMentionQuery(): string {
  return `
  CALL (n) {
    MATCH (n)-[r:CO_MENTIONED]->()
    WHERE $kind IS NULL OR r.kind = $kind
    WITH r ORDER BY r.articles DESC, r.mentions DESC LIMIT $limit
    RETURN collect(r) AS top
  }
  WITH n, top[size(top) - 1] AS last
  CALL (n, last) {
    MATCH (n)-[r:CO_MENTIONED]->(m)
    WHERE last IS NOT NULL AND ($kind IS NULL OR r.kind = $kind)
      AND (r.articles > last.articles OR (r.articles = last.articles AND r.mentions >= last.mentions))
    WITH r, m ORDER BY r.articles DESC, r.mentions DESC, m.name, m.key LIMIT $limit
    RETURN collect({count: r.articles, entity: ${entityProjection('m')}}) AS value
  }
  RETURN value`;
}

/** Co-mentions of entities by key. */
export const CO_MENTIONED = perEntity(ENTITY_LABELS, () => coMentionQuery());

/** An entity by name and its co-mentions in one round trip (`person(name) { coMentioned }`). */
export const ENTITY_WITH_CO_MENTIONS = perLabel(
  ENTITY_LABELS,
  (label) => `${entityByNameQuery(label)}
CALL (n) {${coMentionQuery()}
}
RETURN ${entityProjection('n')} AS entity, value AS coMentioned`,
);

/** Topics of the entity's articles, weighted by the summed topic weight (score x IDF). */
export const ENTITY_TOPICS = perEntity(
  ENTITY_LABELS,
  () => `
  MATCH (n)-[:${ENTITY_ARTICLE_RELS}]-(a:Article)
  WITH DISTINCT n, a
  MATCH (a)-[h:HAS_TOPIC]->(t:Topic)
  WHERE t <> n
  WITH t, count(a) AS articleCount, sum(coalesce(h.score, 0.0)) AS score
  WITH t, articleCount, score * ${topicIdf('t', CORPUS_ARTICLES)} AS weight
  ORDER BY weight DESC, articleCount DESC, t.name
  LIMIT $limit
  RETURN collect({articleCount: articleCount, weight: weight, topic: ${entityProjection('t')}}) AS value`,
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

export async function entityWithCoMentions(
  db: Db,
  label: EntityLabel,
  key: string,
  options: { limit: number; kind: EntityLabel | null },
): Promise<{ entity: EntityNode; coMentioned: CoMentionRow[] } | null> {
  const [row] = await db.read<{ entity: EntityNode; coMentioned: CoMentionRow[] }>(
    ENTITY_WITH_CO_MENTIONS[label],
    { key, limit: int(options.limit), kind: options.kind },
  );
  return row ?? null;
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

export async function coMentioned(
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
