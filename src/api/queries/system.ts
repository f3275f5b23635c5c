import type { Db } from '../db';

export const HEALTH = `
CALL dbms.components() YIELD name, versions, edition
WITH name, versions, edition WHERE name = 'Neo4j Kernel'
CALL () { MATCH (n) RETURN count(n) AS nodeCount }
CALL () { MATCH ()-[r]->() RETURN count(r) AS relationshipCount }
RETURN versions[0] AS version, edition, nodeCount, relationshipCount`;

/** Counts come from the count store (label and type lookups), so this stays fast on large graphs. */
export const STATS = `
CALL () { MATCH (a:Article {imported: true}) RETURN count(a) AS articleCount }
CALL () { MATCH (a:Article {imported: false}) RETURN count(a) AS stubArticleCount }
CALL () { MATCH (n:Person) RETURN count(n) AS personCount }
CALL () { MATCH (n:Organization) RETURN count(n) AS organizationCount }
CALL () { MATCH (n:Place) RETURN count(n) AS placeCount }
CALL () { MATCH (n:Topic) RETURN count(n) AS topicCount }
CALL () { MATCH (n:Quote) RETURN count(n) AS quoteCount }
CALL () { MATCH (n:Image) RETURN count(n) AS imageCount }
CALL () { MATCH ()-[r:LINKS_TO]->() RETURN count(r) AS linkCount }
CALL () { MATCH ()-[r:QUOTED_AS_EXPERT]->() RETURN count(r) AS expertQuoteCount }
CALL () {
  MATCH (a:Article {imported: true})
  WITH a.language AS language, count(*) AS count ORDER BY count DESC, language
  RETURN collect({value: language, count: count}) AS languages
}
CALL () {
  MATCH (a:Article {imported: true})
  WITH coalesce(a.section, '') AS section, count(*) AS count ORDER BY count DESC, section
  RETURN collect({value: section, count: count}) AS sections
}
CALL () {
  MATCH (a:Article {imported: true}) WHERE a.publishedAt IS NOT NULL
  WITH a ORDER BY datetime(a.publishedAt)
  WITH collect(a.publishedAt) AS dates
  RETURN dates[0] AS firstPublishedAt, dates[-1] AS lastPublishedAt
}
RETURN *`;

export interface HealthRow {
  version: string;
  edition: string;
  nodeCount: number;
  relationshipCount: number;
}

export interface ValueCount {
  value: string;
  count: number;
}

export interface StatsRow {
  articleCount: number;
  stubArticleCount: number;
  personCount: number;
  organizationCount: number;
  placeCount: number;
  topicCount: number;
  quoteCount: number;
  imageCount: number;
  linkCount: number;
  expertQuoteCount: number;
  languages: ValueCount[];
  sections: ValueCount[];
  firstPublishedAt: string | null;
  lastPublishedAt: string | null;
}

export async function health(db: Db): Promise<HealthRow> {
  const [row] = await db.read<HealthRow>(HEALTH);
  return row;
}

export async function stats(db: Db): Promise<StatsRow> {
  const [row] = await db.read<StatsRow>(STATS);
  return row;
}
