/**
 * Projections shared by the query constants. They are fixed strings (no input ever reaches
 * them), spliced into the constants when the module loads.
 */

export const ENTITY_LABELS = ['Person', 'Organization', 'Place', 'Topic'] as const;
export type EntityLabel = (typeof ENTITY_LABELS)[number];

/** An article without its body: lists of articles stay small, `body` is loaded on request. */
export function articleProjection(a: string): string {
  return `${a} {kind: 'Article', .url, .title, .publishedAt, .fetchedAt, .language, .section, .wordCount,
    imported: coalesce(${a}.imported, false)}`;
}

export function entityProjection(n: string): string {
  return `${n} {kind: [label IN labels(${n}) WHERE label IN ['Person', 'Organization', 'Place', 'Topic']][0],
    .key, .name, aliases: coalesce(${n}.aliases, []), .articleCount}`;
}

/**
 * The sort key of article lists (newest first, then URL): `publishedMs`, the publication time as
 * epoch milliseconds that the importer stores beside `publishedAt` (whose offsets make its text
 * unsortable). Undated articles and stubs sort last.
 */
export function articleSortKey(a: string): string {
  return `coalesce(${a}.publishedMs, -1)`;
}

/** Relationships that tie an entity to an article, whatever their direction. */
export const ENTITY_ARTICLE_RELS = 'MENTIONS|HAS_TOPIC|AUTHORED|CONTRIBUTED_TO|TRANSLATED|QUOTED_AS_EXPERT';

export interface ArticleNode {
  kind: 'Article';
  url: string;
  title: string | null;
  publishedAt: string | null;
  fetchedAt: string | null;
  language: string | null;
  section: string | null;
  wordCount: number | null;
  imported: boolean;
}

export interface EntityNode {
  kind: EntityLabel;
  key: string;
  name: string;
  aliases: string[];
  /** Topics only: imported articles about the topic. */
  articleCount?: number | null;
}

export type GraphNode = ArticleNode | EntityNode;

export interface ArticleRow {
  article: ArticleNode;
  ms: number;
}

export interface ArticlePage {
  totalCount: number;
  rows: ArticleRow[];
}

export interface PageArgs {
  /** Rows to fetch: the page size plus one, to learn whether another page follows. */
  limit: number;
  after: { ms: number; url: string } | null;
}
