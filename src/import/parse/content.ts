import type { AnyNode, Element } from 'domhandler';
import type { ArticleImage, ArticleLink } from '../../model/article';
import { parseContributors, parseImageCredit, parseTranslators } from './credits';
import { type Doc, textOf } from './dom';
import { collapseText } from './text';
import { canonicalUrl, classifyLink, unwrapImageProxy, unwrapLinkWrapper } from './url';

export interface Content {
  paragraphs: string[];
  images: ArticleImage[];
  links: ArticleLink[];
  contributors: string[];
  translators: string[];
}

/** Anchors that point to the English original; in the old layout they share a paragraph with the credits. */
const TRANSLATION_ANCHOR = /(本文英文版|英文原文|read in english|english version)/i;
/** An author biography with a "more about him/her" link, as the 2024 footer has it. */
const BIO_LINK = /(点击查看更多关于(他|她|他们)的信息|more about (him|her|them))/;

const BLOCKS = 'p, h2, h3, h4, h5, h6, li, blockquote, pre, dd, .article-paragraph';

/**
 * Reads the body of an article from `root` (already cleaned of junk): images with captions and credits,
 * plain-text paragraphs, credit lines (contributors, translators) and links. Footers and credit paragraphs
 * feed the credits and links but never the paragraphs.
 */
export function readContent($: Doc, root: AnyNode, baseUrl: string | undefined): Content {
  const scope = $(root);
  const images = readImages($, scope, baseUrl);
  const links = readLinks($, scope, baseUrl);
  const contributors: string[] = [];
  const translators: string[] = [];
  const paragraphs: string[] = [];

  const blocks = scope.find(BLOCKS).filter((_, el) => $(el).parents(BLOCKS).length === 0);
  const blockList = blocks.toArray();
  const source = blockList.length > 0 ? blockList : [root];
  for (const block of source) {
    const inFooter = block !== root && $(block).closest('footer').length > 0;
    const lines = textOf(block).split('\n');
    const credit = readCredits($, block, lines);
    contributors.push(...credit.contributors);
    translators.push(...credit.translators);
    if (inFooter || credit.isCredit) continue;
    const text = lines.join('\n');
    if (text !== '') paragraphs.push(text);
  }
  return {
    paragraphs,
    images,
    links,
    contributors: unique(contributors),
    translators: unique(translators),
  };
}

function unique(values: string[]): string[] {
  return [...new Set(values)];
}

interface BlockCredits {
  isCredit: boolean;
  contributors: string[];
  translators: string[];
}

/**
 * A block is a credit block when one of its lines is a translator credit, the English-version link, a
 * contributor credit, or an author bio with its profile link; the old layout packs all of them into the last
 * `<p>`, separated by `<br/>`, so the whole block is then credits, bio included.
 */
function readCredits($: Doc, block: AnyNode, lines: string[]): BlockCredits {
  const contributors: string[] = [];
  const translators: string[] = [];
  let isCredit = false;
  for (const line of lines) {
    const names = parseTranslators(line);
    if (names) {
      translators.push(...names);
      isCredit = true;
      continue;
    }
    // Contributor credits are sentences of their own, sometimes after a "X自墨尔本报道。" sentence. An English
    // full stop ends a sentence only after a word, not after an initial ("Julian E. Barnes").
    for (const sentence of line.split(/(?<=[。！？]|[a-z]{2}\.)\s*/)) {
      if (!/贡献|contributed/i.test(sentence)) continue;
      const found = parseContributors(sentence);
      if (found.length > 0) {
        contributors.push(...found);
        isCredit = true;
      }
    }
  }
  const anchors = $(block).find('a').toArray();
  if (anchors.some((a) => TRANSLATION_ANCHOR.test($(a).text()) || BIO_LINK.test($(a).text())))
    isCredit = true;
  return { isCredit, contributors, translators };
}

function imageSource($: Doc, img: Element): string | undefined {
  const $img = $(img);
  const src = $img.attr('src') ?? '';
  // Lazy-loading pages put a placeholder (data: URI, 1px gif) in src and the real image in data-src.
  return !src || src.startsWith('data:') ? ($img.attr('data-src') ?? $img.attr('data-original')) : src;
}

function imageUrl(raw: string | undefined, baseUrl: string | undefined): string | null {
  if (!raw) return null;
  return canonicalUrl(unwrapImageProxy(raw.trim()), baseUrl);
}

/**
 * Images and their captions, removed from the tree afterwards so captions never reach the paragraphs:
 * `<figure><img><figcaption>caption <cite>credit</cite></figcaption></figure>` (2024 layout and most pages),
 * `<img><div><small>caption</small></div>` (2020 layout) and `<p><img><small>caption</small></p>`.
 */
function readImages($: Doc, scope: ReturnType<Doc>, baseUrl: string | undefined): ArticleImage[] {
  const images: ArticleImage[] = [];
  const consumed: AnyNode[] = [];
  scope.find('img, figure').each((_, el) => {
    if (el.name === 'figure') {
      const $fig = $(el);
      const img = $fig.find('img').get(0);
      const url = img ? imageUrl(imageSource($, img), baseUrl) : null;
      const cite = $fig.find('figcaption cite, figcaption .credit, figcaption [itemprop="copyrightHolder"]');
      const credit = collapseText(cite.text()) || null;
      const caption = $fig.find('figcaption').clone();
      caption.find('cite, .credit, [itemprop="copyrightHolder"]').remove();
      if (url) images.push(makeImage(url, collapseText(caption.text()) || null, credit));
      consumed.push(el);
      return;
    }
    if ($(el).parents('figure').length > 0) return;
    const url = imageUrl(imageSource($, el), baseUrl);
    const captionEl = captionAfter($, el);
    const caption = captionEl ? collapseText($(captionEl).text()) || null : null;
    if (captionEl) consumed.push(captionEl);
    consumed.push(el);
    if (url) images.push(makeImage(url, caption, null));
  });
  for (const node of consumed) $(node).remove();
  return images;
}

/** The `<small>` that follows an image, directly or wrapped in a `<div>` of its own. */
function captionAfter($: Doc, img: Element): AnyNode | null {
  let next = img.next;
  while (next && next.type === 'text' && (next as unknown as { data: string }).data.trim() === '')
    next = next.next;
  if (!next || next.type !== 'tag') return null;
  const el = next as Element;
  if (el.name === 'small' || el.name === 'figcaption') return el;
  if (el.name === 'div') {
    const children = el.children.filter((c) => c.type === 'tag');
    if (children.length === 1 && (children[0] as Element).name === 'small' && !hasOwnText(el)) return el;
  }
  return null;
}

function hasOwnText(el: Element): boolean {
  return el.children.some((c) => c.type === 'text' && (c as unknown as { data: string }).data.trim() !== '');
}

function makeImage(url: string, caption: string | null, credit: string | null): ArticleImage {
  const { photographer, agency } = parseImageCredit(credit);
  return { url, caption, credit, photographer, agency };
}

/** Every http(s) link with its anchor text; javascript:, mailto: and the like are dropped by canonicalUrl. */
function readLinks($: Doc, scope: ReturnType<Doc>, baseUrl: string | undefined): ArticleLink[] {
  const links: ArticleLink[] = [];
  const seen = new Set<string>();
  scope.find('a[href]').each((_, a) => {
    const href = $(a).attr('href') ?? '';
    const url = canonicalUrl(unwrapLinkWrapper(href), baseUrl);
    if (!url) return;
    const text = collapseText($(a).text());
    if (text === '') return;
    const kind = classifyLink(url, text);
    const key = `${kind} ${url}`;
    if (seen.has(key)) return;
    seen.add(key);
    links.push({ url, text, kind });
  });
  return links;
}
