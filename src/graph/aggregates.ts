/**
 * The aggregates kept in the graph, as the importer maintains them (src/import/write/aggregates.ts)
 * and the API reads them (src/api/queries/): one definition for both stages.
 *
 * - `(n)-[:CO_MENTIONED {articles, mentions, kind}]->(m)`: `m` is mentioned in `articles` of the
 *   articles that mention `n`, are about it (HAS_TOPIC) or quote it as an expert, `mentions` times
 *   in all (Σ MENTIONS.count); `kind` is the label of `m`. Directed, because `mentions` counts `m`.
 * - `(p:Person)-[:EXPERT_ON {articles, quotes, firstSeen, lastSeen, article…}]->(s)`: `p` is quoted
 *   as an expert in `articles` articles that mention `s` or have it as a topic; the lists
 *   `articleUrls`, `articleDates` (publishedAt, '' when unknown), `articleQuotes` (quotes of `p` in
 *   the article) and `articleWeights` (HAS_TOPIC.score for a topic, MENTIONS.count otherwise) hold
 *   each article's own contribution, so that a subject named by several nodes counts an article
 *   once, and a date window needs no other read.
 *
 * Both change only by the facts of the articles an import adds, replaces or removes. What depends
 * on the whole corpus (the topic IDF) is applied when they are read, from `Topic.articleCount` and
 * the imported-article count on the one `(:Corpus)` node.
 */

export const CO_MENTION_KINDS = ['Person', 'Organization', 'Place'] as const;
export type CoMentionKind = (typeof CO_MENTION_KINDS)[number];

/** The key of the one node that holds corpus totals. */
export const CORPUS_KEY = 'corpus';

/** Imported articles, as a Cypher expression. */
export const CORPUS_ARTICLES = `coalesce(head(COLLECT { MATCH (corpus:Corpus {key: '${CORPUS_KEY}'}) RETURN corpus.articles }), 0)`;

/**
 * The inverse document frequency of topic `t` over `total` imported articles (Cypher); a topic's
 * weight in an article is HAS_TOPIC.score × this.
 */
export function topicIdf(t: string, total: string): string {
  return `(log((1.0 + ${total}) / (1.0 + coalesce(${t}.articleCount, 0))) + 1.0)`;
}

/**
 * The expert score's terms, as Cypher over one EXPERT_ON entry: `weight` (the stored
 * articleWeights entry), `idf` (the subject's topicIdf, null when it is no topic) and `quotes`.
 *
 * score(person) = Σ over articles a about the subject that quote the person as an expert of
 *   relevance(a) × (1 + ln(1 + quotes(person, a)))
 * relevance(a)  = 1 + Σ topic weights of the subject's nodes in a (score × IDF)
 *                   + Σ ln(1 + MENTIONS.count of the subject's nodes in a)
 */
export const EXPERT_SCORE = {
  topicTerm: (weight: string, idf: string) => `CASE WHEN ${idf} IS NULL THEN 0.0 ELSE ${weight} * ${idf} END`,
  mentionTerm: (weight: string, idf: string) =>
    `CASE WHEN ${idf} IS NULL THEN log(1.0 + ${weight}) ELSE 0.0 END`,
  score: (topicTerms: string, mentionTerms: string, quotes: string) =>
    `(1.0 + ${topicTerms} + ${mentionTerms}) * (1.0 + log(1.0 + ${quotes}))`,
} as const;
