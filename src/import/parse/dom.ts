import * as cheerio from 'cheerio';
import type { AnyNode, Element } from 'domhandler';
import { collapseLines } from './text';

export type Doc = cheerio.CheerioAPI;

/**
 * Parses HTML into an inert DOM: nothing is executed or fetched, and scripts are only ever removed.
 * parse5 (the default) repairs truncated and mis-nested markup the way a browser does.
 */
export function loadHtml(html: string): Doc {
  return cheerio.load(html);
}

/**
 * Never article content: executable or embedded content, forms, and site chrome (navigation, menus, share
 * bars, recommendation widgets such as Taboola's). Removed before any text or link is read.
 */
const JUNK_SELECTOR = [
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
  '[hidden]',
  '[aria-hidden="true"]',
  '[role="navigation"]',
  '[role="menu"]',
  '[role="menubar"]',
  '[role="banner"]',
  '[role="search"]',
].join(',');

const JUNK_CLASS =
  /(^|[\s_-])(nav|navbar|navigation|menu|breadcrumbs?|share|sharing|social|subscribe|newsletter|related|recommend(ed|ations)?|taboola|tbl|trc|comments?|cookie|paywall|ad|ads|advert|promo)([\s_-]|$)/i;

/** Text blocks that a feed archive or site appends to every page. */
const JUNK_TEXT = /^(获取更多RSS|更多RSS|更多精彩|Skip to (main )?content|Advertisement|广告$)/i;

export function removeJunk($: Doc): void {
  $(JUNK_SELECTOR).remove();
  $('[class],[id]').each((_, el) => {
    const names = `${$(el).attr('class') ?? ''} ${$(el).attr('id') ?? ''}`;
    if (JUNK_CLASS.test(names)) $(el).remove();
  });
  // The feed archive closes each item with `<hr><div>获取更多RSS…`: nothing after a rule at the top level
  // of an item belongs to the article.
  $('hr').each((_, el) => {
    const parent = el.parent;
    if (parent && (parent.type === 'root' || (parent as Element).name === 'body')) {
      $(el).nextAll().remove();
      $(el).remove();
    }
  });
  $('div,p,section,footer,ul,ol').each((_, el) => {
    if (JUNK_TEXT.test(textOf(el).trim())) $(el).remove();
  });
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
