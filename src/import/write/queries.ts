/**
 * Every Cypher statement the importer runs, named and parameterized. Values only ever travel
 * as parameters; labels are fixed per statement (one statement per entity label).
 *
 * Per-article relationships are CREATEd, not MERGEd: the same transaction first removes all of
 * an article's derived facts (CLEAR_DERIVED) and rows.ts makes each fact unique, so there is
 * nothing to match, and MERGE would pay an existence check against hub nodes such as 中国.
 *
 * Names are merged deterministically (the smallest display name wins, alias lists are kept
 * sorted) so that importing A then B leaves exactly the same graph as B then A.
 */

/** Which of the incoming articles are already stored, with their version. */
export const STORED_VERSIONS = `
UNWIND $urls AS url
MATCH (a:Article {url: url})
RETURN a.url AS url, a.contentHash AS contentHash, a.fetchedAt AS fetchedAt, a.imported AS imported`;

/** Removes everything an article derived, so a changed article leaves no stale facts behind. */
export const CLEAR_DERIVED = [
  `UNWIND $urls AS url
   MATCH (:Article {url: url})-[r:LINKS_TO|TRANSLATION_OF|REFERENCES|MENTIONS|HAS_TOPIC|HAS_IMAGE]->()
   DELETE r`,
  `UNWIND $urls AS url
   MATCH (:Article {url: url})<-[r:AUTHORED|CONTRIBUTED_TO|TRANSLATED|QUOTED_AS_EXPERT]-()
   DELETE r`,
  `UNWIND $urls AS url
   MATCH (:Article {url: url})<-[:QUOTED_IN]-(q:Quote)
   DETACH DELETE q`,
  `UNWIND $urls AS url
   MATCH ()-[r:AFFILIATED_WITH {article: url}]->()
   DELETE r`,
];

export const MERGE_ARTICLES = `
UNWIND $articles AS row
MERGE (a:Article {url: row.url})
SET a += row.props, a.imported = true`;

/** Article-to-article links; the target becomes an `imported: false` stub until it is imported. */
function mergeArticleLinks(type: 'LINKS_TO' | 'TRANSLATION_OF'): string {
  return `
UNWIND $links AS row
MATCH (a:Article {url: row.from})
MERGE (b:Article {url: row.to})
  ON CREATE SET b.imported = false
CREATE (a)-[:${type} {text: row.text}]->(b)`;
}

export const MERGE_ARTICLE_LINKS = mergeArticleLinks('LINKS_TO');
export const MERGE_TRANSLATIONS = mergeArticleLinks('TRANSLATION_OF');

export const MERGE_WEB_LINKS = `
UNWIND $links AS row
MATCH (a:Article {url: row.from})
MERGE (w:WebPage {url: row.to})
SET w.kind = row.kind
CREATE (a)-[:REFERENCES {text: row.text}]->(w)`;

/** Merges named entities of one label and keeps name and aliases independent of import order. */
function mergeEntities(label: 'Person' | 'Organization' | 'Place' | 'Topic'): string {
  return `
UNWIND $entities AS row
MERGE (n:${label} {key: row.key})
SET n.name = CASE WHEN n.name IS NULL OR row.name < n.name THEN row.name ELSE n.name END
WITH n, row
CALL (n, row) {
  UNWIND coalesce(n.aliases, []) + row.aliases AS alias
  WITH DISTINCT alias WHERE alias <> n.name
  ORDER BY alias
  RETURN collect(alias) AS aliases
}
SET n.aliases = aliases,
    n.aliasText = reduce(text = '', alias IN aliases | text + alias + ' ')
WITH n, row
UNWIND row.aliasKeys AS alias
MERGE (al:Alias {key: alias.key})
SET al.name = CASE WHEN al.name IS NULL OR alias.name < al.name THEN alias.name ELSE al.name END
MERGE (al)-[:ALIAS_OF]->(n)`;
}

export const MERGE_ENTITIES = {
  Person: mergeEntities('Person'),
  Organization: mergeEntities('Organization'),
  Place: mergeEntities('Place'),
  Topic: mergeEntities('Topic'),
} as const;

function mergeArticleEdge(label: 'Person' | 'Organization' | 'Place', type: string, props: string): string {
  return `
UNWIND $edges AS row
MATCH (a:Article {url: row.article})
MATCH (n:${label} {key: row.key})
CREATE (n)-[r:${type}]->(a)
${props}`;
}

export const MERGE_PERSON_ROLES = {
  AUTHORED: mergeArticleEdge('Person', 'AUTHORED', 'SET r.position = row.position'),
  CONTRIBUTED_TO: mergeArticleEdge('Person', 'CONTRIBUTED_TO', ''),
  TRANSLATED: mergeArticleEdge('Person', 'TRANSLATED', ''),
  QUOTED_AS_EXPERT: mergeArticleEdge(
    'Person',
    'QUOTED_AS_EXPERT',
    'SET r.role = row.role, r.organization = row.organization, r.quote = row.quote',
  ),
} as const;

function mergeMentions(label: 'Person' | 'Organization' | 'Place'): string {
  return `
UNWIND $edges AS row
MATCH (a:Article {url: row.article})
MATCH (n:${label} {key: row.key})
CREATE (a)-[:MENTIONS {count: row.count}]->(n)`;
}

export const MERGE_MENTIONS = {
  Person: mergeMentions('Person'),
  Organization: mergeMentions('Organization'),
  Place: mergeMentions('Place'),
} as const;

export const MERGE_TOPICS = `
UNWIND $edges AS row
MATCH (a:Article {url: row.article})
MATCH (t:Topic {key: row.key})
CREATE (a)-[:HAS_TOPIC {score: row.score}]->(t)`;

export const MERGE_IMAGES = `
UNWIND $images AS row
MATCH (a:Article {url: row.article})
MERGE (i:Image {url: row.url})
SET i.caption = row.caption, i.credit = row.credit
CREATE (a)-[:HAS_IMAGE {position: row.position}]->(i)
WITH i, row
OPTIONAL MATCH (i)-[old:PHOTOGRAPHED_BY|CREDITED_TO]->()
DELETE old`;

export const MERGE_IMAGE_CREDITS = {
  Person: `
UNWIND $credits AS row
MATCH (i:Image {url: row.image})
MATCH (n:Person {key: row.key})
MERGE (i)-[:PHOTOGRAPHED_BY]->(n)`,
  Organization: `
UNWIND $credits AS row
MATCH (i:Image {url: row.image})
MATCH (n:Organization {key: row.key})
MERGE (i)-[:CREDITED_TO]->(n)`,
} as const;

function mergeQuotes(label: 'Person' | 'Organization'): string {
  return `
UNWIND $quotes AS row
MATCH (a:Article {url: row.article})
MATCH (s:${label} {key: row.speakerKey})
CREATE (s)-[:SAID]->(:Quote {key: row.key, text: row.text, position: row.position})-[:QUOTED_IN]->(a)`;
}

export const MERGE_QUOTES = {
  Person: mergeQuotes('Person'),
  Organization: mergeQuotes('Organization'),
} as const;

function mergeAffiliations(target: 'Organization' | 'Place'): string {
  return `
UNWIND $affiliations AS row
MATCH (p:Person {key: row.personKey})
MATCH (o:${target} {key: row.targetKey})
CREATE (p)-[:AFFILIATED_WITH {article: row.article, role: row.role}]->(o)`;
}

export const MERGE_AFFILIATIONS = {
  Organization: mergeAffiliations('Organization'),
  Place: mergeAffiliations('Place'),
} as const;

/**
 * Run after every import: drops what no imported article supports any more (stubs nobody
 * links to, entities nothing mentions) and recomputes topic weights with the IDF of the
 * imported corpus. Both depend only on the set of imported articles, never on their order.
 */
export const FINALIZE = [
  `MATCH (a:Article {imported: false})
   WHERE NOT EXISTS { (a)<-[:LINKS_TO|TRANSLATION_OF]-() }
   DETACH DELETE a`,
  `MATCH (n:Person|Organization|Place|Topic)
   WHERE NOT EXISTS { (n)-[:MENTIONS|HAS_TOPIC|AUTHORED|CONTRIBUTED_TO|TRANSLATED|QUOTED_AS_EXPERT|SAID|AFFILIATED_WITH|PHOTOGRAPHED_BY|CREDITED_TO]-() }
   DETACH DELETE n`,
  `MATCH (n:Image|WebPage) WHERE NOT EXISTS { (n)<-[:HAS_IMAGE|REFERENCES]-() } DETACH DELETE n`,
  `MATCH (n:Alias) WHERE NOT EXISTS { (n)-[:ALIAS_OF]->() } DELETE n`,
  `MATCH (a:Article {imported: true})
   WITH count(a) AS total
   MATCH (t:Topic)
   WITH total, t, COUNT { (t)<-[:HAS_TOPIC]-() } AS df
   SET t.articleCount = df
   WITH t, log((1.0 + total) / (1.0 + df)) + 1.0 AS idf
   MATCH (t)<-[r:HAS_TOPIC]-()
   SET r.weight = r.score * idf`,
];

/** The alias memory: names learned with confidence, handed back to the extractor. */
export const LOAD_ALIAS_MEMORY = `
MATCH (n:Person|Organization|Place)
WHERE size(n.aliases) > 0
RETURN labels(n)[0] AS kind, n.name AS name, n.aliases AS aliases
ORDER BY kind, name`;
