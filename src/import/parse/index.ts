import type { ImportError, ParsedArticle } from '../../model/article';
import type { Built } from './article';
import { decodeBytes } from './decode';
import { isFeed, parseFeed } from './feed';
import { isHtmlPage, parsePage } from './page';
import { isSeedLayout, parseSeed } from './seed';
import { fallbackIdentity } from './url';

export interface ParseResult {
  articles: ParsedArticle[];
  errors: ImportError[];
  /** Articles imported with a caveat, e.g. a page with no URL of its own, imported under its file's URL. */
  warnings: ImportError[];
}

export interface ParseInput {
  source: string;
  bytes: Buffer;
  /** The URL of an HTML page (`import --url`): its identity, whatever the page says. */
  url?: string;
}

/**
 * Parses one input into articles. The format is read from the content, never the file name: seed layout
 * (`<!--ms-->` + `[title](url)` + `------` + HTML), an RSS/Atom feed (one article per item), or an HTML
 * article page. Never throws: every problem becomes an ImportError for this input (or this feed item).
 */
export function parseInput(input: ParseInput): ParseResult {
  const { source } = input;
  const decoded = decodeBytes(input.bytes);
  if ('error' in decoded) return { articles: [], errors: [{ source, message: decoded.error }], warnings: [] };
  // Leading blank lines would hide the seed header, which is recognised by its first line.
  const text = decoded.text
    .replace(/^\ufeff/, '')
    .replace(/\r\n?/g, '\n')
    .replace(/^\s+/, '');
  try {
    if (isSeedLayout(text)) return fromBuilt([{ source, built: parseSeed(source, text) }]);
    if (isFeed(text)) return fromBuilt(parseFeed(source, text));
    if (isHtmlPage(text)) {
      const identity = { url: input.url ?? null, fallbackUrl: fallbackIdentity(source, input.bytes) };
      return fromBuilt([{ source, built: parsePage(source, text, identity) }]);
    }
  } catch (err) {
    return {
      articles: [],
      errors: [{ source, message: `parse failed: ${(err as Error).message}` }],
      warnings: [],
    };
  }
  return {
    articles: [],
    warnings: [],
    errors: [{ source, message: 'unknown format: not a seed article, an RSS/Atom feed or an HTML page' }],
  };
}

function fromBuilt(results: Array<{ source: string; built: Built }>): ParseResult {
  const out: ParseResult = { articles: [], errors: [], warnings: [] };
  for (const { source, built } of results) {
    if ('article' in built) {
      out.articles.push(built.article);
      if (built.warning) out.warnings.push({ source, message: built.warning });
    } else out.errors.push({ source, message: built.error });
  }
  return out;
}
