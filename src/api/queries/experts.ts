import { int, type Db } from '../db';
import { byKey } from './batch';
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
export const EXPERTS = `
UNWIND $keys AS key
CALL (key) {
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
  ORDER BY score DESC, articleCount DESC, p.name
  LIMIT $limit
  WITH p, score, articleCount, roles, urls, expertQuotes,
       // The organization an expert speaks for: stated affiliations in these articles, and the
       // organization named on the expert edge (matched by its folded name, as the importer keys it).
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
       }[0..$maxQuotes] AS quotes
  RETURN collect({
    person: ${entityProjection('p')},
    score: score,
    articleCount: articleCount,
    roles: roles,
    articleUrls: urls,
    organizations: [o IN organizations | ${entityProjection('o')}],
    quotes: quotes,
    expertQuotes: expertQuotes
  }) AS value
}
RETURN key, value`;

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
  roles: (string | null)[];
  articleUrls: string[];
  organizations: EntityNode[];
  quotes: ExpertQuoteRow[];
  expertQuotes: { articleUrl: string; text: string | null }[];
}

export interface ExpertOptions {
  limit: number;
  from: string | null;
  to: string | null;
  maxQuotes: number;
}

export function experts(db: Db, keys: readonly string[], options: ExpertOptions): Promise<ExpertRow[][]> {
  return byKey<ExpertRow[]>(db, EXPERTS, keys, [], {
    limit: int(options.limit),
    maxQuotes: int(options.maxQuotes),
    from: options.from,
    to: options.to,
  });
}
