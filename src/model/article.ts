/**
 * The one typed document that flows through the importer:
 *
 *   parse -> extract -> resolve -> write
 *
 * `parse` fills the fields it can read from the file (ParsedArticle); `extract` adds what
 * it finds in the text (Extraction); `resolve` maps extracted names onto canonical graph
 * keys (ResolvedArticle); `write` stores a ResolvedArticle idempotently.
 * The JSON of `import --dry-run --json` is this document, so its shape is a public contract.
 */

export type Language = 'zh' | 'en';

export type LinkKind = 'article' | 'translation' | 'profile' | 'external';

export interface ArticleLink {
  /** Canonical URL (see src/graph/url.ts). */
  url: string;
  /** Anchor text, whitespace-collapsed. */
  text: string;
  kind: LinkKind;
}

export interface ArticleImage {
  /** Canonical URL with image proxies unwrapped. */
  url: string;
  caption: string | null;
  /** The raw credit line, e.g. "Mikhail Metzel/Sputnik". */
  credit: string | null;
  /** Photographer (a person) from the credit, if any. */
  photographer: string | null;
  /** Agency or organization from the credit, if any. */
  agency: string | null;
}

/** What the parse stage reads from one input. */
export interface ParsedArticle {
  /** Where it came from: file path, `file#item-N` for feed items, or `-` for stdin. */
  source: string;
  /** Canonical URL: the article's identity in the graph. */
  url: string;
  title: string;
  language: Language;
  /** ISO-8601 with offset, e.g. 2024-05-20T09:02:29+08:00, or null when unknown. */
  publishedAt: string | null;
  /**
   * When this copy was fetched (ISO-8601), e.g. the seed layout's `<!--ms timestamp-->` line.
   * Two copies of one URL resolve to the later fetch, whatever the import order.
   */
  fetchedAt?: string | null;
  /** From the URL path (world, business, china, ...), or null. */
  section: string | null;
  /** Plain-text paragraphs of the body, in order (no captions, no credits, no navigation). */
  paragraphs: string[];
  /** Chinese characters count one each; other text counts words. */
  wordCount: number;
  authors: string[];
  contributors: string[];
  translators: string[];
  images: ArticleImage[];
  links: ArticleLink[];
}

export interface NamedEntity {
  /** Canonical display name. */
  name: string;
  /** Other names seen for the same entity (English names, short forms, full names). */
  aliases: string[];
  /** How often the entity is mentioned in the article (>= 1). */
  mentions: number;
}

export interface Quote {
  /** Canonical name of the speaker (a person, or an organization for 据…/according to). */
  speaker: string;
  text: string;
}

export interface Affiliation {
  person: string;
  /** An organization, or a place for offices such as 德国总理 (Germany's chancellor). */
  organization: string;
  /** e.g. 中国外交政策专家, senior fellow, 总理; null when only membership is known. */
  role: string | null;
  /** Whether `organization` is a Place rather than an Organization. */
  organizationIsPlace?: boolean;
}

export interface Expert {
  person: string;
  role: string;
  organization: string | null;
  /** The quote that makes this person an expert in this article. */
  quote: string | null;
}

export interface TopicWeight {
  /** Normalized topic name (one node per topic across the corpus). */
  name: string;
  weight: number;
}

/** What the extract stage adds. */
export interface Extraction {
  persons: NamedEntity[];
  organizations: NamedEntity[];
  places: NamedEntity[];
  quotes: Quote[];
  affiliations: Affiliation[];
  experts: Expert[];
  topics: TopicWeight[];
}

/** What the importer records about the alias memory an article was extracted with. */
export interface MemoryFacts {
  /** The names this article teaches on its own (see src/import/resolve/memory.ts). */
  taught?: AliasMemoryEntry[];
  /** Digest of the memory entries that can affect this article's extraction. */
  extractionKey?: string;
}

export type ExtractedArticle = ParsedArticle & Extraction & MemoryFacts;

/** Entity kinds stored in the graph, with their node labels. */
export type EntityKind = 'Person' | 'Organization' | 'Place' | 'Topic';

/**
 * Names learned with confidence in some article, stored in the graph and used when
 * extracting every other article (e.g. 白明 <-> Jude Blanchette).
 */
export interface AliasMemoryEntry {
  kind: Exclude<EntityKind, 'Topic'>;
  /** Canonical name. */
  name: string;
  aliases: string[];
}

export interface AliasMemory {
  entries: AliasMemoryEntry[];
}

/** A per-input failure; one bad input never aborts a batch. */
export interface ImportError {
  source: string;
  message: string;
}
