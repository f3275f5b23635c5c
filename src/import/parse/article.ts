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
}

export type Built = { article: ParsedArticle; warning?: string } | { error: string };

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
  const warning = named
    ? undefined
    : `no article URL found (no canonical link, og:url or JSON-LD url): imported as ${url}; pass --url to name it`;
  if (!title) return { error: `no title found (url: ${url})` };
  const paragraphs = parts.paragraphs.filter((p) => p !== '');
  const body = paragraphs.join('\n');
  return {
    ...(warning ? { warning } : {}),
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
      authors: [...new Set(parts.authors)],
      contributors: [...new Set(parts.contributors)],
      translators: [...new Set(parts.translators)],
      images: dedupeBy<ArticleImage>(parts.images, (img) => img.url),
      links: dedupeBy<ArticleLink>(parts.links, (link) => `${link.kind} ${link.url}`),
    },
  };
}
