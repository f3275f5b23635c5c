import { createHash } from 'node:crypto';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { LinkKind } from '../../model/article';

/**
 * The identity of a page that names no URL of its own (no canonical link, og:url or JSON-LD url): the
 * file's `file:` URL (stable while the file stays where it is; re-importing it updates the same article),
 * or, for stdin, a content hash. Both are kept as they are, never upgraded to https (see
 * `isFallbackIdentity` in src/graph/url.ts).
 */
export function fallbackIdentity(source: string, bytes: Buffer): string {
  if (source !== '-' && !source.includes('#')) return pathToFileURL(path.resolve(source)).href;
  return `urn:sha256:${createHash('sha256').update(bytes).digest('hex').slice(0, 32)}`;
}

const IMAGE_PROXY_HOSTS = new Set(['images.weserv.nl', 'wsrv.nl']);

/**
 * The feed archive serves images through the weserv proxy (`images.weserv.nl/?url=static01.nyt.com/...`);
 * the image's identity is the proxied URL. The target has no scheme, or weserv's `ssl:` prefix: both mean
 * https here. Anything that is not a proxy URL is returned unchanged.
 */
export function unwrapImageProxy(raw: string): string {
  let url: URL;
  try {
    url = new URL(raw.trim().startsWith('//') ? `https:${raw.trim()}` : raw.trim());
  } catch {
    return raw;
  }
  if (!IMAGE_PROXY_HOSTS.has(url.hostname.toLowerCase())) return raw;
  const target = url.searchParams.get('url');
  if (!target) return raw;
  const bare = target.replace(/^ssl:/, '').replace(/^\/\//, '');
  return /^https?:\/\//i.test(bare) ? bare : `https://${bare}`;
}

/**
 * Mail-security link rewriters (Check Point `protect.checkpoint.com/v2/___<url>___.<token>`) hide the real
 * target: an article citing Reuters through one should link to Reuters.
 */
export function unwrapLinkWrapper(raw: string): string {
  const match = /^https?:\/\/protect\.checkpoint\.com\/v2\/___(.+?)___/i.exec(raw.trim());
  if (!match) return raw;
  return match[1].replace(/^(https?):\/(?!\/)/i, '$1://');
}

const TRANSLATION_TEXT =
  /(本文英文版|英文版|英文原文|英文原版|read (this|the)? ?(article|story)? ?in english|english version|english original)/i;

/** Person pages at known sites: host suffix + path prefix. */
const PROFILE_SITES: Array<{ host: string; path: RegExp }> = [
  { host: 'nytimes.com', path: /^\/by\/[^/]+/ },
  { host: 'cn.nytimes.com', path: /^\/author\/[^/]+/ },
  { host: 'ecfr.eu', path: /^\/profile\/[^/]+/ },
  { host: 'csis.org', path: /^\/people\/[^/]+/ },
];

/**
 * Think tanks and universities put staff pages under a few path words (reviewed against brookings, carnegie,
 * atlanticcouncil, cfr, rand, piie, merics, chathamhouse): `/experts/x`, `/expert/x`, `/people/x`,
 * `/profile/x`, `/profiles/x`, `/staff/x`, `/our-people/x`. A slug must follow, so index pages do not count.
 */
const PROFILE_PATH = /\/(experts?|people|profiles?|staff|our-people)\/[^/]+/;

/** Dated paths (tested with one trailing slash): /2024/05/17/, /20240517/, slug-2024-01-12 (Reuters). */
const DATED_PATH = [
  /\/(19|20)\d{2}\/(0?[1-9]|1[0-2])\/(0?[1-9]|[12]\d|3[01])\//,
  /\/(19|20)\d{2}(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])\//,
  /\/(19|20)\d{2}\/(0[1-9]|1[0-2])\/[^/]+/,
  /-(19|20)\d{2}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])\/$/,
  /\/interactive\/(19|20)\d{2}\//,
];

/** Article-looking paths on any site: /article/..., /news/<slug>, a story .html that is not an index page. */
const ARTICLE_PATH = [
  /\/(article|articles|story|stories|news|content)\/[^/]+/,
  /\/video\/.*\/\d{8,}\//,
  /\/[^/]*[a-z0-9][-_][^/]*\.s?html?$/,
  /\/\d{5,}\.s?html?$/,
];

function hostMatches(host: string, suffix: string): boolean {
  return host === suffix || host.endsWith(`.${suffix}`);
}

/**
 * What a link points to. `url` should be canonical. Order matters: the anchor text decides translation links
 * (the English original is itself a dated article), then person pages, then news articles.
 */
export function classifyLink(url: string, text: string): LinkKind {
  if (TRANSLATION_TEXT.test(text)) return 'translation';
  // Canonical URLs are plain `https://host/path`, so a regex split is enough (and cheaper than new URL()).
  const parts = /^https?:\/\/([^/?#]+)([^?#]*)/i.exec(url);
  if (!parts) return 'external';
  const host = parts[1].toLowerCase().replace(/:\d+$/, '');
  const path = parts[2] || '/';
  if (PROFILE_SITES.some((site) => hostMatches(host, site.host) && site.path.test(path))) return 'profile';
  if (PROFILE_PATH.test(path) && !hostMatches(host, 'nytimes.com')) return 'profile';
  // One trailing slash, whatever the input had, so patterns can anchor on the end of the last segment.
  const slashed = `${path.toLowerCase().replace(/\/+$/, '')}/`;
  if (DATED_PATH.some((re) => re.test(slashed))) return 'article';
  if (ARTICLE_PATH.some((re) => re.test(slashed.slice(0, -1)))) return 'article';
  return 'external';
}

/**
 * The section is the first path segment that is neither a date nor a format prefix (live, interactive,
 * video) nor the final slug: cn.nytimes.com/world/20240520/slug -> world,
 * www.nytimes.com/2024/05/17/world/asia/slug.html -> world.
 */
export function sectionFromUrl(url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  const segments = parsed.pathname.split('/').filter((s) => s !== '');
  const candidates = segments.slice(0, -1);
  for (const segment of candidates) {
    const s = decodeURIComponent(segment).toLowerCase();
    if (/^\d+$/.test(s)) continue;
    if (['live', 'interactive', 'video', 'zh-hans', 'zh-hant', 'c', 'amp', 'en', 'zh'].includes(s)) continue;
    return s;
  }
  return null;
}
