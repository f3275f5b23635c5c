import { CO_MENTION_KINDS, CORPUS_KEY } from '../../graph/aggregates';

/**
 * The aggregates kept in the graph (defined in src/graph/aggregates.ts), maintained by delta:
 * the facts of the articles a batch replaces are subtracted before they are cleared
 * (SUBTRACT_AGGREGATES), the facts of the articles it writes are added once they are created
 * (ADD_AGGREGATES), in the same transaction. Only the relationships and counts those articles
 * touch change; a relationship whose count reaches 0 is deleted. Both read the articles' facts
 * back from the graph, so what is added is exactly what is later subtracted.
 *
 * Each statement groups its rows by the relationship it changes before it writes, so that one
 * relationship is read and written once per statement, whatever the planner's order.
 */

/** The entities an article counts for (`n`) and those it mentions (`m`, with MENTIONS.count `c`). */
const CO_MENTION_ROWS = `
UNWIND $urls AS url
MATCH (a:Article {url: url})
WITH a, [(a)-[x:MENTIONS]->(m) | {m: m, c: coalesce(x.count, 0)}] AS mentioned,
  COLLECT {
    MATCH (a)-[:MENTIONS|HAS_TOPIC]->(n) RETURN n
    UNION
    MATCH (a)<-[:QUOTED_AS_EXPERT]-(n) RETURN n
  } AS owners
UNWIND owners AS n
UNWIND mentioned AS x
WITH n, x.m AS m, x.c AS c WHERE n <> m
WITH n, m, count(*) AS articles, sum(c) AS mentions`;

/**
 * Per expert and subject node: the articles' entries, sorted by URL. The subject nodes of an
 * article are what it mentions and its topics; nobody is an expert on themselves.
 */
const EXPERT_ROWS = `
UNWIND $urls AS url
MATCH (a:Article {url: url})<-[:QUOTED_AS_EXPERT]-(p:Person)
WITH a, p, COUNT { (p)-[:SAID]->(:Quote)-[:QUOTED_IN]->(a) } AS quotes
MATCH (a)-[x:HAS_TOPIC|MENTIONS]->(s)
WHERE s <> p
WITH p, s, a, quotes, toFloat(coalesce(x.score, x.count, 0)) AS weight
ORDER BY a.url
WITH p, s, collect(a.url) AS urls, collect(coalesce(a.publishedAt, '')) AS dates,
  collect(quotes) AS quotes, collect(weight) AS weights`;

/** Summary properties from an EXPERT_ON relationship's lists. */
const EXPERT_SUMMARY = `
SET r.articles = size(r.articleUrls),
    r.quotes = reduce(total = 0, q IN r.articleQuotes | total + q),
    r.firstSeen = reduce(first = null, d IN r.articleDates |
      CASE WHEN d = '' OR (first IS NOT NULL AND datetime(first) <= datetime(d)) THEN first ELSE d END),
    r.lastSeen = reduce(last = null, d IN r.articleDates |
      CASE WHEN d = '' OR (last IS NOT NULL AND datetime(last) >= datetime(d)) THEN last ELSE d END)`;

/**
 * Topics count their articles (their df, for the IDF): the replaced articles' topics lose one
 * before the facts go; the written articles' topics, and the Corpus node's count of imported
 * articles, are then counted anew (a degree and an index count), so a graph written before these
 * counts existed gets them right on its next import.
 */
const SUBTRACT_TOPIC_COUNTS = `
UNWIND $urls AS url
MATCH (:Article {url: url})-[:HAS_TOPIC]->(t:Topic)
WITH t, count(*) AS articles
SET t.articleCount = coalesce(t.articleCount, 0) - articles`;

const COUNT_ARTICLES = `
MERGE (corpus:Corpus {key: '${CORPUS_KEY}'})
SET corpus.articles = COUNT { MATCH (a:Article {imported: true}) }
WITH corpus
UNWIND $urls AS url
MATCH (:Article {url: url})-[:HAS_TOPIC]->(t:Topic)
WITH DISTINCT t
SET t.articleCount = COUNT { (t)<-[:HAS_TOPIC]-() }`;

/** Run for the replaced articles (`$urls`) before their facts are cleared. */
export const SUBTRACT_AGGREGATES = [
  SUBTRACT_TOPIC_COUNTS,
  `${CO_MENTION_ROWS}
MATCH (n)-[r:CO_MENTIONED]->(m)
SET r.articles = r.articles - articles, r.mentions = r.mentions - mentions
WITH collect(r) AS changed
UNWIND changed AS r
WITH r WHERE r.articles <= 0
DELETE r`,
  `UNWIND $urls AS url
MATCH (:Article {url: url})<-[:QUOTED_AS_EXPERT]-(p:Person)-[r:EXPERT_ON]->()
WHERE url IN r.articleUrls
WITH r, collect(url) AS gone
WITH r, [i IN range(0, size(r.articleUrls) - 1) WHERE NOT r.articleUrls[i] IN gone] AS keep
SET r.articleUrls = [i IN keep | r.articleUrls[i]],
    r.articleDates = [i IN keep | r.articleDates[i]],
    r.articleQuotes = [i IN keep | r.articleQuotes[i]],
    r.articleWeights = [i IN keep | r.articleWeights[i]]${EXPERT_SUMMARY}
WITH collect(r) AS changed
UNWIND changed AS r
WITH r WHERE r.articles = 0
DELETE r`,
];

/** Run for the written articles (`$urls`) once all their facts exist. */
export const ADD_AGGREGATES = [
  COUNT_ARTICLES,
  `${CO_MENTION_ROWS}
MERGE (n)-[r:CO_MENTIONED]->(m)
  ON CREATE SET r.articles = 0, r.mentions = 0,
    r.kind = head([label IN labels(m) WHERE label IN $kinds])
SET r.articles = r.articles + articles, r.mentions = r.mentions + mentions`,
  `${EXPERT_ROWS}
MERGE (p)-[r:EXPERT_ON]->(s)
SET r.articleUrls = coalesce(r.articleUrls, []) + urls,
    r.articleDates = coalesce(r.articleDates, []) + dates,
    r.articleQuotes = coalesce(r.articleQuotes, []) + quotes,
    r.articleWeights = coalesce(r.articleWeights, []) + weights${EXPERT_SUMMARY}`,
];

/** Parameters of the aggregate statements for these article URLs. */
export function aggregateParams(urls: string[]): Record<string, unknown> {
  return { urls, kinds: [...CO_MENTION_KINDS] };
}
