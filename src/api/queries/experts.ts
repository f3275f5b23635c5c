import { int, type Db } from '../db';
import { byKey } from './batch';
import { STORED_HITS, STORED_QUOTES, type StoredExpertHit } from '../../graph/aggregates';
import { entityProjection, type EntityNode } from './fragments';

/**
 * Experts on a subject. The subject (`key`, an entity key) is a topic or any entity name:
 * the anchors are the Topic with that key and every entity that has it as a name or alias.
 * An article is about the subject when it has an anchor as a topic or mentions one.
 *
 * score(person) = Σ over articles a about the subject that quote the person as an expert of
 *   relevance(a) × (1 + ln(1 + quotes(person, a)))
 * relevance(a)  = 1 + Σ HAS_TOPIC.weight of anchors in a (topic score × corpus IDF)
 *                   + Σ ln(1 + MENTIONS.count of anchors in a)
 */
/**
 * The organizations an expert speaks for, for `p` and the article URLs `urls` and expert-edge
 * organization names `organizationNames` of their hit: stated affiliations in these articles,
 * and the organization named on the expert edge (matched by its folded name, as the importer
 * keys it). Then their quotes in these articles, by article and position.
 */
const HIT_DETAILS = `
    COLLECT {
      MATCH (p)-[r:AFFILIATED_WITH]->(o:Organization) WHERE r.article IN urls RETURN o
      UNION
      MATCH (al:Alias)-[:ALIAS_OF]->(o:Organization)
      WHERE al.key IN [name IN organizationNames WHERE name IS NOT NULL | toLower(trim(name))]
      RETURN o
    } AS organizations,
    COLLECT {
      MATCH (p)-[:SAID]->(q:Quote)-[:QUOTED_IN]->(qa:Article) WHERE qa.url IN urls
      RETURN {key: q.key, text: q.text, position: q.position, articleUrl: qa.url} AS quote
      ORDER BY qa.url, q.position
    }[0..$maxQuotes] AS quotes`;

const LIVE_EXPERTS = `
  CALL (key) {
    MATCH (t:Topic {key: key}) RETURN t AS anchor
    UNION
    MATCH (:Alias {key: key})-[:ALIAS_OF]->(e) RETURN e AS anchor
  }
  MATCH (anchor)-[rel:HAS_TOPIC|MENTIONS]-(a:Article {imported: true})
  WHERE ($from IS NULL OR datetime(a.publishedAt) >= datetime($from))
    AND ($to IS NULL OR datetime(a.publishedAt) <= datetime($to))
  WITH a, 1.0 + sum(coalesce(rel.weight, rel.score, 0.0)) + sum(log(1.0 + coalesce(rel.count, 0))) AS relevance
  // Speakers of each article once, rather than one quote walk per (expert, article) pair.
  WITH a, relevance, [(a)<-[:QUOTED_IN]-(:Quote)<-[:SAID]-(s) | elementId(s)] AS speakers
  MATCH (p:Person)-[e:QUOTED_AS_EXPERT]->(a)
  WITH p, a, e, relevance, size([s IN speakers WHERE s = elementId(p)]) AS quoteCount
  WITH p,
       sum(relevance * (1.0 + log(1.0 + quoteCount))) AS score,
       count(a) AS articleCount,
       collect(e.role) AS roles,
       collect(e.organization) AS organizationNames,
       collect(a.url) AS urls,
       collect({articleUrl: a.url, text: e.quote}) AS expertQuotes
  // Nobody is an expert on themselves (checked per person, after grouping).
  WHERE NOT EXISTS { (:Alias {key: key})-[:ALIAS_OF]->(p) }
  ORDER BY score DESC, articleCount DESC, p.name, p.key
  LIMIT $limit
  RETURN p, score, articleCount, roles, urls, expertQuotes,${HIT_DETAILS}`;

/** The stored ranking of the subject's Alias (src/import/write/aggregates.ts), top $limit. */
const STORED_RANKING = `
  UNWIND range(0, size(al.expertKeys) - 1)[0..$limit] AS i
  MATCH (p:Person {key: al.expertKeys[i]})`;

/**
 * The stored ranking with each hit's details read from the graph: for requests that want the
 * articles or more quotes than were stored. Only the top $limit experts' own edges are walked.
 */
const STORED_RANKING_EXPERTS = `
  MATCH (al:Alias {key: key})
  WHERE al.expertHits IS NOT NULL AND $from IS NULL AND $to IS NULL
  WITH al, COLLECT { MATCH (al)-[:ALIAS_OF]->(e) RETURN e UNION MATCH (e:Topic {key: key}) RETURN e } AS anchors${STORED_RANKING}
  CALL (p, anchors) {
    MATCH (p)-[e:QUOTED_AS_EXPERT]->(a:Article {imported: true})
    WHERE EXISTS { (a)-[:HAS_TOPIC|MENTIONS]-(anchor) WHERE anchor IN anchors }
    WITH e, a ORDER BY a.url
    RETURN collect(e.role) AS roles,
           collect(e.organization) AS organizationNames,
           collect(a.url) AS urls,
           collect({articleUrl: a.url, text: e.quote}) AS expertQuotes
  }
  WITH p, al.expertScores[i] AS score, al.expertArticleCounts[i] AS articleCount,
       roles, organizationNames, urls, expertQuotes
  RETURN p, score, articleCount, roles, urls, expertQuotes,${HIT_DETAILS}`;

/**
 * One list per subject key, best first. Roles come back counted; article URLs only when asked
 * for ($withUrls), and the expert-edge quotes only when the stored quotes do not fill the page.
 */
const EXPERT_HITS = `
WITH key, p, score, articleCount, roles, urls, expertQuotes, organizations, quotes
ORDER BY score DESC, articleCount DESC, p.name, p.key
WITH key, p, score, articleCount, urls, expertQuotes, organizations, quotes,
     COLLECT { UNWIND roles AS role WITH role, count(*) AS count RETURN {role: role, count: count} } AS roleCounts
RETURN key, collect({
  person: ${entityProjection('p')},
  score: score,
  articleCount: articleCount,
  roleCounts: roleCounts,
  articleUrls: CASE WHEN $withUrls THEN urls ELSE [] END,
  organizations: [o IN organizations | ${entityProjection('o')}],
  quotes: quotes,
  expertQuotes: CASE WHEN size(quotes) >= $maxQuotes THEN [] ELSE [q IN expertQuotes WHERE q.text IS NOT NULL] END
}) AS value`;

/** Always the live computation (date ranges, and the tests that check the stored answers). */
export const EXPERTS_LIVE = `
UNWIND $keys AS key
CALL (key) {${LIVE_EXPERTS}
}
${EXPERT_HITS}`;

/**
 * The stored ranking when there is one and no date range is asked for, else the live computation.
 * For requests that STORED_EXPERT_HITS cannot answer, and for the keys it has no hits for.
 */
export const EXPERTS = `
UNWIND $keys AS key
CALL (key) {${STORED_RANKING_EXPERTS}
  UNION ALL
  WITH key
  WHERE $from IS NOT NULL OR $to IS NOT NULL
     OR NOT EXISTS { MATCH (al:Alias {key: key}) WHERE al.expertHits IS NOT NULL }${LIVE_EXPERTS}
}
${EXPERT_HITS}`;

/**
 * The stored hits in full (src/import/write/aggregates.ts), null for a key that has none: the
 * usual request (no dates, no articles, few quotes, a page no larger than the default) is one
 * index seek and no joins.
 */
export const STORED_EXPERT_HITS = `
UNWIND $keys AS key
OPTIONAL MATCH (al:Alias {key: key})
RETURN key, al.expertHits[0..$limit] AS value`;

export interface ExpertQuoteRow {
  key: string | null;
  text: string;
  position: number | null;
  articleUrl: string;
}

export interface ExpertRow {
  person: EntityNode;
  score: number;
  articleCount: number;
  roleCounts: { role: string; count: number }[];
  /** Empty unless asked for (withUrls). */
  articleUrls: string[];
  organizations: EntityNode[];
  quotes: ExpertQuoteRow[];
  expertQuotes: { articleUrl: string; text: string | null }[];
}

export interface ExpertOptions {
  limit: number;
  from: string | null;
  to: string | null;
  /** Quotes per expert to return (the largest `quotes(first:)` the request asks for). */
  maxQuotes: number;
  /** Whether the request asks for the experts' articles. */
  withUrls: boolean;
  /** Skip the stored answers (tests compare both). */
  live?: boolean;
}

function fromStored(json: string, maxQuotes: number): ExpertRow {
  const hit = JSON.parse(json) as StoredExpertHit;
  return {
    ...hit,
    person: hit.person as EntityNode,
    organizations: hit.organizations as EntityNode[],
    quotes: hit.quotes.slice(0, maxQuotes),
    articleUrls: [],
    // The stored quotes already include the edge quotes, in the API's order.
    expertQuotes: [],
  };
}

/** Whether the stored hits hold everything the request asks for. */
function storedHitsServe(options: ExpertOptions): boolean {
  return (
    !options.live &&
    options.from === null &&
    options.to === null &&
    !options.withUrls &&
    options.maxQuotes <= STORED_QUOTES &&
    options.limit <= STORED_HITS
  );
}

export async function experts(
  db: Db,
  keys: readonly string[],
  options: ExpertOptions,
): Promise<ExpertRow[][]> {
  const params = {
    limit: int(options.limit),
    maxQuotes: int(options.maxQuotes),
    withUrls: options.withUrls,
    from: options.from,
    to: options.to,
  };
  let answers: (ExpertRow[] | null)[] = keys.map(() => null);
  if (storedHitsServe(options)) {
    const stored = await byKey<string[] | null>(db, STORED_EXPERT_HITS, keys, null, { limit: params.limit });
    answers = stored.map((hits) => hits?.map((json) => fromStored(json, options.maxQuotes)) ?? null);
  }
  const rest = keys.filter((_, i) => answers[i] === null);
  if (rest.length > 0) {
    const computed = await byKey<ExpertRow[]>(db, options.live ? EXPERTS_LIVE : EXPERTS, rest, [], params);
    const byRestKey = new Map(rest.map((key, i) => [key, computed[i]]));
    answers = answers.map((answer, i) => answer ?? byRestKey.get(keys[i])!);
  }
  return answers as ExpertRow[][];
}
