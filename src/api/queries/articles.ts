import { CORPUS_ARTICLES, topicIdf } from '../../graph/aggregates';
import type { Db } from '../db';
import {
  articleProjection,
  articleSortKey,
  entityProjection,
  type ArticleNode,
  type EntityNode,
} from './fragments';
import { byKey } from './batch';

export const ARTICLES_BY_URL = `
UNWIND $keys AS key
MATCH (a:Article {url: key})
RETURN key, ${articleProjection('a')} AS value`;

export const ARTICLE_BODIES = `
UNWIND $keys AS key
MATCH (a:Article {url: key})
RETURN key, a.body AS value`;

/** Authors (in byline order), contributors and translators. */
export const ARTICLE_CREDITS = `
UNWIND $keys AS key
MATCH (a:Article {url: key})
RETURN key, {
  authors: [(p:Person)-[r:AUTHORED]->(a) | {position: r.position, person: ${entityProjection('p')}}],
  contributors: [(p:Person)-[:CONTRIBUTED_TO]->(a) | ${entityProjection('p')}],
  translators: [(p:Person)-[:TRANSLATED]->(a) | ${entityProjection('p')}]
} AS value`;

export const ARTICLE_MENTIONS = `
UNWIND $keys AS key
MATCH (a:Article {url: key})-[m:MENTIONS]->(n)
WITH key, n, m ORDER BY m.count DESC, n.name
RETURN key, collect({count: m.count, entity: ${entityProjection('n')}}) AS value`;

export const ARTICLE_QUOTES = `
UNWIND $keys AS key
MATCH (a:Article {url: key})<-[:QUOTED_IN]-(q:Quote)<-[:SAID]-(s)
WITH key, q, s ORDER BY q.position
RETURN key, collect({key: q.key, text: q.text, position: q.position, articleUrl: key,
  speaker: ${entityProjection('s')}}) AS value`;

export const ARTICLE_EXPERTS = `
UNWIND $keys AS key
MATCH (a:Article {url: key})<-[e:QUOTED_AS_EXPERT]-(p:Person)
WITH key, e, p ORDER BY p.name
RETURN key, collect({role: e.role, organization: e.organization, quote: e.quote,
  person: ${entityProjection('p')}}) AS value`;

export const ARTICLE_IMAGES = `
UNWIND $keys AS key
MATCH (a:Article {url: key})-[r:HAS_IMAGE]->(i:Image)
WITH key, r, i ORDER BY r.position
RETURN key, collect({url: i.url, caption: i.caption, credit: i.credit, position: r.position,
  photographer: [(i)-[:PHOTOGRAPHED_BY]->(p:Person) | ${entityProjection('p')}][0],
  agency: [(i)-[:CREDITED_TO]->(o:Organization) | ${entityProjection('o')}][0]}) AS value`;

export const ARTICLE_TOPICS = `
UNWIND $keys AS key
MATCH (a:Article {url: key})-[r:HAS_TOPIC]->(t:Topic)
WITH key, r, t, r.score * ${topicIdf('t', CORPUS_ARTICLES)} AS weight
ORDER BY weight DESC, t.name
RETURN key, collect({score: r.score, weight: weight, topic: ${entityProjection('t')}}) AS value`;

/** Article links of one type and direction; the fixed variants are below. */
function linkQuery(pattern: string): string {
  return `
UNWIND $keys AS key
MATCH ${pattern}
WITH key, r, b ORDER BY ${articleSortKey('b')} DESC, b.url
RETURN key, collect({text: r.text, article: ${articleProjection('b')}}) AS value`;
}

export const ARTICLE_CITES = linkQuery('(:Article {url: key})-[r:LINKS_TO]->(b:Article)');
export const ARTICLE_CITED_BY = linkQuery('(:Article {url: key})<-[r:LINKS_TO]-(b:Article)');
export const ARTICLE_TRANSLATIONS = linkQuery('(:Article {url: key})-[r:TRANSLATION_OF]-(b:Article)');

export const ARTICLE_REFERENCES = `
UNWIND $keys AS key
MATCH (:Article {url: key})-[r:REFERENCES]->(w:WebPage)
WITH key, r, w ORDER BY w.url
RETURN key, collect({url: w.url, kind: w.kind, text: r.text}) AS value`;

export interface Credits {
  authors: EntityNode[];
  contributors: EntityNode[];
  translators: EntityNode[];
}

interface CreditsRow extends Omit<Credits, 'authors'> {
  authors: { position: number | null; person: EntityNode }[];
}

export interface MentionRow {
  count: number;
  entity: EntityNode;
}

export interface QuoteRow {
  key: string;
  text: string;
  position: number | null;
  articleUrl: string;
  speaker: EntityNode | null;
}

export interface ArticleExpertRow {
  role: string | null;
  organization: string | null;
  quote: string | null;
  person: EntityNode;
}

export interface ImageRow {
  url: string;
  caption: string | null;
  credit: string | null;
  position: number | null;
  photographer: EntityNode | null;
  agency: EntityNode | null;
}

export interface ArticleTopicRow {
  score: number;
  weight: number;
  topic: EntityNode;
}

export interface LinkRow {
  text: string | null;
  article: ArticleNode;
}

export interface WebPageRow {
  url: string;
  kind: string | null;
  text: string | null;
}

export const articlesByUrl = (db: Db, urls: readonly string[]) =>
  byKey<ArticleNode | null>(db, ARTICLES_BY_URL, urls, null);
export const articleBodies = (db: Db, urls: readonly string[]) =>
  byKey<string | null>(db, ARTICLE_BODIES, urls, null);
const NO_CREDITS: CreditsRow = { authors: [], contributors: [], translators: [] };
function toCredits(row: CreditsRow): Credits {
  return {
    ...row,
    authors: [...row.authors].sort((x, y) => (x.position ?? 0) - (y.position ?? 0)).map((x) => x.person),
  };
}
export async function articleCredits(db: Db, urls: readonly string[]): Promise<Credits[]> {
  return (await byKey<CreditsRow>(db, ARTICLE_CREDITS, urls, NO_CREDITS)).map(toCredits);
}
export const articleMentions = (db: Db, urls: readonly string[]) =>
  byKey<MentionRow[]>(db, ARTICLE_MENTIONS, urls, []);
export const articleQuotes = (db: Db, urls: readonly string[]) =>
  byKey<QuoteRow[]>(db, ARTICLE_QUOTES, urls, []);
export const articleExperts = (db: Db, urls: readonly string[]) =>
  byKey<ArticleExpertRow[]>(db, ARTICLE_EXPERTS, urls, []);
export const articleImages = (db: Db, urls: readonly string[]) =>
  byKey<ImageRow[]>(db, ARTICLE_IMAGES, urls, []);
export const articleTopics = (db: Db, urls: readonly string[]) =>
  byKey<ArticleTopicRow[]>(db, ARTICLE_TOPICS, urls, []);
export const articleCites = (db: Db, urls: readonly string[]) =>
  byKey<LinkRow[]>(db, ARTICLE_CITES, urls, []);
export const articleCitedBy = (db: Db, urls: readonly string[]) =>
  byKey<LinkRow[]>(db, ARTICLE_CITED_BY, urls, []);
export const articleTranslations = (db: Db, urls: readonly string[]) =>
  byKey<LinkRow[]>(db, ARTICLE_TRANSLATIONS, urls, []);
export const articleReferences = (db: Db, urls: readonly string[]) =>
  byKey<WebPageRow[]>(db, ARTICLE_REFERENCES, urls, []);

/**
 * What an article's fields read, by the name of the loader their resolvers use (src/api/resolvers/
 * article.ts): the batch function, and the same batch query's row for one article as that
 * function turns it into a value (`missing` when the query has no row for it).
 */
export const ARTICLE_FIELD_LOADERS = {
  'article.body': { query: ARTICLE_BODIES, batch: articleBodies, value: (row: unknown) => row ?? null },
  'article.credits': {
    query: ARTICLE_CREDITS,
    batch: articleCredits,
    value: (row: unknown) => toCredits((row as CreditsRow | null) ?? NO_CREDITS),
  },
  'article.mentions': { query: ARTICLE_MENTIONS, batch: articleMentions, value: listOrEmpty },
  'article.quotes': { query: ARTICLE_QUOTES, batch: articleQuotes, value: listOrEmpty },
  'article.experts': { query: ARTICLE_EXPERTS, batch: articleExperts, value: listOrEmpty },
  'article.images': { query: ARTICLE_IMAGES, batch: articleImages, value: listOrEmpty },
  'article.topics': { query: ARTICLE_TOPICS, batch: articleTopics, value: listOrEmpty },
  'article.cites': { query: ARTICLE_CITES, batch: articleCites, value: listOrEmpty },
  'article.citedBy': { query: ARTICLE_CITED_BY, batch: articleCitedBy, value: listOrEmpty },
  'article.translations': { query: ARTICLE_TRANSLATIONS, batch: articleTranslations, value: listOrEmpty },
  'article.references': { query: ARTICLE_REFERENCES, batch: articleReferences, value: listOrEmpty },
} as const;

export type ArticleFieldLoader = keyof typeof ARTICLE_FIELD_LOADERS;

function listOrEmpty(row: unknown): unknown[] {
  return (row as unknown[] | null) ?? [];
}

const withFieldsQueries = new Map<string, string>();

/**
 * One article and the batch queries of the given loaders in one round trip. The text is composed
 * only from the fixed queries above (each a subquery over `$keys`, here a single URL), and is
 * built once per set of loaders.
 */
function articleWithFieldsQuery(loaders: readonly ArticleFieldLoader[]): string {
  const cacheKey = loaders.join(',');
  let query = withFieldsQueries.get(cacheKey);
  if (query === undefined) {
    const names = loaders.map((_, i) => `f${i}`);
    query = [
      `CALL () {${ARTICLES_BY_URL}\n}\nWITH value AS article`,
      ...loaders.map(
        (loader, i) =>
          `OPTIONAL CALL () {${ARTICLE_FIELD_LOADERS[loader].query}\n}\nWITH article, ${[...names.slice(0, i), `value AS ${names[i]}`].join(', ')}`,
      ),
      `RETURN article, [${names.join(', ')}] AS fields`,
    ].join('\n');
    withFieldsQueries.set(cacheKey, query);
  }
  return query;
}

export interface ArticleWithFields {
  article: ArticleNode;
  /** The value of each requested loader for this article. */
  fields: Map<ArticleFieldLoader, unknown>;
}

export async function articleWithFields(
  db: Db,
  url: string,
  loaders: readonly ArticleFieldLoader[],
): Promise<ArticleWithFields | null> {
  const [row] = await db.read<{ article: ArticleNode; fields: unknown[] }>(articleWithFieldsQuery(loaders), {
    keys: [url],
  });
  if (!row) return null;
  return {
    article: row.article,
    fields: new Map(loaders.map((loader, i) => [loader, ARTICLE_FIELD_LOADERS[loader].value(row.fields[i])])),
  };
}
