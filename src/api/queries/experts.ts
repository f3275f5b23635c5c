import { int, type Db } from '../db';
import { byKey } from './batch';
import { CORPUS_ARTICLES, EXPERT_SCORE, topicIdf } from '../../graph/aggregates';
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

/**
 * The ranking, from the subject nodes' EXPERT_ON relationships (src/graph/aggregates.ts): each
 * relationship lists its articles with their date, the expert's quotes and the subject's raw
 * weight, so an article that several subject nodes share counts once, a date window filters the
 * entries, and the topic IDF is applied here, from the counts of now.
 */
const RANKING = `
  CALL (key) {
    MATCH (t:Topic {key: key}) RETURN t AS anchor
    UNION
    MATCH (:Alias {key: key})-[:ALIAS_OF]->(e) RETURN e AS anchor
  }
  WITH anchor, CASE WHEN anchor:Topic THEN ${topicIdf('anchor', CORPUS_ARTICLES)} END AS idf
  MATCH (p:Person)-[r:EXPERT_ON]->(anchor)
  UNWIND range(0, size(r.articleUrls) - 1) AS i
  WITH p, idf, r.articleUrls[i] AS url, r.articleDates[i] AS date, r.articleQuotes[i] AS quotes,
       r.articleWeights[i] AS weight
  WHERE ($from IS NULL OR (date <> '' AND datetime(date) >= datetime($from)))
    AND ($to IS NULL OR (date <> '' AND datetime(date) <= datetime($to)))
  WITH p, url, quotes,
       sum(${EXPERT_SCORE.topicTerm('weight', 'idf')}) AS topicTerms,
       sum(${EXPERT_SCORE.mentionTerm('weight', 'idf')}) AS mentionTerms
  WITH p, url, ${EXPERT_SCORE.score('topicTerms', 'mentionTerms', 'quotes')} AS add
  ORDER BY url
  WITH p, sum(add) AS score, count(url) AS articleCount, collect(url) AS urls
  // Nobody is an expert on themselves (checked per person, after grouping).
  WHERE NOT EXISTS { (:Alias {key: key})-[:ALIAS_OF]->(p) }
  ORDER BY score DESC, articleCount DESC, p.name, p.key
  LIMIT $limit
  CALL (p, urls) {
    MATCH (p)-[e:QUOTED_AS_EXPERT]->(a:Article)
    WHERE a.url IN urls
    WITH e, a ORDER BY a.url
    RETURN collect(e.role) AS roles,
           collect(e.organization) AS organizationNames,
           collect({articleUrl: a.url, text: e.quote}) AS expertQuotes
  }
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

/** Experts per subject key, best first: the one definition of the ranking. */
export const EXPERTS = `
UNWIND $keys AS key
CALL (key) {${RANKING}
}
${EXPERT_HITS}`;

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
  return byKey<ExpertRow[]>(db, EXPERTS, keys, [], params);
}
