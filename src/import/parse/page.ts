import type { AnyNode } from 'domhandler';
import type { ArticleImage } from '../../model/article';
import type { Built } from './article';
import type { Content } from './content';
import { buildArticle } from './article';
import { takeByline } from './byline';
import { readContent } from './content';
import { bylineNames, parseImageCredit } from './credits';
import { BEIJING, toIsoDate } from './date';
import { type Doc, loadHtml, removeJunk, removeNode, walkElements } from './dom';
import { type Readable, readArticle } from './readable';
import { collapseText } from './text';
import { canonicalUrl } from '../../graph/url';
import { unwrapImageProxy } from './url';

/** Any HTML document or fragment with markup we can read an article from. */
export function isHtmlPage(text: string): boolean {
  return /<(!doctype html|html|head|body|article|main|meta|title|h1|p|div|section)[\s>]/i.test(
    text.slice(0, 65536),
  );
}

/** `<title>` often ends in the site name: "Headline - 纽约时报中文网", "Headline - The New York Times". */
const SITE_SUFFIX = /\s+[-|–—]\s+(纽约时报中文网|紐約時報中文網|The New York Times|NYTimes\.com)$/i;

/** The JSON-LD fields we read; everything else in the object is ignored. */
interface NewsArticleLd {
  headline?: unknown;
  name?: unknown;
  url?: unknown;
  mainEntityOfPage?: unknown;
  datePublished?: unknown;
  dateCreated?: unknown;
  author?: unknown;
  image?: unknown;
  articleSection?: unknown;
}

const ARTICLE_TYPES =
  /^(NewsArticle|Article|ReportageNewsArticle|AnalysisNewsArticle|OpinionNewsArticle|BlogPosting)$/;

function isArticleLd(value: unknown): value is NewsArticleLd {
  if (typeof value !== 'object' || value === null) return false;
  const type = (value as { '@type'?: unknown })['@type'];
  const types = Array.isArray(type) ? type : [type];
  return types.some((t) => typeof t === 'string' && ARTICLE_TYPES.test(t));
}

/** Finds the first article object in the page's JSON-LD blocks (top level, arrays or `@graph`). */
function readJsonLd($: Doc): NewsArticleLd | null {
  for (const el of $('script[type="application/ld+json"]').toArray()) {
    let data: unknown;
    try {
      // Some sites wrap the block in CDATA or an HTML comment, as Readability also tolerates.
      const text = $(el)
        .text()
        .replace(/^\s*(?:<!\[CDATA\[|<!--)|(?:\]\]>|-->)\s*$/g, '');
      data = JSON.parse(text);
    } catch {
      continue; // One malformed block must not hide the rest of the page.
    }
    const queue: unknown[] = [data];
    while (queue.length > 0) {
      const item = queue.shift();
      if (Array.isArray(item)) queue.push(...item);
      else if (isArticleLd(item)) return item;
      else if (item && typeof item === 'object' && '@graph' in item)
        queue.push((item as { '@graph': unknown })['@graph']);
    }
  }
  return null;
}

function str(value: unknown): string | null {
  if (typeof value === 'string') return value.trim() || null;
  if (Array.isArray(value)) return str(value[0]);
  if (value && typeof value === 'object') {
    const obj = value as { '@id'?: unknown; url?: unknown; name?: unknown };
    return str(obj.url) ?? str(obj['@id']) ?? str(obj.name);
  }
  return null;
}

function ldAuthors(value: unknown): string[] {
  const list = Array.isArray(value) ? value : value ? [value] : [];
  return list.flatMap((a) => {
    if (a && typeof a === 'object') {
      const type = (a as { '@type'?: unknown })['@type'];
      // A newsroom credited as author (BBC News, "Organization") is not a person.
      if (typeof type === 'string' && /organi[sz]ation|corporation|newsmedia/i.test(type)) return [];
    }
    const name =
      typeof a === 'string' ? a : a && typeof a === 'object' ? str((a as { name?: unknown }).name) : null;
    return name ? bylineNames(name) : [];
  });
}

function ldImages(value: unknown, base: string | undefined): ArticleImage[] {
  const list = Array.isArray(value) ? value : value ? [value] : [];
  const images: ArticleImage[] = [];
  for (const item of list) {
    const raw = str(item);
    const url = raw ? canonicalUrl(unwrapImageProxy(raw), base) : null;
    if (!url) continue;
    const obj = item && typeof item === 'object' ? (item as { caption?: unknown; creditText?: unknown }) : {};
    const credit = str(obj.creditText);
    images.push({ url, caption: str(obj.caption), credit, ...parseImageCredit(credit) });
  }
  return images;
}

function meta($: Doc, ...names: string[]): string | null {
  for (const name of names) {
    const value = $(`meta[property="${name}"], meta[name="${name}"], meta[itemprop="${name}"]`).attr(
      'content',
    );
    if (value && value.trim()) return value.trim();
  }
  return null;
}

/**
 * Where the article is, most specific first. The container must hold the lead figure and the credits footer
 * as well as the paragraphs, so cn.nytimes.com's `.article-area` comes before its `.article-body`.
 */
const BODY_SELECTORS = [
  'article',
  '[itemprop="articleBody"]',
  '.article-area',
  '.article-content',
  '#story',
  '.article-body',
  '#story-body',
  'main',
  'body',
];

/**
 * An HTML article page (cn.nytimes.com, or any page with JSON-LD NewsArticle / Open Graph meta). Metadata
 * comes from JSON-LD first, then Open Graph/article meta, then the visible markup; the body from the most
 * specific article container found.
 */
export function parsePage(
  source: string,
  html: string,
  identity: { url?: string | null; fallbackUrl?: string | null } = {},
): Built {
  const $ = loadHtml(html);
  const ld = readJsonLd($); // before removeJunk, which drops every <script>
  const url =
    identity.url ??
    str(ld?.url) ??
    str(ld?.mainEntityOfPage) ??
    meta($, 'og:url') ??
    $('link[rel="canonical"]').attr('href') ??
    null;
  const isCn = url ? /(^|\.)cn\.nytimes\.com$/i.test(safeHost(url)) : false;
  // cn.nytimes.com pages keep their own layout rules; any other page goes through Readability first.
  const readable = isCn ? null : readArticle(html);
  const title =
    readable?.title ||
    str(ld?.headline) ||
    meta($, 'og:title', 'twitter:title') ||
    collapseText($('h1').first().text()) ||
    collapseText($('title').first().text()).replace(SITE_SUFFIX, '');
  // Zoneless dates: cn.nytimes.com prints Beijing time; elsewhere UTC is the least surprising guess.
  const zoneless = isCn ? BEIJING : '+00:00';
  const ldDate = str(ld?.datePublished) ?? str(ld?.dateCreated);
  const metaDate = meta($, 'article:published_time', 'datePublished', 'pubdate', 'publishdate', 'date');
  let publishedAt =
    toIsoDate(ldDate, zoneless) ??
    toIsoDate(metaDate, zoneless) ??
    toIsoDate(readable?.publishedTime, zoneless);
  let authors = ldAuthors(ld?.author);
  if (authors.length === 0) {
    // article:author is an Open Graph property; as a `name` it is some sites' own (and often another
    // writer's: a columnist's page tag), so only the property form counts, as in Readability.
    const byline =
      meta($, 'byline', 'author', 'parsely-author', 'dc.creator', 'DC.creator') ??
      ($('meta[property="article:author"]').attr('content') || null);
    if (byline && !/^https?:/i.test(byline)) authors = bylineNames(byline);
  }
  // Readability's byline (rel=author, itemprop=author, byline classes near the article) before a page-wide
  // search, which may find comment bylines.
  if (authors.length === 0) authors = bylineNames(readable?.byline);
  if (authors.length === 0) authors = visibleAuthors($);

  const section = str(ld?.articleSection) ?? meta($, 'article:section');
  const ogImage = meta($, 'og:image');
  removeJunk($);
  // The visible byline may sit outside the body container (in the page header), so it is read page-wide.
  const byline = takeByline($.root().get(0)!, zoneless);
  if (authors.length === 0) authors = byline.authors;
  publishedAt ??= byline.publishedAt ?? toIsoDate($('time[datetime]').first().attr('datetime'), zoneless);
  const base = url ?? undefined;
  const content = readBody($, readable, base);
  const fallbackImages = [...ldImages(ld?.image, base)];
  const ogUrl = ogImage ? canonicalUrl(unwrapImageProxy(ogImage), base) : null;
  if (ogUrl)
    fallbackImages.push({ url: ogUrl, caption: null, credit: null, photographer: null, agency: null });
  return buildArticle({
    source,
    url,
    fallbackUrl: identity.fallbackUrl,
    title: title || null,
    publishedAt,
    dateText: ldDate ?? metaDate,
    authors,
    section,
    ...content,
    // Body images carry captions; metadata images are only used when the body has none.
    images: content.images.length > 0 ? content.images : fallbackImages,
  });
}

/** Readability's body when it found one of some length; else the most specific article container. */
function readBody($: Doc, readable: Readable | null, base: string | undefined): Content {
  if (readable && readable.words >= MIN_READABLE_WORDS) {
    const body = loadHtml(readable.content);
    const root = body.root().get(0)!;
    removeHeadings(root);
    const content = readContent(root, base);
    if (content.paragraphs.length > 0) return content;
  }
  const root: AnyNode =
    BODY_SELECTORS.map((sel) => $(sel).get(0)).find((el) => el !== undefined) ?? $.root().get(0)!;
  removeHeadings(root);
  return readContent(root, base);
}

/** Below this, Readability has found a teaser or a login box rather than the article. */
const MIN_READABLE_WORDS = 25;

/**
 * Author names marked up in the page (metascraper's conventions): schema.org `itemprop=author` (its `name`
 * part when it has one), `rel=author` links, hCard `.author .fn` / `.vcard .fn`, and `.byline` blocks.
 */
const AUTHOR_SELECTORS = [
  '[itemprop="author"] [itemprop="name"]',
  '[itemprop="author"]',
  'a[rel="author"]',
  '.author .fn, .vcard .fn, .byline .fn',
  '.byline-name, .byline__name, .author-name, .byline a[href*="/author"], .byline',
];

function visibleAuthors($: Doc): string[] {
  for (const sel of AUTHOR_SELECTORS) {
    for (const el of $(sel).toArray().slice(0, 5)) {
      const node = $(el);
      const text = node.is('meta') ? (node.attr('content') ?? '') : (node.attr('content') ?? node.text());
      const names = bylineNames(text);
      if (names.length > 0) return names;
    }
  }
  return [];
}

/**
 * Drops headline and byline elements from the body. A DOM walk rather than cheerio's `find`,
 * which takes every child of the body as a search context and dedupes them in quadratic time
 * (minutes for a page with 100k paragraphs).
 */
function removeHeadings(root: AnyNode): void {
  const doomed: AnyNode[] = [];
  walkElements(root, (el) => {
    const attribs = el.attribs ?? {};
    const heading =
      el.name === 'h1' ||
      el.name === 'header' ||
      (attribs.class ?? '').split(/\s+/).includes('byline') ||
      attribs.itemprop === 'author' ||
      attribs.rel === 'author';
    if (heading) doomed.push(el);
    return !heading;
  });
  for (const node of doomed) removeNode(node);
}

function safeHost(url: string): string {
  try {
    return new URL(url).hostname;
  } catch {
    return '';
  }
}
