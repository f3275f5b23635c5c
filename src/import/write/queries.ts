/**
 * Every Cypher statement the importer runs, named and parameterized. Values only ever travel
 * as parameters; labels and relationship types are fixed per statement.
 *
 * One batch is one transaction of three pipelined rounds (see writer.ts):
 *
 * 1. reads: which articles are stored and with what version (STORED_VERSIONS), and the stored
 *    name, aliases and alias nodes of every entity the batch names (ENTITY_STATES);
 * 2. nodes: clear what replaced articles derived (CLEAR_DERIVED), merge articles, stubs, web
 *    pages, images, and only those entities whose name, aliases or alias nodes would change;
 *    each returns the element id of its nodes;
 * 3. edges: created between nodes found by element id (`$ids[i]`), never by a string index seek,
 *    one row per article for everything that hangs off the article.
 *
 * Per-article relationships are CREATEd, not MERGEd: CLEAR_DERIVED has removed all of an
 * article's derived facts earlier in the same transaction and rows.ts makes each fact unique,
 * so there is nothing to match, and MERGE would pay an existence check against hub nodes.
 *
 * Names are merged deterministically (the smallest display name wins, alias lists are kept
 * sorted) so that importing A then B leaves exactly the same graph as B then A.
 */

/**
 * For statements whose plan cannot depend on statistics (seeks on unique constraints and by
 * element id, creates): keep the cached plan. Importing into a small graph otherwise discards and
 * re-plans every statement each time the counts diverge (dozens of times per import), and each new
 * plan costs planning, expression compilation and JIT time in the server.
 */
function planOnce(query: string): string {
  return `CYPHER replan=skip${query}`;
}

/** Which of the incoming articles are already stored, with their version. */
export const STORED_VERSIONS = planOnce(`
UNWIND $urls AS url
MATCH (a:Article {url: url})
RETURN a.url AS url, a.contentHash AS contentHash, a.fetchedAt AS fetchedAt, a.imported AS imported,
  size(a.body) AS bodyLength, a.extractionKey AS extractionKey`);

/** What every stored article teaches the alias memory, and the version that decides between copies. */
export const STORED_TEACHINGS = `
MATCH (a:Article {imported: true})
RETURN a.url AS url, a.taught AS taught, a.contentHash AS contentHash, a.fetchedAt AS fetchedAt,
  size(a.body) AS bodyLength`;

/**
 * Stored articles a change of the alias memory may affect: their text contains one of the changed
 * names (Latin ones case-insensitively), or they mention an entity known under one of them.
 */
export const ARTICLES_AFFECTED_BY_NAMES = `
MATCH (a:Article {imported: true})
WHERE NOT a.url IN $skip
  AND (any(s IN $surfaces WHERE a.body CONTAINS s OR a.title CONTAINS s)
       OR any(s IN $latin WHERE toLower(a.body) CONTAINS s OR toLower(a.title) CONTAINS s)
       OR EXISTS { MATCH (a)-[:MENTIONS]->()<-[:ALIAS_OF]-(al:Alias) WHERE al.key IN $keys })
RETURN a.url AS url ORDER BY url`;

/** The stored article as the importer parsed it, to extract it again with a changed memory. */
export const STORED_PARSED = `
UNWIND $urls AS url
MATCH (a:Article {url: url, imported: true})
RETURN a.url AS url, a.source AS source, a.title AS title, a.language AS language,
  a.publishedAt AS publishedAt, a.fetchedAt AS fetchedAt, a.section AS section,
  a.wordCount AS wordCount, a.body AS body, a.parsed AS parsed, a.extractionKey AS extractionKey`;

function entityState(label: 'Person' | 'Organization' | 'Place' | 'Topic'): string {
  return `
UNWIND $${label} AS key
MATCH (n:${label} {key: key})
RETURN '${label}' AS label, key, elementId(n) AS id, n.name AS name, n.aliases AS aliases,
  [(al:Alias)-[:ALIAS_OF]->(n) | [al.key, al.name]] AS aliasNames`;
}

/**
 * What is stored for the batch's entities, so that the writer sends only the entities whose
 * merge would change something (hub entities such as 中国 are in every batch and rarely change).
 */
export const ENTITY_STATES = planOnce(
  [entityState('Person'), entityState('Organization'), entityState('Place'), entityState('Topic')].join(
    '\nUNION ALL',
  ),
);

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

/**
 * Properties are set one by one (not `+=` a map) so the planner needs no Eager. The `Imported`
 * label and `publishedMs` (only imported articles have them) are what article lists read: a
 * range index on `(:Imported).publishedMs` orders them and the label's count store counts them.
 */
export const MERGE_ARTICLES = planOnce(`
UNWIND $articles AS row
MERGE (a:Article {url: row.url})
SET a:Imported, a.publishedMs = row.publishedMs,
    a.title = row.title, a.language = row.language, a.publishedAt = row.publishedAt,
    a.fetchedAt = row.fetchedAt, a.section = row.section, a.wordCount = row.wordCount,
    a.body = row.body, a.source = row.source, a.contentHash = row.contentHash, a.imported = true,
    a.taught = row.taught, a.extractionKey = row.extractionKey, a.parsed = row.parsed
RETURN row.url AS key, elementId(a) AS id`);

/** Link targets that are not in the batch: an `imported: false` stub until they are imported. */
export const MERGE_STUBS = planOnce(`
UNWIND $urls AS url
MERGE (b:Article {url: url})
  ON CREATE SET b.imported = false
RETURN url AS key, elementId(b) AS id`);

export const MERGE_WEB_PAGES = planOnce(`
UNWIND $pages AS row
MERGE (w:WebPage {url: row.url})
SET w.kind = row.kind
RETURN row.url AS key, elementId(w) AS id`);

/** Images of the batch; their credits are re-created from the articles that show them. */
export const MERGE_IMAGES = planOnce(`
UNWIND $images AS row
MERGE (i:Image {url: row.url})
SET i.caption = row.caption, i.credit = row.credit
WITH i, row
CALL (i) {
  OPTIONAL MATCH (i)-[old:PHOTOGRAPHED_BY|CREDITED_TO]->()
  DELETE old
}
RETURN row.url AS key, elementId(i) AS id`);

/** Merges named entities of one label and keeps name and aliases independent of import order. */
function mergeEntities(label: 'Person' | 'Organization' | 'Place' | 'Topic'): string {
  return planOnce(`
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
CALL (n, row) {
  UNWIND row.aliasKeys AS alias
  MERGE (al:Alias {key: alias.key})
  SET al.name = CASE WHEN al.name IS NULL OR alias.name < al.name THEN alias.name ELSE al.name END
  MERGE (al)-[:ALIAS_OF]->(n)
}
RETURN row.key AS key, elementId(n) AS id`);
}

export const MERGE_ENTITIES = {
  Person: mergeEntities('Person'),
  Organization: mergeEntities('Organization'),
  Place: mergeEntities('Place'),
  Topic: mergeEntities('Topic'),
} as const;

/**
 * One kind of edge between the row's article `a` and the nodes listed in `row.<list>`. An entry
 * is the node's index into `$ids`, or `[index, ...props]` when the edge has properties.
 */
function articleEdges(
  list: string,
  type: string,
  direction: 'from article' | 'to article',
  props: string[] = [],
) {
  const index = props.length > 0 ? 'x[0]' : 'x';
  const properties =
    props.length > 0 ? ` {${props.map((name, i) => `${name}: x[${i + 1}]`).join(', ')}}` : '';
  const edge =
    direction === 'from article' ? `(a)-[:${type}${properties}]->(n)` : `(n)-[:${type}${properties}]->(a)`;
  return `
CALL (a, row) {
  UNWIND row.${list} AS x
  MATCH (n) WHERE elementId(n) = $ids[toInteger(${index})]
  CREATE ${edge}
}`;
}

/**
 * Everything that hangs off one article, one row per article. Every node is found by element
 * id through `$ids` (the batch's distinct ids, so that each long id string travels once):
 * `row.a` is the article's index there, and so are the first members of the inner lists.
 * No node is created here, so no read waits for a write (no Eager).
 */
export const CREATE_ARTICLE_EDGES = planOnce(`
UNWIND $rows AS row
MATCH (a) WHERE elementId(a) = $ids[toInteger(row.a)]${[
  articleEdges('links', 'LINKS_TO', 'from article', ['text']),
  articleEdges('translations', 'TRANSLATION_OF', 'from article', ['text']),
  articleEdges('references', 'REFERENCES', 'from article', ['text']),
  articleEdges('mentions', 'MENTIONS', 'from article', ['count']),
  articleEdges('topics', 'HAS_TOPIC', 'from article', ['score']),
  articleEdges('authored', 'AUTHORED', 'to article', ['position']),
  articleEdges('contributed', 'CONTRIBUTED_TO', 'to article'),
  articleEdges('translated', 'TRANSLATED', 'to article'),
  articleEdges('experts', 'QUOTED_AS_EXPERT', 'to article', ['role', 'organization', 'quote']),
  articleEdges('images', 'HAS_IMAGE', 'from article', ['position']),
].join('')}
CALL (row) {
  UNWIND row.affiliations AS x
  MATCH (p) WHERE elementId(p) = $ids[toInteger(x[0])]
  MATCH (o) WHERE elementId(o) = $ids[toInteger(x[1])]
  CREATE (p)-[:AFFILIATED_WITH {article: row.url, role: x[2]}]->(o)
}`);

/** Image credits, rows of [image index, person or organization index] into `$ids`. */
export const CREATE_IMAGE_CREDITS = planOnce(`
CALL () {
  UNWIND $photographers AS x
  MATCH (i) WHERE elementId(i) = $ids[toInteger(x[0])]
  MATCH (p) WHERE elementId(p) = $ids[toInteger(x[1])]
  CREATE (i)-[:PHOTOGRAPHED_BY]->(p)
}
CALL () {
  UNWIND $agencies AS x
  MATCH (i) WHERE elementId(i) = $ids[toInteger(x[0])]
  MATCH (o) WHERE elementId(o) = $ids[toInteger(x[1])]
  CREATE (i)-[:CREDITED_TO]->(o)
}`);

/**
 * Quotes, rows of [article index, speaker index, key, text, position]. They create nodes, so
 * their lookups carry labels: an unlabelled MATCH before a node CREATE would need an Eager.
 */
function createQuotes(label: 'Person' | 'Organization'): string {
  return planOnce(`
UNWIND $quotes AS x
MATCH (a:Article) WHERE elementId(a) = $ids[toInteger(x[0])]
MATCH (s:${label}) WHERE elementId(s) = $ids[toInteger(x[1])]
CREATE (s)-[:SAID]->(:Quote {key: x[2], text: x[3], position: x[4]})-[:QUOTED_IN]->(a)`);
}

export const CREATE_QUOTES = {
  Person: createQuotes('Person'),
  Organization: createQuotes('Organization'),
} as const;

/**
 * Run after every import: drops what no imported article supports any more (stubs nobody
 * links to, entities nothing mentions). Depends only on the set of imported articles, never on
 * their order. Corpus-wide weights (topic IDF) are not stored: the API applies them when it
 * reads (src/graph/aggregates.ts).
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
  // Imported articles about each person, organization and place (topics keep theirs by delta): the
  // API's \`subjects\` list reads them through an index. Written only where they changed.
  `MATCH (n:Person|Organization|Place)
   WITH n, COUNT {
     MATCH (n)-[:MENTIONS|HAS_TOPIC|AUTHORED|CONTRIBUTED_TO|TRANSLATED|QUOTED_AS_EXPERT]-(a:Article {imported: true})
     RETURN DISTINCT a
   } AS df
   WHERE n.articleCount IS NULL OR n.articleCount <> df
   SET n.articleCount = df`,
];

/** The full-text indexes are eventually consistent: a finished import waits until they caught up. */
export const AWAIT_FULLTEXT = 'CALL db.index.fulltext.awaitEventuallyConsistentIndexRefresh()';

/** Curations made through the API, oldest first: the importer applies them to every article. */
export const LOAD_CURATIONS = `
MATCH (c:Curation)
RETURN c.action AS action, c.kind AS kind, c.name AS name, c.target AS target, c.alias AS alias,
  c.articleUrl AS articleUrl
ORDER BY c.at, c.id`;
