/**
 * Character classes as lookup tables over UTF-16 code units: per-character scans test
 * `table[text.charCodeAt(i)]` instead of building a one-character string for a Set lookup.
 * Only single-unit members are kept: `text[i]` is one code unit, so no other member could match.
 */
export function charTable(chars: Iterable<string>): Uint8Array {
  const t = new Uint8Array(65536);
  for (const c of chars) if (c.length === 1) t[c.charCodeAt(0)] = 1;
  return t;
}

/** Whether the code unit at `i` is in `table` (false outside the text, like a Set lookup of undefined). */
export const hasCharAt = (table: Uint8Array, text: string, i: number): boolean =>
  i >= 0 && i < text.length && table[text.charCodeAt(i)] === 1;
