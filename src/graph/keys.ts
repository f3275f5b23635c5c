const cache = new Map<string, string>();
const CACHE_LIMIT = 100_000;

/**
 * The graph key of a named entity: one node per key. Width, case, spacing, the
 * transliteration dot variants and book-title marks are folded so that "阿莉恰·巴胡尔斯卡" and
 * "阿莉恰•巴胡尔斯卡", or "《纽约时报》" and "纽约时报", are the same node.
 */
export function entityKey(name: string): string {
  // Extraction asks for the same few hundred names over and over; NFKC is the expensive part.
  const hit = cache.get(name);
  if (hit !== undefined) return hit;
  const key = name
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\u00b7\u2022\u30fb\u2027\u2219\uff65]/g, '·')
    .replace(/^《(.+)》$/, '$1')
    .replace(/\s+/g, ' ')
    .trim();
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(name, key);
  return key;
}
