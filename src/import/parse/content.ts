import type { AnyNode, Element } from 'domhandler';
import type { ArticleImage, ArticleLink } from '../../model/article';
import { parseContributors, parseImageCredit, parseTranslators } from './credits';
import { removeNode, textOf, walkElements } from './dom';
import { collapseText } from './text';
import { canonicalUrl } from '../../graph/url';
import { classifyLink, unwrapImageProxy, unwrapLinkWrapper } from './url';

export interface Content {
  paragraphs: string[];
  images: ArticleImage[];
  links: ArticleLink[];
  contributors: string[];
  translators: string[];
}

/** Anchors that point to the English original; in the old layout they share a paragraph with the credits. */
const TRANSLATION_ANCHOR = /(本文英文版|英文原文|read in english|english version)/i;
/** Translator credits start with one of these (翻译, 編譯, 译者, Translated by). */
const TRANSLATOR_START = /^(翻|编|編|译|譯|translated)/i;
const CONTRIBUTED = /贡献|貢獻|contributed/i;
/** An author biography with a "more about him/her" link, as the 2024 footer has it. */
const BIO_LINK = /(点击查看更多关于(他|她|他们)的信息|more about (him|her|them))/;

/** Elements whose text is one paragraph; the outermost one wins when they nest (a <p> inside an <li>). */
const BLOCKS = new Set(['p', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'blockquote', 'pre', 'dd']);

interface Block {
  el: AnyNode;
  inFooter: boolean;
}

/** Outermost text blocks in document order, noting which sit in a <footer> (credits, never body text). */
function findBlocks(root: AnyNode): Block[] {
  const blocks: Block[] = [];
  const visit = (node: AnyNode, inFooter: boolean) =>
    walkElements(node, (el) => {
      if (BLOCKS.has(el.name) || /(^|\s)article-paragraph(\s|$)/.test(el.attribs.class ?? '')) {
        blocks.push({ el, inFooter });
        return false;
      }
      if (el.name === 'footer' && !inFooter) {
        visit(el, true);
        return false;
      }
      return true;
    });
  visit(root, false);
  return blocks;
}

/**
 * Reads the body of an article from `root` (already cleaned of junk): images with captions and credits,
 * plain-text paragraphs, credit lines (contributors, translators) and links. Footers and credit paragraphs
 * feed the credits and links but never the paragraphs.
 */
export function readContent(root: AnyNode, baseUrl: string | undefined): Content {
  const images = readImages(root, baseUrl);
  const links = readLinks(root, baseUrl);
  const contributors: string[] = [];
  const translators: string[] = [];
  const paragraphs: string[] = [];

  const found = findBlocks(root);
  // Text with no block markup at all (a bare feed description) is one paragraph per line.
  const blocks = found.length > 0 ? found : [{ el: root, inFooter: false }];
  for (const { el, inFooter } of blocks) {
    const lines = textOf(el).split('\n');
    const credit = readCredits(el, lines);
    contributors.push(...credit.contributors);
    translators.push(...credit.translators);
    if (inFooter || credit.isCredit) continue;
    if (el === root) paragraphs.push(...lines.filter((line) => line !== ''));
    else if (lines.join('') !== '') paragraphs.push(lines.join('\n'));
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
function readCredits(block: AnyNode, lines: string[]): BlockCredits {
  const contributors: string[] = [];
  const translators: string[] = [];
  let isCredit = false;
  for (const line of lines) {
    // Cheap first-character test: this runs on every line of every article.
    const names = TRANSLATOR_START.test(line) ? parseTranslators(line) : null;
    if (names) {
      translators.push(...names);
      isCredit = true;
      continue;
    }
    // Contributor credits are sentences of their own, sometimes after a "X自墨尔本报道。" sentence. An English
    // full stop ends a sentence only after a word, not after an initial ("Julian E. Barnes").
    if (!CONTRIBUTED.test(line)) continue;
    for (const sentence of line.split(/(?<=[。！？]|[a-z]{2}\.)\s*/)) {
      if (!CONTRIBUTED.test(sentence)) continue;
      const found = parseContributors(sentence);
      if (found.length > 0) {
        contributors.push(...found);
        isCredit = true;
      }
    }
  }
  if (!isCredit) {
    walkElements(block, (el) => {
      if (el.name !== 'a') return true;
      const text = textOf(el);
      if (TRANSLATION_ANCHOR.test(text) || BIO_LINK.test(text)) isCredit = true;
      return false;
    });
  }
  return { isCredit, contributors, translators };
}

function imageSource(img: Element): string | undefined {
  const src = img.attribs.src ?? '';
  // Lazy-loading pages put a placeholder (data: URI, 1px gif) in src and the real image in data-src.
  return !src || src.startsWith('data:') ? (img.attribs['data-src'] ?? img.attribs['data-original']) : src;
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
function readImages(root: AnyNode, baseUrl: string | undefined): ArticleImage[] {
  const images: ArticleImage[] = [];
  const consumed: AnyNode[] = [];
  walkElements(root, (el) => {
    if (el.name === 'figure') {
      let img: Element | undefined;
      let figcaption: Element | undefined;
      walkElements(el, (inner) => {
        if (inner.name === 'img' && !img) img = inner;
        if (inner.name === 'figcaption' && !figcaption) figcaption = inner;
        return true;
      });
      const url = img ? imageUrl(imageSource(img), baseUrl) : null;
      let credit: string | null = null;
      let caption: string | null = null;
      if (figcaption) {
        const credits: AnyNode[] = [];
        walkElements(figcaption, (inner) => {
          if (inner.name === 'cite' || /(^|\s)credit(\s|$)/.test(inner.attribs.class ?? '')) {
            credits.push(inner);
            return false;
          }
          return true;
        });
        credit = collapseText(credits.map((c) => textOf(c)).join(' ')) || null;
        for (const c of credits) removeNode(c);
        caption = collapseText(textOf(figcaption)) || null;
      }
      if (url) images.push(makeImage(url, caption, credit));
      consumed.push(el);
      return false;
    }
    if (el.name !== 'img') return true;
    const url = imageUrl(imageSource(el), baseUrl);
    const captionEl = captionAfter(el);
    const caption = captionEl ? collapseText(textOf(captionEl)) || null : null;
    if (captionEl) consumed.push(captionEl);
    consumed.push(el);
    if (url) images.push(makeImage(url, caption, null));
    return false;
  });
  for (const node of consumed) removeNode(node);
  return images;
}

/** The `<small>` that follows an image, directly or wrapped in a `<div>` of its own. */
function captionAfter(img: Element): AnyNode | null {
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
function readLinks(root: AnyNode, baseUrl: string | undefined): ArticleLink[] {
  const links: ArticleLink[] = [];
  const seen = new Set<string>();
  walkElements(root, (a) => {
    if (a.name !== 'a') return true;
    const url = a.attribs.href ? canonicalUrl(unwrapLinkWrapper(a.attribs.href), baseUrl) : null;
    const text = url ? collapseText(textOf(a)) : '';
    if (!url || text === '') return false;
    const kind = classifyLink(url, text);
    const key = `${kind} ${url}`;
    if (!seen.has(key)) {
      seen.add(key);
      links.push({ url, text, kind });
    }
    return false;
  });
  return links;
}
