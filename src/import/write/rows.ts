import { createHash } from 'node:crypto';
import type { ExtractedArticle, NamedEntity, ParsedArticle } from '../../model/article';
import { entityKey } from '../../graph/keys';

/**
 * Turns articles into the flat parameter rows the write queries UNWIND. Pure and
 * deterministic, so it is tested without a database and one batch is one set of statements.
 */

export type EntityLabel = 'Person' | 'Organization' | 'Place' | 'Topic';

export interface EntityRow {
  key: string;
  name: string;
  aliases: string[];
  aliasKeys: { key: string; name: string }[];
}

export interface ArticleRow {
  url: string;
  title: string;
  language: string;
  publishedAt: string | null;
  /** publishedAt as epoch milliseconds (-1 when unknown): the indexed sort key of article lists. */
  publishedMs: number;
  fetchedAt: string | null;
  section: string | null;
  wordCount: number;
  body: string;
  source: string;
  contentHash: string;
  /** JSON of what the article teaches the alias memory, or null. */
  taught: string | null;
  extractionKey: string | null;
  /** JSON of the parsed fields that are not properties (authors, images, links...): re-extraction input. */
  parsed: string;
}

export interface BatchRows {
  articles: ArticleRow[];
  articleLinks: { from: string; to: string; text: string }[];
  translations: { from: string; to: string; text: string }[];
  webLinks: { from: string; to: string; text: string; kind: string }[];
  entities: Record<EntityLabel, EntityRow[]>;
  roles: Record<'AUTHORED' | 'CONTRIBUTED_TO' | 'TRANSLATED' | 'QUOTED_AS_EXPERT', Record<string, unknown>[]>;
  mentions: Record<'Person' | 'Organization' | 'Place', { article: string; key: string; count: number }[]>;
  topics: { article: string; key: string; score: number }[];
  images: { article: string; url: string; caption: string | null; credit: string | null; position: number }[];
  imageCredits: Record<'Person' | 'Organization', { image: string; key: string }[]>;
  quotes: Record<'Person' | 'Organization', Record<string, unknown>[]>;
  affiliations: Record<'Organization' | 'Place', Record<string, unknown>[]>;
}

/**
 * A digest of what the article says as parsed: equal digests mean the input did not change, so
 * a re-import writes nothing. Extraction output is left out on purpose: it also depends on the
 * alias memory, which grows as the corpus does, and re-extracting is asked for with --reextract.
 * `source` and `fetchedAt` say where and when a copy came from, not what it says.
 */
export function contentHash(article: ParsedArticle): string {
  const content = [
    article.url,
    article.title,
    article.language,
    article.publishedAt,
    article.section,
    article.paragraphs,
    article.authors,
    article.contributors,
    article.translators,
    article.images,
    article.links,
  ];
  return createHash('sha256').update(JSON.stringify(content)).digest('hex').slice(0, 32);
}

/** An ISO-8601 time (with its offset) as epoch milliseconds; -1 when missing or unreadable. */
export function publishedMs(publishedAt: string | null): number {
  const ms = publishedAt === null ? Number.NaN : Date.parse(publishedAt);
  return Number.isFinite(ms) ? ms : -1;
}

class EntityCollector {
  private readonly rows = new Map<string, EntityRow>();

  add(name: string, aliases: string[] = []): string {
    const key = entityKey(name);
    let row = this.rows.get(key);
    if (!row) {
      row = { key, name, aliases: [], aliasKeys: [] };
      this.rows.set(key, row);
    } else if (name < row.name) {
      row.name = name;
    }
    for (const alias of aliases) {
      if (alias && !row.aliases.includes(alias)) row.aliases.push(alias);
    }
    return key;
  }

  has(name: string): boolean {
    return this.rows.has(entityKey(name));
  }

  toRows(): EntityRow[] {
    return [...this.rows.values()].map((row) => {
      const names = [row.name, ...row.aliases];
      const aliasKeys = new Map<string, string>();
      for (const name of names) {
        const key = entityKey(name);
        if (key && (!aliasKeys.has(key) || name < aliasKeys.get(key)!)) aliasKeys.set(key, name);
      }
      return {
        ...row,
        aliases: [...row.aliases].filter((alias) => alias !== row.name).sort(),
        aliasKeys: [...aliasKeys]
          .map(([key, name]) => ({ key, name }))
          .sort((a, b) => a.key.localeCompare(b.key)),
      };
    });
  }
}

/** A quote is what was said in which article: its key does not depend on how the speaker resolved. */
function quoteKey(article: string, text: string): string {
  return createHash('sha256').update(`${article}\u0000${text}`).digest('hex').slice(0, 32);
}

/** The parsed fields an Article node does not hold as properties; body holds the paragraphs. */
export interface StoredParsedFields {
  authors: string[];
  contributors: string[];
  translators: string[];
  images: ParsedArticle['images'];
  links: ParsedArticle['links'];
}

function storedParsedFields(article: ParsedArticle): StoredParsedFields {
  const { authors, contributors, translators, images, links } = article;
  return { authors, contributors, translators, images, links };
}

/** The parsed article again, from an Article node's properties (for re-extraction). */
export function parsedFromStored(row: {
  url: string;
  source: string | null;
  title: string;
  language: string;
  publishedAt: string | null;
  fetchedAt: string | null;
  section: string | null;
  wordCount: number;
  body: string;
  parsed: string;
}): ParsedArticle {
  const fields = JSON.parse(row.parsed) as StoredParsedFields;
  return {
    source: row.source ?? row.url,
    url: row.url,
    title: row.title,
    language: row.language as ParsedArticle['language'],
    publishedAt: row.publishedAt,
    fetchedAt: row.fetchedAt,
    section: row.section,
    paragraphs: row.body === '' ? [] : row.body.split('\n\n'),
    wordCount: Number(row.wordCount),
    ...fields,
  };
}

function mentionRows(article: string, list: NamedEntity[], collector: EntityCollector) {
  return list.map((entity) => ({
    article,
    key: collector.add(entity.name, entity.aliases),
    count: Math.max(1, entity.mentions),
  }));
}

/** Keeps one row per key: the first, or `combine` of the rows that share it. */
function unique<T>(list: T[], keyOf: (row: T) => string, combine?: (kept: T, next: T) => T): T[] {
  const byKey = new Map<string, T>();
  for (const row of list) {
    const key = keyOf(row);
    const kept = byKey.get(key);
    byKey.set(key, kept === undefined ? row : combine ? combine(kept, row) : kept);
  }
  return [...byKey.values()];
}

/** `hashes` (by URL) saves hashing again what the writer has hashed already. */
export function buildRows(articles: ExtractedArticle[], hashes?: Map<string, string>): BatchRows {
  const people = new EntityCollector();
  const organizations = new EntityCollector();
  const places = new EntityCollector();
  const topics = new EntityCollector();
  const rows: BatchRows = {
    articles: [],
    articleLinks: [],
    translations: [],
    webLinks: [],
    entities: { Person: [], Organization: [], Place: [], Topic: [] },
    roles: { AUTHORED: [], CONTRIBUTED_TO: [], TRANSLATED: [], QUOTED_AS_EXPERT: [] },
    mentions: { Person: [], Organization: [], Place: [] },
    topics: [],
    images: [],
    imageCredits: { Person: [], Organization: [] },
    quotes: { Person: [], Organization: [] },
    affiliations: { Organization: [], Place: [] },
  };

  for (const article of articles) {
    const url = article.url;
    rows.articles.push({
      url,
      title: article.title,
      language: article.language,
      publishedAt: article.publishedAt,
      publishedMs: publishedMs(article.publishedAt),
      fetchedAt: article.fetchedAt ?? null,
      section: article.section,
      wordCount: article.wordCount,
      body: article.paragraphs.join('\n\n'),
      source: article.source,
      contentHash: hashes?.get(url) ?? contentHash(article),
      taught: article.taught && article.taught.length > 0 ? JSON.stringify(article.taught) : null,
      extractionKey: article.extractionKey ?? null,
      parsed: JSON.stringify(storedParsedFields(article)),
    });

    const seenLinks = new Set<string>();
    for (const link of article.links) {
      if (link.url === url || seenLinks.has(`${link.kind} ${link.url}`)) continue;
      seenLinks.add(`${link.kind} ${link.url}`);
      const row = { from: url, to: link.url, text: link.text };
      if (link.kind === 'article') rows.articleLinks.push(row);
      else if (link.kind === 'translation') rows.translations.push(row);
      else rows.webLinks.push({ ...row, kind: link.kind });
    }

    rows.mentions.Person.push(...mentionRows(url, article.persons, people));
    rows.mentions.Organization.push(...mentionRows(url, article.organizations, organizations));
    rows.mentions.Place.push(...mentionRows(url, article.places, places));

    article.authors.forEach((name, position) =>
      rows.roles.AUTHORED.push({ article: url, key: people.add(name), position }),
    );
    for (const name of article.contributors)
      rows.roles.CONTRIBUTED_TO.push({ article: url, key: people.add(name) });
    for (const name of article.translators)
      rows.roles.TRANSLATED.push({ article: url, key: people.add(name) });

    for (const topic of article.topics) {
      rows.topics.push({ article: url, key: topics.add(topic.name), score: topic.weight });
    }

    article.images.forEach((image, position) => {
      rows.images.push({
        article: url,
        url: image.url,
        caption: image.caption,
        credit: image.credit,
        position,
      });
      if (image.photographer) {
        rows.imageCredits.Person.push({ image: image.url, key: people.add(image.photographer) });
      }
      if (image.agency) {
        rows.imageCredits.Organization.push({ image: image.url, key: organizations.add(image.agency) });
      }
    });

    article.quotes.forEach((quote, position) => {
      // A speaker known only as an organization (据路透社, according to Reuters) stays one.
      const label =
        !people.has(quote.speaker) && organizations.has(quote.speaker) ? 'Organization' : 'Person';
      const speakerKey = (label === 'Person' ? people : organizations).add(quote.speaker);
      rows.quotes[label].push({
        article: url,
        speakerKey,
        key: quoteKey(url, quote.text),
        text: quote.text,
        position,
      });
    });

    for (const affiliation of article.affiliations) {
      const target = affiliation.organizationIsPlace ? 'Place' : 'Organization';
      rows.affiliations[target].push({
        article: url,
        personKey: people.add(affiliation.person),
        targetKey: (target === 'Place' ? places : organizations).add(affiliation.organization),
        role: affiliation.role ?? '',
      });
    }

    for (const expert of article.experts) {
      rows.roles.QUOTED_AS_EXPERT.push({
        article: url,
        key: people.add(expert.person),
        role: expert.role,
        organization: expert.organization,
        quote: expert.quote,
      });
    }
  }

  // The write queries CREATE per-article relationships, so each fact must appear once.
  for (const label of ['Person', 'Organization', 'Place'] as const) {
    rows.mentions[label] = unique(
      rows.mentions[label],
      (r) => `${r.article} ${r.key}`,
      (a, b) => ({
        ...a,
        count: a.count + b.count,
      }),
    );
  }
  rows.topics = unique(
    rows.topics,
    (r) => `${r.article} ${r.key}`,
    (a, b) => (b.score > a.score ? b : a),
  );
  for (const type of Object.keys(rows.roles) as (keyof BatchRows['roles'])[]) {
    rows.roles[type] = unique(rows.roles[type], (r) => `${r.article} ${r.key}`);
  }
  rows.images = unique(rows.images, (r) => `${r.article} ${r.url}`);
  rows.imageCredits.Person = unique(rows.imageCredits.Person, (r) => `${r.image} ${r.key}`);
  rows.imageCredits.Organization = unique(rows.imageCredits.Organization, (r) => `${r.image} ${r.key}`);
  rows.quotes.Person = unique(rows.quotes.Person, (r) => String(r.key));
  rows.quotes.Organization = unique(rows.quotes.Organization, (r) => String(r.key));
  for (const target of ['Organization', 'Place'] as const) {
    rows.affiliations[target] = unique(
      rows.affiliations[target],
      (r) => `${r.article} ${r.personKey} ${r.targetKey} ${r.role}`,
    );
  }

  rows.entities.Person = people.toRows();
  rows.entities.Organization = organizations.toRows();
  rows.entities.Place = places.toRows();
  rows.entities.Topic = topics.toRows();
  return rows;
}

/** What ENTITY_STATES read for one entity. */
export interface StoredEntity {
  name: string | null;
  aliases: string[] | null;
  /** [Alias.key, Alias.name] of every Alias node that points to the entity. */
  aliasNames: [string, string | null][];
}

const SURROGATE = /[\uD800-\uDFFF]/;

/**
 * Whether Cypher orders a before b the way JavaScript does. They agree on UTF-16 strings without
 * surrogate pairs; for the rest this answers "unknown" (null) and the caller writes to be safe.
 */
function before(a: string, b: string): boolean | null {
  if (SURROGATE.test(a) || SURROGATE.test(b)) return null;
  return a < b;
}

/**
 * True when MERGE_ENTITIES would leave the stored entity exactly as it is: its name would not
 * get smaller, its alias set would not grow, and every alias key of the row already points to it
 * with a name no larger than the row's. Such rows are not sent, which spares hub entities a
 * rewrite (and a full-text index update) in every batch.
 */
export function entityRowIsNoop(row: EntityRow, stored: StoredEntity | undefined): boolean {
  if (!stored || stored.name === null || stored.aliases === null) return false;
  if (row.name !== stored.name && before(row.name, stored.name) !== false) return false;
  const aliases = new Set(stored.aliases);
  if (aliases.has(stored.name)) return false;
  for (const alias of row.aliases) {
    if (alias !== stored.name && !aliases.has(alias)) return false;
  }
  const aliasNames = new Map(stored.aliasNames);
  for (const alias of row.aliasKeys) {
    const name = aliasNames.get(alias.key);
    if (name === undefined || name === null) return false;
    if (name !== alias.name && before(alias.name, name) !== false) return false;
  }
  return true;
}
