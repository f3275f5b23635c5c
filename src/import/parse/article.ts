import type { ArticleImage, ArticleLink, ParsedArticle } from '../../model/article';
import type { Content } from './content';
import { collapseText, countWords, detectLanguage } from './text';
import { canonicalUrl } from '../../graph/url';
import { sectionFromUrl } from './url';

export interface ArticleParts extends Content {
  source: string;
  url: string | null;
  title: string | null;
  publishedAt: string | null;
  fetchedAt?: string | null;
  authors: string[];
  /** A section the page states (JSON-LD articleSection); the URL path wins when it has one. */
  section?: string | null;
  /** The identity to use when the page names no URL (`--url`, or the file's URL); a warning says so. */
  fallbackUrl?: string | null;
  /** The publication date as the input states it, to warn when it does not parse. */
  dateText?: string | null;
}

/** An article (with warnings about what was dropped or doubtful in it), or why there is none. */
export type Built = { article: ParsedArticle; warnings?: string[] } | { error: string };

/** Longest title and person name accepted; env MAX_TITLE_CHARS and MAX_NAME_CHARS. */
export const FIELD_LIMITS = {
  titleChars: positiveFromEnv('MAX_TITLE_CHARS', 1000),
  nameChars: positiveFromEnv('MAX_NAME_CHARS', 200),
};

function positiveFromEnv(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isSafeInteger(value) || value <= 0)
    throw new Error(`${name} must be a positive integer, got "${raw}"`);
  return value;
}

function dedupeBy<T>(items: T[], key: (item: T) => string): T[] {
  const seen = new Set<string>();
  return items.filter((item) => {
    const k = key(item);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

/**
 * The last step of every format: identity checks and derived fields. An article needs a URL (its identity)
 * and a title; the error names what is missing.
 */
export function buildArticle(parts: ArticleParts): Built {
  const named = parts.url ? canonicalUrl(parts.url) : null;
  const title = collapseText(parts.title ?? '');
  if (!named && !title) return { error: 'no URL and no title found: not an article' };
  if (!named && !parts.fallbackUrl) return { error: `no article URL found (title: "${title.slice(0, 80)}")` };
  const url = named ?? parts.fallbackUrl!;
  const warnings: string[] = [];
  if (!named)
    warnings.push(
      `no article URL found (no canonical link, og:url or JSON-LD url): imported as ${url}; pass --url to name it`,
    );
  if (!title) return { error: `no title found (url: ${url})` };
  if (title.length > FIELD_LIMITS.titleChars) {
    return {
      error: `title has ${title.length} characters, over the limit of ${FIELD_LIMITS.titleChars} (MAX_TITLE_CHARS)`,
    };
  }
  const names = (list: string[], role: string): string[] => {
    const kept = [...new Set(list)].filter((name) => name.length <= FIELD_LIMITS.nameChars);
    const dropped = new Set(list).size - kept.length;
    if (dropped > 0) {
      warnings.push(
        `${dropped} ${role} name(s) over ${FIELD_LIMITS.nameChars} characters dropped (MAX_NAME_CHARS)`,
      );
    }
    return kept;
  };
  const paragraphs = parts.paragraphs.filter((p) => p !== '');
  const body = paragraphs.join('\n');
  if (paragraphs.length === 0) warnings.push('no body text found: only the header was imported');
  if (parts.dateText && !parts.publishedAt) {
    warnings.push(`publication date "${parts.dateText.slice(0, 80)}" does not parse: publishedAt left empty`);
  }
  return {
    ...(warnings.length > 0 ? { warnings } : {}),
    article: {
      source: parts.source,
      url,
      title,
      language: detectLanguage(`${title}\n${body}`),
      publishedAt: parts.publishedAt,
      fetchedAt: parts.fetchedAt ?? null,
      section: sectionFromUrl(url) ?? (parts.section ? collapseText(parts.section).toLowerCase() : null),
      paragraphs,
      wordCount: countWords(body),
      authors: names(parts.authors, 'author'),
      contributors: names(parts.contributors, 'contributor'),
      translators: names(parts.translators, 'translator'),
      images: dedupeBy<ArticleImage>(parts.images, (img) => img.url),
      links: dedupeBy<ArticleLink>(parts.links, (link) => `${link.kind} ${link.url}`),
    },
  };
}
