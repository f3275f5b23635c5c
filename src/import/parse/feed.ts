import { XMLParser, XMLValidator } from 'fast-xml-parser';
import type { Built } from './article';
import { buildArticle } from './article';
import { takeByline } from './byline';
import { readContent } from './content';
import { parseByline } from './credits';
import { BEIJING, toIsoDate } from './date';
import { loadHtml, removeJunk } from './dom';
import { collapseText } from './text';

/** RSS 2.0, RSS 1.0 (RDF) or Atom: the root element, after any XML declaration, comments or doctype. */
export function isFeed(text: string): boolean {
  const head = text
    .slice(0, 4096)
    // A DOCTYPE may carry an internal subset ([...] with entity declarations): skip it whole. Its
    // entities are never expanded: each item is parsed on its own, without the DOCTYPE.
    .replace(/<\?[\s\S]*?\?>|<!--[\s\S]*?-->|<!DOCTYPE[^[>]*(\[[\s\S]*?\])?\s*>/gi, '')
    .trimStart();
  return /^<(rss|feed|rdf:RDF)[\s>]/i.test(head);
}

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  textNodeName: '#text',
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  htmlEntities: true,
});

type Node = Record<string, unknown>;

/** Text of an XML value: a plain string, `{ '#text': ... }` (element with attributes), or the first of a list. */
function text(value: unknown): string | null {
  if (typeof value === 'string') return value.trim() || null;
  if (typeof value === 'number') return String(value);
  if (Array.isArray(value)) return text(value[0]);
  if (value && typeof value === 'object') return text((value as Node)['#text']);
  return null;
}

function list(value: unknown): unknown[] {
  return Array.isArray(value) ? value : value === undefined || value === null ? [] : [value];
}

/** RSS `<link>` text, Atom `<link rel="alternate" href>`, or a permalink `<guid>`. */
function itemLink(item: Node): string | null {
  for (const link of list(item.link)) {
    if (typeof link === 'string' && link.trim()) return link.trim();
    if (link && typeof link === 'object') {
      const l = link as Node;
      const rel = (l['@_rel'] as string | undefined) ?? 'alternate';
      if (rel === 'alternate' && typeof l['@_href'] === 'string') return l['@_href'];
      if (typeof l['#text'] === 'string') return l['#text'];
    }
  }
  const guid = item.guid;
  const permalink = !(guid && typeof guid === 'object' && (guid as Node)['@_isPermaLink'] === 'false');
  const guidText = text(guid);
  return permalink && guidText && /^https?:\/\//i.test(guidText) ? guidText : null;
}

/** dc:creator, RSS author ("mail@x.com (Name)") or Atom author/name. */
function itemAuthors(item: Node): string[] {
  const names: string[] = [];
  for (const value of [...list(item['dc:creator']), ...list(item.author)]) {
    const raw =
      value && typeof value === 'object' && 'name' in (value as Node)
        ? text((value as Node).name)
        : text(value);
    if (!raw) continue;
    const mail = /^\S+@\S+\s*\((.+)\)$/.exec(raw);
    if (/^\S+@\S+$/.test(raw)) continue;
    names.push(...parseByline(mail ? mail[1] : raw));
  }
  return names;
}

/**
 * One article per item/entry, each parsed on its own so that one malformed or incomplete item gives an error
 * for that item (`file#item-N`, N from 1 in document order) while the others still import. Items are cut at
 * their opening tags, so an item that lost its closing tag cannot swallow the next one.
 */
export function parseFeed(source: string, xml: string): Array<{ source: string; built: Built }> {
  const tag = /<entry[\s>]/.test(xml) && !/<item[\s>]/.test(xml) ? 'entry' : 'item';
  const opening = new RegExp(`<${tag}[\\s>]`, 'g');
  const starts = [...xml.matchAll(opening)].map((m) => m.index ?? 0);
  if (starts.length === 0) return [{ source, built: { error: 'feed has no items' } }];
  return starts.map((start, i) => {
    const itemSource = `${source}#item-${i + 1}`;
    const region = xml.slice(start, starts[i + 1] ?? xml.length);
    const close = region.lastIndexOf(`</${tag}>`);
    if (close < 0)
      return { source: itemSource, built: { error: `feed ${tag} is truncated (no closing </${tag}>)` } };
    return { source: itemSource, built: parseItem(itemSource, tag, region.slice(0, close + tag.length + 3)) };
  });
}

function parseItem(source: string, tag: string, chunk: string): Built {
  const valid = XMLValidator.validate(chunk);
  if (valid !== true) return { error: `malformed feed ${tag}: ${valid.err.msg} (line ${valid.err.line})` };
  const item = (parser.parse(chunk) as Node)[tag] as Node | undefined;
  if (!item || typeof item !== 'object') return { error: `empty feed ${tag}` };

  const url = itemLink(item);
  const rawTitle = text(item.title);
  const title = rawTitle ? collapseText(loadHtml(rawTitle).root().text()) : null;
  const isCn = url ? /^https?:\/\/cn\.nytimes\.com\//i.test(url) : false;
  const zoneless = isCn ? BEIJING : '+00:00';
  const date = text(item.pubDate) ?? text(item['dc:date']) ?? text(item.published) ?? text(item.updated);
  const html =
    text(item['content:encoded']) ?? text(item.content) ?? text(item.description) ?? text(item.summary) ?? '';

  const $ = loadHtml(html);
  removeJunk($);
  const root = $.root().get(0)!;
  const byline = takeByline(root, zoneless);
  const content = readContent(root, url ?? undefined);
  const authors = itemAuthors(item);
  return buildArticle({
    source,
    url,
    title,
    publishedAt: toIsoDate(date, zoneless) ?? byline.publishedAt,
    dateText: date,
    authors: authors.length > 0 ? authors : byline.authors,
    section: text(item.category),
    ...content,
  });
}
