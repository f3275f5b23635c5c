import { LIMITS } from './limits';

/**
 * The stored aggregates' definitions, shared by the importer that writes them
 * (src/import/write/aggregates.ts) and the API that reads them (src/api/queries/).
 */

/** Entries kept per list: the API's largest page, so every page the API serves is a prefix. */
export const AGGREGATE_TOP = LIMITS.maxPageSize;

export const CO_MENTION_KINDS = ['Person', 'Organization', 'Place'] as const;
export type CoMentionKind = (typeof CO_MENTION_KINDS)[number];

/** Neo4j orders strings by code point; JS `<` compares UTF-16 units. Nulls sort last. */
export function compareNames(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.codePointAt(i)!;
    const y = b.codePointAt(i)!;
    if (x !== y) return x < y ? -1 : 1;
    if (x > 0xffff) i++;
  }
  return a.length - b.length;
}

/** A co-mention as stored in `co<Kind>Hits` and read back by src/api/queries/entities.ts. */
export interface StoredCoMention {
  count: number;
  mentions: number;
  entity: StoredEntity;
}

/** An entity as the API's queries project it (entityProjection in src/api/queries/fragments.ts). */
export interface StoredEntity {
  kind: string;
  key: string;
  name: string | null;
  aliases: string[];
  articleCount: number | null;
}

export interface StoredQuote {
  /** null for the quote on an expert edge that is no stored Quote. */
  key: string | null;
  text: string;
  position: number | null;
  articleUrl: string;
}

/**
 * An expert hit as stored in `Alias.expertHits` and read back by src/api/queries/experts.ts:
 * its ExpertRow without the article URLs, with the first STORED_QUOTES quotes.
 */
export interface StoredExpertHit {
  person: StoredEntity;
  score: number;
  articleCount: number;
  roleCounts: { role: string; count: number }[];
  organizations: StoredEntity[];
  quotes: StoredQuote[];
}

/**
 * Hits stored in full (expertHits): the API's default page. Neo4j reads a list property whole,
 * and all 100 hits with their quotes are about 300 KB on a busy subject; larger pages read the
 * stored ranking and then the graph.
 */
export const STORED_HITS = LIMITS.defaultPageSize;

/**
 * Quotes stored per expert hit: ExpertHit.quotes' default page. A request for more quotes than
 * this (when the hit has more) reads them from the graph instead.
 */
export const STORED_QUOTES = 5;
