// newsgraph schema: applied idempotently by `npm run db:migrate` and at server start.
// Statements are separated by semicolons; every one uses IF NOT EXISTS so a re-run changes nothing.

// Node keys: one node per key.
CREATE CONSTRAINT article_url IF NOT EXISTS FOR (n:Article) REQUIRE n.url IS UNIQUE;
CREATE CONSTRAINT person_key IF NOT EXISTS FOR (n:Person) REQUIRE n.key IS UNIQUE;
CREATE CONSTRAINT organization_key IF NOT EXISTS FOR (n:Organization) REQUIRE n.key IS UNIQUE;
CREATE CONSTRAINT place_key IF NOT EXISTS FOR (n:Place) REQUIRE n.key IS UNIQUE;
CREATE CONSTRAINT topic_key IF NOT EXISTS FOR (n:Topic) REQUIRE n.key IS UNIQUE;
CREATE CONSTRAINT image_url IF NOT EXISTS FOR (n:Image) REQUIRE n.url IS UNIQUE;
CREATE CONSTRAINT quote_key IF NOT EXISTS FOR (n:Quote) REQUIRE n.key IS UNIQUE;
CREATE CONSTRAINT webpage_url IF NOT EXISTS FOR (n:WebPage) REQUIRE n.url IS UNIQUE;
CREATE CONSTRAINT alias_key IF NOT EXISTS FOR (n:Alias) REQUIRE n.key IS UNIQUE;
CREATE CONSTRAINT corpus_key IF NOT EXISTS FOR (n:Corpus) REQUIRE n.key IS UNIQUE;
// Curations made through the API (who, when, what); the importer reads them in `at` order.
CREATE CONSTRAINT curation_id IF NOT EXISTS FOR (n:Curation) REQUIRE n.id IS UNIQUE;
CREATE INDEX curation_at IF NOT EXISTS FOR (n:Curation) ON (n.at);

// Lookups used by the API's filters and sort orders.
CREATE INDEX article_published IF NOT EXISTS FOR (n:Article) ON (n.publishedAt);
// Article lists: imported articles carry the `Imported` label (its count store gives the total)
// and `publishedMs` (epoch ms, -1 when undated), whose range index gives the newest/oldest first
// without reading the others. Stubs have neither, so they are never in this index.
CREATE INDEX imported_published_ms IF NOT EXISTS FOR (n:Imported) ON (n.publishedMs);
CREATE INDEX article_section IF NOT EXISTS FOR (n:Article) ON (n.section);
CREATE INDEX article_language IF NOT EXISTS FOR (n:Article) ON (n.language);
CREATE INDEX article_imported IF NOT EXISTS FOR (n:Article) ON (n.imported);
CREATE INDEX person_name IF NOT EXISTS FOR (n:Person) ON (n.name);
CREATE INDEX organization_name IF NOT EXISTS FOR (n:Organization) ON (n.name);
CREATE INDEX place_name IF NOT EXISTS FOR (n:Place) ON (n.name);
CREATE INDEX topic_name IF NOT EXISTS FOR (n:Topic) ON (n.name);

// The `subjects` list: imported articles per entity (set by the importer's finalize), read in
// index order, most articles first.
CREATE INDEX person_article_count IF NOT EXISTS FOR (n:Person) ON (n.articleCount);
CREATE INDEX organization_article_count IF NOT EXISTS FOR (n:Organization) ON (n.articleCount);
CREATE INDEX place_article_count IF NOT EXISTS FOR (n:Place) ON (n.articleCount);
CREATE INDEX topic_article_count IF NOT EXISTS FOR (n:Topic) ON (n.articleCount);

// Full-text search. The default analyzer (standard-no-stop-words) keeps a run of Chinese
// characters as one token, so 乌克兰 would never match 乌克兰战争; the `cjk` analyzer indexes
// CJK text as overlapping bigrams and Latin text as words, which serves both languages.
// Eventually consistent: Lucene updates are applied after the commit by a background thread, in
// bulk, instead of inside every import transaction (they were about half of its commit time);
// the importer's finalize step waits for them (db.index.fulltext.awaitEventuallyConsistentIndexRefresh), so a
// finished import is fully searchable. An index created before this option keeps its old setting
// until it is dropped and re-created.
CREATE FULLTEXT INDEX article_text IF NOT EXISTS FOR (n:Article) ON EACH [n.title, n.body]
  OPTIONS { indexConfig: { `fulltext.analyzer`: 'cjk', `fulltext.eventually_consistent`: true } };
CREATE FULLTEXT INDEX entity_names IF NOT EXISTS FOR (n:Person|Organization|Place|Topic) ON EACH [n.name, n.aliasText]
  OPTIONS { indexConfig: { `fulltext.analyzer`: 'cjk', `fulltext.eventually_consistent`: true } };

// Per-article facts on relationships, removed when their article is re-imported.
CREATE INDEX affiliation_article IF NOT EXISTS FOR ()-[r:AFFILIATED_WITH]-() ON (r.article);

// Date windows of the experts ranking and the co-mention lists are read from the aggregate
// relationships of one node (src/graph/aggregates.ts); no index is needed to find them.
// Data written before the `Imported` label and `publishedMs` existed: filled in once (a re-run
// matches nothing, so it changes nothing).
MATCH (a:Article {imported: true}) WHERE a.publishedMs IS NULL
SET a:Imported, a.publishedMs = coalesce(datetime(a.publishedAt).epochMillis, -1);
