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

/** Deepest element nesting parsed; deeper documents are refused before parsing (env MAX_HTML_DEPTH). */
export const MAX_HTML_DEPTH =
  Number(process.env.MAX_HTML_DEPTH) > 0 ? Number(process.env.MAX_HTML_DEPTH) : 2000;

const VOID_ELEMENTS = new Set(
  'area base br col embed hr img input link meta param source track wbr'.split(' '),
);

/**
 * How deep the markup nests, counted in one linear pass over the tags (comments, scripts and
 * self-closing tags aside); stops counting past `limit`. An over-estimate where end tags are left
 * out, which real pages keep far below the limit.
 */
export function markupDepth(text: string, limit: number): number {
  const tag = /<!--[\s\S]*?-->|<(script|style)\b[\s\S]*?<\/\1\s*>|<(\/?)([a-zA-Z][\w:-]*)[^>]*?(\/?)>/gi;
  let depth = 0;
  let max = 0;
  for (let m = tag.exec(text); m; m = tag.exec(text)) {
    const name = m[3]?.toLowerCase();
    if (!name || VOID_ELEMENTS.has(name) || m[4] === '/') continue;
    if (m[2] === '/') depth = Math.max(0, depth - 1);
    else if ((max = Math.max(max, ++depth)) > limit) return max;
  }
  return max;
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
  const depth = markupDepth(text, MAX_HTML_DEPTH);
  if (depth > MAX_HTML_DEPTH) {
    return {
      articles: [],
      errors: [
        {
          source,
          message: `markup nests more than ${MAX_HTML_DEPTH} elements deep (MAX_HTML_DEPTH): refused unparsed`,
        },
      ],
      warnings: [],
    };
  }
  try {
    if (isSeedLayout(text)) return fromBuilt([{ source, built: parseSeed(source, text) }]);
    if (isFeed(text)) return fromBuilt(parseFeed(source, text));
    if (isHtmlPage(text)) {
      const identity = { url: input.url ?? null, fallbackUrl: fallbackIdentity(source, input.bytes) };
      return fromBuilt([{ source, built: parsePage(source, text, identity) }]);
    }
  } catch (err) {
    const message =
      err instanceof RangeError
        ? 'the document nests too deeply to parse (stack exhausted)'
        : (err as Error).message;
    return { articles: [], errors: [{ source, message: `parse failed: ${message}` }], warnings: [] };
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
      for (const message of built.warnings ?? []) out.warnings.push({ source, message });
    } else out.errors.push({ source, message: built.error });
  }
  return out;
}
