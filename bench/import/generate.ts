import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/**
 * Builds a synthetic but realistic import corpus by recombining real NYT Chinese articles.
 *
 *   npx tsx bench/import/generate.ts --count 10000 --out bench/corpus/import-10k [--seed S] [--source DIR...]
 *
 * Every generated article is a function of (seed, its index, the donor files) only, so the corpus is
 * reproducible and files are written one at a time: nothing but the small donor pool stays in memory.
 * Real paragraphs are kept whole (their quotes, names and organizations are what the extractor is
 * measured on); only link targets, image URLs, dates and URLs are rewritten so that every article is
 * a distinct node and its in-body cross-links point at other articles of the same corpus.
 */

export const GENERATOR_VERSION = 1;
export const DEFAULT_SEED = 'newsgraph-bench-1';
export const DEFAULT_SOURCES = [
  process.env.NEWSGRAPH_BENCH_SOURCE || '/work/shared/corpus/nyt-cn',
  '/work/shared/seeds/000_bd3ada4a43040598.txt',
];
/** The 2020-21 layout is the minority in the real corpus (25 of 145); it gets a fixed share here. */
const OLD_LAYOUT_SHARE = 0.3;
/**
 * Share of cross-links to an article earlier in import order: those find their target already imported,
 * the others first create a stub that the target's import later fills in; both paths get exercised.
 */
const BACKWARD_LINK_SHARE = 0.8;
const FEEDX_SHARE = 0.2;

export type Layout = '2024' | '2020';

export interface Manifest {
  generatorVersion: number;
  seed: string;
  count: number;
  donors: number;
  donorDigest: string;
  layouts: Record<Layout, number>;
  /** Distinct in-body links from a generated article to another generated article. */
  crossLinks: number;
  /** In-body links that were injected because the chosen paragraphs had too few to rewrite. */
  injectedLinks: number;
  translationLinks: number;
  images: number;
  bytes: number;
  files: number;
  elapsedMs: number;
}

export const MANIFEST_FILE = '.manifest.json';

// ---------------------------------------------------------------------------------------------
// Deterministic randomness

function hash32(text: string): number {
  // xmur3: spreads similar strings ("seed:1", "seed:2") over unrelated seeds.
  let h = 1779033703 ^ text.length;
  for (let i = 0; i < text.length; i++) {
    h = Math.imul(h ^ text.charCodeAt(i), 3432918353);
    h = (h << 13) | (h >>> 19);
  }
  h = Math.imul(h ^ (h >>> 16), 2246822507);
  h = Math.imul(h ^ (h >>> 13), 3266489909);
  return (h ^= h >>> 16) >>> 0;
}

export class Rng {
  private state: number;
  constructor(seed: string) {
    this.state = hash32(seed);
  }
  /** mulberry32 */
  next(): number {
    let t = (this.state = (this.state + 0x6d2b79f5) >>> 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)];
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
}

// ---------------------------------------------------------------------------------------------
// Reading the donors

interface Element {
  tag: string;
  html: string;
  inner: string;
}

const VOID_TAGS = new Set(['img', 'br', 'hr', 'wbr', 'input', 'meta', 'link', 'source']);

/** Top-level elements of an HTML fragment; enough for the flat markup of these feeds. */
function topLevel(html: string): Element[] {
  const out: Element[] = [];
  const re = /<(\/?)([a-zA-Z][a-zA-Z0-9]*)\b[^>]*>/g;
  let depth = 0;
  let start = 0;
  let openTag = '';
  let openEnd = 0;
  let textStart = 0;
  for (let m = re.exec(html); m; m = re.exec(html)) {
    const closing = m[1] === '/';
    const tag = m[2].toLowerCase();
    const selfClosing = VOID_TAGS.has(tag) || m[0].endsWith('/>');
    if (depth === 0 && !closing) {
      const text = html.slice(textStart, m.index);
      if (text.trim()) out.push({ tag: '#text', html: text, inner: text });
      if (selfClosing) {
        out.push({ tag, html: m[0], inner: '' });
        textStart = re.lastIndex;
        continue;
      }
      start = m.index;
      openTag = tag;
      openEnd = re.lastIndex;
      depth = 1;
      continue;
    }
    if (selfClosing || depth === 0) continue;
    if (!closing) depth += 1;
    else {
      depth -= 1;
      if (depth === 0) {
        out.push({
          tag: openTag,
          html: html.slice(start, re.lastIndex),
          inner: html.slice(openEnd, m.index),
        });
        textStart = re.lastIndex;
      }
    }
  }
  const rest = html.slice(textStart);
  if (depth === 0 && rest.trim()) out.push({ tag: '#text', html: rest, inner: rest });
  return out;
}

interface Figure {
  src: string;
  caption: string;
  credit: string | null;
}

/** Byline plus the footer material that belongs to the same people. */
interface AuthorUnit {
  layout: Layout;
  names: string[];
  /** Inner HTML of bio paragraphs (2024: footer <p>s; 2020: parts of the last <p>). */
  bios: string[];
}

interface Donor {
  file: string;
  layout: Layout;
  title: string;
  section: string;
  slug: string;
  /** Inner HTML of body paragraphs, in order. */
  paragraphs: string[];
}

interface Pool {
  donors: Donor[];
  ledeDonors: Donor[];
  authors: Record<Layout, AuthorUnit[]>;
  leadFigures: Record<Layout, Figure[]>;
  inlineFigures: Record<Layout, Figure[]>;
  translators: string[];
  contributors: string[];
  enPaths: string[];
  sections: string[];
  slugs: string[];
  feedx: Record<Layout, string[]>;
  paragraphCounts: number[];
  digest: string;
}

const FEEDX_RE = /<br><hr><div>获取更多RSS：[\s\S]*$/;

function attr(html: string, name: string): string | null {
  const m = new RegExp(`\\b${name}="([^"]*)"`).exec(html);
  return m ? m[1] : null;
}

function stripTags(html: string): string {
  return html.replace(/<[^>]*>/g, '');
}

function splitNames(byline: string): string[] {
  return [...new Set(byline.split(/\s*[,，、]\s*/).filter(Boolean))];
}

function enPathOf(href: string): string | null {
  // https://www.nytimes.com/2024/06/06/world/asia/slug.html -> world/asia
  const m = /^https?:\/\/www\.nytimes\.com\/\d{4}\/\d{2}\/\d{2}\/((?:[a-z-]+\/)*)[^/]+\.html/.exec(href);
  return m && m[1] ? m[1].replace(/\/$/, '') : null;
}

function classifyCredit(html: string): 'translator' | 'english' | 'contributor' | 'bio' | 'empty' {
  const text = stripTags(html).trim();
  if (!text) return 'empty';
  if (text.includes('点击查看本文英文版')) return 'english';
  if (/^翻译[：:]/.test(text)) return 'translator';
  if (/对本文有.{0,6}贡献/.test(text) && text.length < 80) return 'contributor';
  return 'bio';
}

function figureFrom2024(html: string): Figure | null {
  const src = attr(html, 'src');
  if (!src) return null;
  const cap = /<figcaption>([\s\S]*?)<\/figcaption>/.exec(html)?.[1] ?? '';
  const credit = /<cite>([\s\S]*?)<\/cite>/.exec(cap)?.[1] ?? null;
  return { src, caption: cap.replace(/<cite>[\s\S]*?<\/cite>/, '').trim(), credit };
}

function readDonor(file: string, text: string, pool: Pool) {
  const lines = text.split('\n');
  const head = /^\[(.*)\]\((https?:\/\/cn\.nytimes\.com\/([a-z-]+)\/(\d{8})\/([^/]+)\/?)\)$/.exec(
    lines[1] ?? '',
  );
  if (!head) return;
  const [, title, , section, , slug] = head;
  let body = lines.slice(3).join('\n').trim();
  const feedx = FEEDX_RE.exec(body)?.[0];
  body = body.replace(FEEDX_RE, '');
  const elements = topLevel(body);
  const layout: Layout = elements[0]?.tag === 'address' ? '2024' : '2020';
  if (feedx) pool.feedx[layout].push(feedx);
  const donor: Donor = { file, layout, title, section, slug, paragraphs: [] };
  const noteEnglish = (html: string) => {
    const p = enPathOf(attr(html, 'href') ?? '');
    if (p) pool.enPaths.push(p);
  };

  if (layout === '2024') {
    const unit: AuthorUnit = { layout, names: [], bios: [] };
    for (const el of elements) {
      if (el.tag === 'address') unit.names = splitNames(stripTags(el.inner).trim());
      else if (el.tag === 'figure') {
        const fig = figureFrom2024(el.html);
        if (fig) pool.leadFigures['2024'].push(fig);
      } else if (el.tag === 'section') {
        for (const p of topLevel(el.inner)) {
          if (p.tag === 'figure') {
            const fig = figureFrom2024(p.html);
            if (fig) pool.inlineFigures['2024'].push(fig);
          } else if (p.tag === 'p' && p.inner.includes('<img')) {
            const src = attr(p.inner, 'src');
            const caption = /<small[^>]*>([\s\S]*?)<\/small>/.exec(p.inner)?.[1] ?? '';
            if (src) pool.inlineFigures['2024'].push({ src, caption, credit: null });
          } else if (p.tag === 'p' && stripTags(p.inner).trim()) {
            donor.paragraphs.push(p.inner);
          }
        }
      } else if (el.tag === 'footer') {
        for (const p of topLevel(el.inner)) {
          const kind = classifyCredit(p.html);
          if (kind === 'english') noteEnglish(p.html);
          else if (kind === 'translator') pool.translators.push(stripTags(p.inner).trim());
          else if (kind === 'contributor') pool.contributors.push(p.inner);
          else if (kind === 'bio' && p.tag === 'p') unit.bios.push(p.inner);
        }
      }
    }
    if (unit.names.length) pool.authors['2024'].push(unit);
  } else {
    const unit: AuthorUnit = { layout, names: [], bios: [] };
    let lastImg: string | null = null;
    for (const el of elements) {
      if (el.tag === 'div' && el.inner.startsWith('<i>')) {
        const byline = /<i>([\s\S]*?)<br>/.exec(el.inner)?.[1] ?? '';
        unit.names = splitNames(stripTags(byline).trim());
      } else if (el.tag === 'img') {
        lastImg = attr(el.html, 'src');
      } else if (el.tag === 'div' && el.inner.includes('<small')) {
        const caption = /<small[^>]*>([\s\S]*?)<\/small>/.exec(el.inner)?.[1] ?? '';
        if (lastImg) {
          const target = donor.paragraphs.length === 0 ? pool.leadFigures : pool.inlineFigures;
          target['2020'].push({ src: lastImg, caption, credit: null });
        }
        lastImg = null;
      } else if (el.tag === 'p') {
        const parts = el.inner.split(/<br\s*\/?>/);
        if (
          parts.some((part) => classifyCredit(part) === 'translator' || classifyCredit(part) === 'english')
        ) {
          for (const part of parts) {
            const kind = classifyCredit(part);
            if (kind === 'english') noteEnglish(part);
            else if (kind === 'translator') pool.translators.push(stripTags(part).trim());
            else if (kind === 'contributor') pool.contributors.push(part.trim());
            else if (kind === 'bio') unit.bios.push(part.trim());
          }
        } else if (stripTags(el.inner).trim()) {
          donor.paragraphs.push(el.inner);
        }
      }
    }
    if (unit.names.length) pool.authors['2020'].push(unit);
  }
  pool.sections.push(section);
  pool.slugs.push(slug);
  if (donor.paragraphs.length > 0) {
    pool.donors.push(donor);
    pool.paragraphCounts.push(donor.paragraphs.length);
    if (donor.paragraphs.length >= 3) pool.ledeDonors.push(donor);
  }
}

function listSources(sources: string[]): string[] {
  const files: string[] = [];
  for (const source of sources) {
    if (!fs.existsSync(source)) continue;
    if (fs.statSync(source).isDirectory()) {
      for (const name of fs.readdirSync(source).sort()) {
        if (/\.(md|txt)$/.test(name)) files.push(path.join(source, name));
      }
    } else files.push(source);
  }
  return files;
}

export function loadPool(sources: string[] = DEFAULT_SOURCES): Pool {
  const pool: Pool = {
    donors: [],
    ledeDonors: [],
    authors: { '2024': [], '2020': [] },
    leadFigures: { '2024': [], '2020': [] },
    inlineFigures: { '2024': [], '2020': [] },
    translators: [],
    contributors: [],
    enPaths: [],
    sections: [],
    slugs: [],
    feedx: { '2024': [], '2020': [] },
    paragraphCounts: [],
    digest: '',
  };
  const digest = createHash('sha256');
  for (const file of listSources(sources)) {
    const text = fs.readFileSync(file, 'utf8');
    digest.update(text);
    readDonor(file, text, pool);
  }
  pool.digest = digest.digest('hex').slice(0, 16);
  for (const layout of ['2024', '2020'] as const) {
    // A layout without its own figures borrows the other's, so both layouts always get images.
    if (!pool.leadFigures[layout].length) pool.leadFigures[layout] = pool.inlineFigures[layout];
    if (!pool.authors[layout].length || !pool.leadFigures[layout].length) {
      throw new Error(`no ${layout}-layout donors found in ${sources.join(', ')}`);
    }
  }
  if (!pool.enPaths.length) pool.enPaths.push('world/asia');
  if (!pool.translators.length) pool.translators.push('翻译：纽约时报中文网');
  return pool;
}

// ---------------------------------------------------------------------------------------------
// Generating one article

export interface ArticleMeta {
  index: number;
  layout: Layout;
  url: string;
  englishUrl: string;
  section: string;
  slug: string;
  /** Publication instant (epoch ms). */
  publishedMs: number;
}

const RANGES: Record<Layout, [number, number]> = {
  '2020': [Date.UTC(2020, 0, 1), Date.UTC(2021, 11, 31)],
  '2024': [Date.UTC(2023, 0, 1), Date.UTC(2024, 11, 31)],
};
const BEIJING_MS = 8 * 3_600_000;

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

/** Beijing wall-clock fields of an instant: the feeds print local times without an offset. */
function beijing(ms: number) {
  const d = new Date(ms + BEIJING_MS);
  return {
    y: d.getUTCFullYear(),
    m: d.getUTCMonth() + 1,
    d: d.getUTCDate(),
    time: `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`,
  };
}

/**
 * URL and dates of article `index`, from its own random stream: any article can name any other
 * as a link target without the corpus being held in memory.
 */
export function articleMeta(pool: Pool, seed: string, index: number): ArticleMeta {
  const rng = new Rng(`${seed}:meta:${index}`);
  const layout: Layout = rng.chance(OLD_LAYOUT_SHARE) ? '2020' : '2024';
  const [from, to] = RANGES[layout];
  const publishedMs = from + Math.floor(rng.next() * ((to - from) / 1000)) * 1000;
  const section = rng.pick(pool.sections);
  const slug = rng.pick(pool.slugs);
  const enPath = rng.pick(pool.enPaths);
  const b = beijing(publishedMs);
  const day = `${b.y}${pad(b.m)}${pad(b.d)}`;
  return {
    index,
    layout,
    section,
    slug,
    publishedMs,
    url: `https://cn.nytimes.com/${section}/${day}/${slug}-${index}/`,
    englishUrl: `https://www.nytimes.com/${b.y}/${pad(b.m)}/${pad(b.d)}/${enPath}/${slug}-${index}.html`,
  };
}

/** Gives every use of a donor image its own URL, as real articles have their own photos. */
function uniqueImage(src: string, tag: string): string {
  return src.replace(/(\.[a-zA-Z]{3,4})$/, `-${tag}$1`);
}

function anchor(layout: Layout, href: string, text: string): string {
  if (layout === '2020') return `<a rel="nofollow" target="_blank" href="${href}">${text}</a>`;
  // The 2024 feed writes links to its own site without rel/target.
  if (href.startsWith('https://cn.nytimes.com/')) return `<a href="${href}">${text}</a>`;
  return `<a rel="noopener noreferrer" target="_blank" href="${href}">${text}</a>`;
}

const LINK_RE = /<a\b([^>]*)>([\s\S]*?)<\/a>/g;

/** Lower is rewritten first: links to the site itself would otherwise all end as stubs. */
function rewritePriority(href: string): number {
  if (/^https?:\/\/cn\.nytimes\.com\/[a-z-]+\/\d{8}\//.test(href)) return 0;
  if (/^https?:\/\/www\.nytimes\.com\/\d{4}\//.test(href)) return 1;
  if (/\/by\/|twitter\.com|facebook\.com|instagram\.com/.test(href)) return 9;
  return 2;
}

interface Generated {
  text: string;
  crossLinks: number;
  injected: number;
  images: number;
}

function pickRuns(rng: Rng, pool: Pool): { title: string; paragraphs: string[] } {
  const target = Math.max(4, Math.min(40, rng.pick(pool.paragraphCounts)));
  const lede = rng.pick(pool.ledeDonors);
  const out: string[] = lede.paragraphs.slice(0, Math.min(lede.paragraphs.length, rng.int(3, 8)));
  for (let guard = 0; out.length < target && guard < 50; guard++) {
    const donor = rng.pick(pool.donors);
    const start = rng.int(0, donor.paragraphs.length - 1);
    const run = donor.paragraphs.slice(start, start + rng.int(2, 6));
    out.push(...run.slice(0, target - out.length));
  }
  return { title: lede.title, paragraphs: out };
}

function generateArticle(pool: Pool, seed: string, count: number, index: number): Generated {
  const meta = articleMeta(pool, seed, index);
  const rng = new Rng(`${seed}:body:${index}`);
  const layout = meta.layout;
  const { title, paragraphs } = pickRuns(rng, pool);

  // Normalize every link to the layout's markup and decide which ones become cross-links.
  const slots: { p: number; href: string; text: string; priority: number; order: number }[] = [];
  const parsed = paragraphs.map((html, p) =>
    html.replace(LINK_RE, (_m, attrs: string, text: string) => {
      const href = attr(attrs, 'href') ?? '';
      const id = slots.length;
      slots.push({ p, href, text, priority: rewritePriority(href), order: rng.next() });
      return `\uE000${id}\uE000`;
    }),
  );
  const wanted = count > 1 ? rng.int(2, 4) : 0;
  const targets = new Set<number>();
  const nextTarget = () => {
    for (;;) {
      const back = index > 0 && (index === count - 1 || rng.chance(BACKWARD_LINK_SHARE));
      const j = back ? rng.int(0, index - 1) : rng.int(index + 1, count - 1);
      if (!targets.has(j) || targets.size >= count - 1) {
        targets.add(j);
        return j;
      }
    }
  };
  const hrefs = new Map<number, string>();
  const candidates = slots
    .map((slot, id) => ({ ...slot, id }))
    .filter((s) => s.priority < 9)
    .sort((a, b) => a.priority - b.priority || a.order - b.order);
  for (const slot of candidates.slice(0, wanted))
    hrefs.set(slot.id, articleMeta(pool, seed, nextTarget()).url);

  let injected = 0;
  const plain = parsed
    .map((html, p) => ({ html, p }))
    .filter(({ html }) => !html.includes('<') && !html.includes('\uE000'));
  while (targets.size < Math.min(wanted, count - 1) && plain.length > 0) {
    const { html, p } = plain.splice(rng.int(0, plain.length - 1), 1)[0];
    const spans = [...html.matchAll(/[^，。“”、；：？！（）()《》\s]{4,16}/g)];
    if (!spans.length) continue;
    const span = rng.pick(spans);
    const href = articleMeta(pool, seed, nextTarget()).url;
    const at = span.index ?? 0;
    parsed[p] = html.slice(0, at) + anchor(layout, href, span[0]) + html.slice(at + span[0].length);
    injected += 1;
  }
  const body = parsed.map((html) =>
    html.replace(/\uE000(\d+)\uE000/g, (_m, id: string) => {
      const slot = slots[Number(id)];
      return anchor(layout, hrefs.get(Number(id)) ?? slot.href, slot.text);
    }),
  );

  // Figures: one lead figure most of the time, and an inline one every few paragraphs.
  let images = 0;
  const figure = (list: Figure[]) => {
    const fig = rng.pick(list);
    images += 1;
    return { ...fig, src: uniqueImage(fig.src, `g${index}-${images}`) };
  };
  const inlineList = pool.inlineFigures[layout].length
    ? pool.inlineFigures[layout]
    : pool.leadFigures[layout];
  const blocks: string[] = [];
  body.forEach((html, i) => {
    if (i > 1 && i % 5 === 0 && rng.chance(0.4)) {
      const fig = figure(inlineList);
      blocks.push(
        layout === '2024'
          ? `<p><img src="${fig.src}"><small style="color: #999;">${fig.caption}</small></p>`
          : `<img src="${fig.src}" width="100%"><div><small style="color: #999;">${fig.caption}</small></div>`,
      );
    }
    blocks.push(`<p>${html}</p>`);
  });

  // Byline and credits; a 2024 byline may also appear in the 2020 layout, as writers span both eras.
  const unit = rng.pick(layout === '2020' && rng.chance(0.5) ? pool.authors['2024'] : pool.authors[layout]);
  const translator = rng.pick(pool.translators);
  const contributor = rng.chance(0.3) && pool.contributors.length ? rng.pick(pool.contributors) : null;
  const lead = rng.chance(layout === '2024' ? 0.95 : 0.9) ? figure(pool.leadFigures[layout]) : null;
  const feedx = rng.chance(FEEDX_SHARE) && pool.feedx[layout].length ? rng.pick(pool.feedx[layout]) : '';
  const when = beijing(meta.publishedMs);
  const stamp = `${when.y}-${pad(when.m)}-${pad(when.d)} ${when.time}`;
  const fetchedMs = meta.publishedMs + rng.int(10, 360) * 60_000;

  let html: string;
  if (layout === '2024') {
    const leadHtml = lead
      ? `<figure><img src="${lead.src}" width="1050" height="700"><figcaption>` +
        [lead.caption, lead.credit ? `<cite>${lead.credit}</cite>` : ''].filter(Boolean).join(' ') +
        '</figcaption></figure>'
      : '';
    const english = `<a rel="nofollow" target="_blank" href="${meta.englishUrl}">点击查看本文英文版。</a>`;
    const footer = [
      contributor ? `<p>${contributor}</p>` : '',
      ...unit.bios.map((bio) => `<p>${bio}</p>`),
      `<p>${translator}</p>`,
      rng.chance(0.5) ? `<p>${english}</p>` : english,
    ].join('');
    html =
      `<address>${unit.names.join(', ')}</address>` +
      `<time pudate="${stamp}" datetime="${stamp}">${when.y}年${when.m}月${when.d}日</time>` +
      `${leadHtml}<section>${blocks.join('')}</section><footer>${footer}</footer>${feedx}`;
  } else {
    const leadHtml = lead
      ? `<img src="${lead.src}" width="100%"><div><small style="color: #999;">${lead.caption}</small></div>`
      : '';
    const credits = [
      ...unit.bios.map((bio) => bio.replace(/<\/?p>/g, '')),
      ...(contributor ? [contributor] : []),
      translator,
      anchor('2020', meta.englishUrl, '点击查看本文英文版。'),
    ];
    html =
      `<div><i>${unit.names.join(',')}<br>${stamp}</i></div>${leadHtml}` +
      `${blocks.join('')}<p>${credits.join('<br/>')}</p>${feedx}`;
  }
  const text = `<!--${fetchedMs}-->\n[${title}](${meta.url})\n------\n\n${html}\n`;
  return { text, crossLinks: targets.size, injected, images };
}

// ---------------------------------------------------------------------------------------------

export interface GenerateOptions {
  count: number;
  out: string;
  seed?: string;
  sources?: string[];
  log?: (message: string) => void;
}

export function fileName(index: number): string {
  return `${pad(index, 6)}.md`;
}

/** The manifest of a complete corpus in `out`, or null when it is missing or was built differently. */
export function existingCorpus(out: string, count: number, seed = DEFAULT_SEED): Manifest | null {
  try {
    const manifest = JSON.parse(fs.readFileSync(path.join(out, MANIFEST_FILE), 'utf8')) as Manifest;
    const complete =
      manifest.generatorVersion === GENERATOR_VERSION && manifest.count === count && manifest.seed === seed;
    return complete ? manifest : null;
  } catch {
    return null;
  }
}

export async function generateCorpus(options: GenerateOptions): Promise<Manifest> {
  const started = performance.now();
  const seed = options.seed ?? DEFAULT_SEED;
  const log = options.log ?? ((message: string) => console.error(message));
  const pool = loadPool(options.sources ?? DEFAULT_SOURCES);
  fs.mkdirSync(options.out, { recursive: true });
  // A half-written corpus must never look complete: the manifest is written last.
  fs.rmSync(path.join(options.out, MANIFEST_FILE), { force: true });
  for (const name of fs.readdirSync(options.out)) {
    if (/^\d{6}\.md$/.test(name)) fs.rmSync(path.join(options.out, name));
  }
  const manifest: Manifest = {
    generatorVersion: GENERATOR_VERSION,
    seed,
    count: options.count,
    donors: pool.donors.length,
    donorDigest: pool.digest,
    layouts: { '2024': 0, '2020': 0 },
    crossLinks: 0,
    injectedLinks: 0,
    translationLinks: 0,
    images: 0,
    bytes: 0,
    files: 0,
    elapsedMs: 0,
  };
  for (let i = 0; i < options.count; i++) {
    const article = generateArticle(pool, seed, options.count, i);
    await fs.promises.writeFile(path.join(options.out, fileName(i)), article.text);
    manifest.layouts[articleMeta(pool, seed, i).layout] += 1;
    manifest.crossLinks += article.crossLinks;
    manifest.injectedLinks += article.injected;
    manifest.translationLinks += 1;
    manifest.images += article.images;
    manifest.bytes += Buffer.byteLength(article.text);
    manifest.files += 1;
    if ((i + 1) % 2000 === 0) log(`generated ${i + 1}/${options.count}`);
  }
  manifest.elapsedMs = Math.round(performance.now() - started);
  fs.writeFileSync(path.join(options.out, MANIFEST_FILE), JSON.stringify(manifest, null, 2) + '\n');
  return manifest;
}

function parseArgs(argv: string[]) {
  const args: { count: number; out?: string; seed: string; sources: string[] } = {
    count: 10_000,
    seed: DEFAULT_SEED,
    sources: [],
  };
  for (let i = 0; i < argv.length; i++) {
    const value = () => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${argv[i - 1]} needs a value`);
      return v;
    };
    switch (argv[i]) {
      case '--count':
        args.count = Number.parseInt(value(), 10);
        break;
      case '--out':
        args.out = value();
        break;
      case '--seed':
        args.seed = value();
        break;
      case '--source':
        args.sources.push(value());
        break;
      default:
        throw new Error(`unknown argument ${argv[i]}`);
    }
  }
  if (!Number.isSafeInteger(args.count) || args.count < 1)
    throw new Error('--count must be a positive integer');
  return args;
}

export function defaultCorpusDir(count: number): string {
  const label = count % 1000 === 0 ? `${count / 1000}k` : String(count);
  return path.resolve(__dirname, '..', 'corpus', `import-${label}`);
}

if (require.main === module) {
  const args = parseArgs(process.argv.slice(2));
  const out = args.out ?? defaultCorpusDir(args.count);
  generateCorpus({
    count: args.count,
    out,
    seed: args.seed,
    sources: args.sources.length ? args.sources : undefined,
  })
    .then((manifest) => {
      console.log(JSON.stringify({ out, ...manifest }, null, 2));
    })
    .catch((error: unknown) => {
      console.error(error instanceof Error ? error.message : error);
      process.exitCode = 1;
    });
}
