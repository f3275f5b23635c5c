import * as cheerio from 'cheerio';
import type { AnyNode, Element } from 'domhandler';
import { collapseLines } from './text';

export type Doc = cheerio.CheerioAPI;

/**
 * Parses HTML into an inert DOM: nothing is executed or fetched, and scripts are only ever removed.
 * htmlparser2 rather than cheerio's default parse5: it is an order of magnitude faster on these pages and
 * equally tolerant of truncated or mis-nested markup (unclosed elements simply end with the input).
 */
export function loadHtml(html: string): Doc {
  return cheerio.load(html, { xml: { xmlMode: false, decodeEntities: true } });
}

/**
 * Never article content: executable or embedded content, forms, and site chrome (navigation, menus).
 * Removed before any text or link is read.
 */
const JUNK_TAGS = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'iframe',
  'object',
  'embed',
  'form',
  'button',
  'input',
  'select',
  'textarea',
  'nav',
  'svg',
  'math',
  'menu',
  'aside',
  'dialog',
  'head',
]);

const JUNK_ROLES = new Set(['navigation', 'menu', 'menubar', 'banner', 'search']);

/** Class or id words of site chrome: menus, share bars, recommendation widgets (Taboola: tbl-, trc_), ads. */
const JUNK_CLASS =
  /(^|[\s_-])(nav|navbar|navigation|menu|breadcrumbs?|share|sharing|social|subscribe|newsletter|related|recommend(ed|ations)?|taboola|tbl|trc|comments?|cookie|paywall|ad|ads|advert|promo)([\s_-]|$)/i;

const CONTAINER_TAGS = new Set(['html', 'body', 'main', 'article']);
const CONTAINER_CLASS = /(^|[\s_-])(article|story|content|body|post|entry)([\s_-]|$)/i;

/** Text blocks that a feed archive or site appends to every page. */
const JUNK_TEXT = /^\s*(获取更多RSS|更多RSS|Skip to (main )?content|Advertisement\s*$)/i;

function isJunk(el: Element): boolean {
  if (JUNK_TAGS.has(el.name)) return true;
  const attribs = el.attribs;
  if ('hidden' in attribs || attribs['aria-hidden'] === 'true') return true;
  if (attribs.role && JUNK_ROLES.has(attribs.role)) return true;
  const names = (attribs.class ?? '') + ' ' + (attribs.id ?? '');
  if (names.length <= 1 || !JUNK_CLASS.test(names)) return false;
  // A container of the article itself may carry a chrome word too ("story share-enabled"): keep it.
  return !CONTAINER_TAGS.has(el.name) && !CONTAINER_CLASS.test(names);
}

/** Depth-first walk over elements; `visit` returning false skips the element's children. */
export function walkElements(node: AnyNode, visit: (el: Element) => boolean | void): void {
  const children = (node as Element).children;
  if (!children) return;
  // Callers collect nodes and remove them after the walk, so the child list is stable here.
  for (const child of children) {
    if (child.type !== 'tag' && child.type !== 'script' && child.type !== 'style') continue;
    if (visit(child as Element) !== false) walkElements(child, visit);
  }
}

function firstText(el: Element): string {
  for (const child of el.children) {
    if (child.type === 'text') {
      const data = (child as unknown as { data: string }).data;
      if (data.trim() !== '') return data;
    } else if (child.type === 'tag') {
      const inner = firstText(child as Element);
      if (inner !== '') return inner;
    }
  }
  return '';
}

/** Unlinks a node from the tree (what cheerio's remove() does, without building a wrapper per node). */
export function removeNode(node: AnyNode): void {
  const parent = node.parent;
  if (parent) {
    const index = parent.children.indexOf(node as never);
    if (index >= 0) parent.children.splice(index, 1);
  }
  if (node.prev) node.prev.next = node.next;
  if (node.next) node.next.prev = node.prev;
  node.parent = null;
  node.prev = null;
  node.next = null;
}

export function removeJunk($: Doc): void {
  const doomed = new Set<AnyNode>();
  walkElements($.root().get(0)!, (el) => {
    if (isJunk(el)) {
      doomed.add(el);
      return false;
    }
    const parent = el.parent as Element | null;
    // The feed archive closes each item with `<hr><div>获取更多RSS…`: nothing after a rule at the top level
    // of an item belongs to the article.
    if (el.name === 'hr' && (!parent || (parent as AnyNode).type === 'root' || parent.name === 'body')) {
      for (let next: AnyNode | null = el; next; next = next.next) doomed.add(next);
      return false;
    }
    if ((el.name === 'div' || el.name === 'p' || el.name === 'section') && JUNK_TEXT.test(firstText(el))) {
      doomed.add(el);
      return false;
    }
    return true;
  });
  for (const node of doomed) removeNode(node);
}

const BLOCK = new Set([
  'p',
  'div',
  'section',
  'article',
  'li',
  'ul',
  'ol',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'blockquote',
  'figure',
  'figcaption',
  'table',
  'tr',
  'pre',
  'footer',
  'header',
  'address',
]);

/** Plain text of a node: `<br>` and block boundaries become line breaks, markup and attributes are dropped. */
export function textOf(node: AnyNode): string {
  const out: string[] = [];
  collect(node, out);
  return collapseLines(out.join(''));
}

function collect(node: AnyNode, out: string[]): void {
  if (node.type === 'text') {
    out.push((node as unknown as { data: string }).data);
    return;
  }
  if (node.type !== 'tag' && node.type !== 'root') return;
  const el = node as Element;
  if (el.name === 'br') {
    out.push('\n');
    return;
  }
  const block = BLOCK.has(el.name);
  if (block) out.push('\n');
  for (const child of el.children) collect(child, out);
  if (block) out.push('\n');
}
