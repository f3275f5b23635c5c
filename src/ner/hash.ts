/**
 * Integer feature hashing. A feature is one 32-bit hash of a template id and a few integer values
 * (char codes, word ids, classes), mixed FNV-1a style with `Math.imul`: no strings are built per
 * item, so feature extraction runs at millions of items per second. 0 is never returned (the
 * model's hash table uses 0 for an empty slot).
 */

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/** Start a feature hash for template `template` (a small integer, unique per template). */
export function hashStart(template: number): number {
  return Math.imul(FNV_OFFSET ^ template, FNV_PRIME) >>> 0;
}

/** Mix one 32-bit value into a feature hash. */
export function hashMix(h: number, value: number): number {
  h = Math.imul(h ^ (value & 0xffff), FNV_PRIME);
  h = Math.imul(h ^ (value >>> 16), FNV_PRIME);
  return h >>> 0;
}

/** Final avalanche (murmur3 fmix32), so nearby hashes spread over the table; never 0. */
export function hashEnd(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0 || 1;
}

/** Hash of a template and one value. */
export function hash1(template: number, a: number): number {
  return hashEnd(hashMix(hashStart(template), a));
}

/** Hash of a template and two values. */
export function hash2(template: number, a: number, b: number): number {
  return hashEnd(hashMix(hashMix(hashStart(template), a), b));
}

/** Hash of a template and three values. */
export function hash3(template: number, a: number, b: number, c: number): number {
  return hashEnd(hashMix(hashMix(hashMix(hashStart(template), a), b), c));
}

/** Hash of a whole string (for word-level features and for tests); same mixing per code unit. */
export function hashString(template: number, s: string): number {
  let h = hashStart(template);
  for (let i = 0; i < s.length; i++) h = hashMix(h, s.charCodeAt(i));
  return hashEnd(h);
}
