import type { ImportError, ParsedArticle } from '../../model/article';
import type { Built } from './article';
import { decodeBytes } from './decode';
import { isFeed, parseFeed } from './feed';
import { isHtmlPage, parsePage } from './page';
import { isSeedLayout, parseSeed } from './seed';

export interface ParseResult {
  articles: ParsedArticle[];
  errors: ImportError[];
}

/**
 * Parses one input into articles. The format is read from the content, never the file name: seed layout
 * (`<!--ms-->` + `[title](url)` + `------` + HTML), an RSS/Atom feed (one article per item), or an HTML
 * article page. Never throws: every problem becomes an ImportError for this input (or this feed item).
 */
export function parseInput(input: { source: string; bytes: Buffer }): ParseResult {
  const { source } = input;
  const decoded = decodeBytes(input.bytes);
  if ('error' in decoded) return { articles: [], errors: [{ source, message: decoded.error }] };
  // Leading blank lines would hide the seed header, which is recognised by its first line.
  const text = decoded.text
    .replace(/^\ufeff/, '')
    .replace(/\r\n?/g, '\n')
    .replace(/^\s+/, '');
  try {
    if (isSeedLayout(text)) return fromBuilt([{ source, built: parseSeed(source, text) }]);
    if (isFeed(text)) return fromBuilt(parseFeed(source, text));
    if (isHtmlPage(text)) return fromBuilt([{ source, built: parsePage(source, text) }]);
  } catch (err) {
    return { articles: [], errors: [{ source, message: `parse failed: ${(err as Error).message}` }] };
  }
  return {
    articles: [],
    errors: [{ source, message: 'unknown format: not a seed article, an RSS/Atom feed or an HTML page' }],
  };
}

function fromBuilt(results: Array<{ source: string; built: Built }>): ParseResult {
  const out: ParseResult = { articles: [], errors: [] };
  for (const { source, built } of results) {
    if ('article' in built) out.articles.push(built.article);
    else out.errors.push({ source, message: built.error });
  }
  return out;
}
