/**
 * Canonical URL policy (the article's identity in the graph, so two copies of one page must agree):
 * - only http(s) URLs are kept (javascript:, data:, mailto: ... give null); http is upgraded to https;
 * - host lower-cased, default port and user info dropped, `www.` kept (it is a different host name);
 * - query and fragment dropped: on news sites they carry tracking (smid, campaign_id) or in-page anchors,
 *   not identity; image URLs follow the same rule after their proxy is unwrapped;
 * - no trailing slash, except the bare host root, which is `https://host/`;
 * - a protocol-relative `//host/path` is https; a relative URL is resolved against `base`, else null.
 */
export function canonicalUrl(raw: string, base?: string): string | null {
  const cleaned = raw.replace(/[\s\u200b-\u200f\u2060\ufeff]+/g, '');
  if (cleaned === '') return null;
  let url: URL;
  try {
    url = new URL(cleaned.startsWith('//') ? `https:${cleaned}` : cleaned, base);
  } catch {
    return null;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
  if (url.hostname === '') return null;
  const host = url.hostname.toLowerCase().replace(/\.$/, '');
  const port = url.port && url.port !== '80' && url.port !== '443' ? `:${url.port}` : '';
  let pathname = url.pathname.replace(/\/{2,}/g, '/');
  if (pathname.length > 1) pathname = pathname.replace(/\/+$/, '');
  return `https://${host}${port}${pathname || '/'}`;
}

/**
 * Whether `url` is a fallback identity: the `file:` URL or content hash (`urn:sha256:`) under which a
 * page that names no URL of its own is imported (accepted wherever an article URL is).
 */
export function isFallbackIdentity(url: string): boolean {
  return /^file:\/\/\/\S+$|^urn:sha256:[0-9a-f]{32}$/.test(url);
}
