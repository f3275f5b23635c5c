/**
 * Dates become ISO-8601 with an explicit offset (2024-05-20T09:02:29+08:00): the offset the source gave is
 * kept, so the article's local publication time stays readable; `Z` is written as +00:00 for one format.
 */

/** cn.nytimes.com prints Beijing time without a zone (see the seed parser for the evidence). */
export const BEIJING = '+08:00';

const ISO =
  /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T\s]+(\d{1,2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?)?\s*(Z|UTC|GMT|[+-]\d{2}:?\d{2})?$/i;
const RFC822 =
  /^(?:[A-Za-z]{3},?\s+)?(\d{1,2})\s+([A-Za-z]{3})[a-z]*\.?\s+(\d{2,4})\s+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([A-Za-z]{1,4}|[+-]\d{2}:?\d{2})?$/;
const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const ZONES: Record<string, string> = {
  Z: '+00:00',
  UT: '+00:00',
  UTC: '+00:00',
  GMT: '+00:00',
  EST: '-05:00',
  EDT: '-04:00',
  CST: '-06:00',
  CDT: '-05:00',
  MST: '-07:00',
  MDT: '-06:00',
  PST: '-08:00',
  PDT: '-07:00',
};

const pad = (n: number | string) => String(n).padStart(2, '0');

function zone(raw: string | undefined, fallback: string): string | null {
  if (!raw) return fallback;
  const named = ZONES[raw.toUpperCase()];
  if (named) return named;
  const m = /^([+-])(\d{2}):?(\d{2})$/.exec(raw);
  return m ? `${m[1]}${m[2]}:${m[3]}` : null;
}

function build(
  y: number,
  mo: number,
  d: number,
  h: number,
  mi: number,
  s: number,
  offset: string,
): string | null {
  const check = new Date(Date.UTC(y, mo - 1, d, h, mi, s));
  if (check.getUTCMonth() !== mo - 1 || check.getUTCDate() !== d || h > 23 || mi > 59 || s > 59) return null;
  return `${y}-${pad(mo)}-${pad(d)}T${pad(h)}:${pad(mi)}:${pad(s)}${offset}`;
}

/**
 * Reads ISO-like (`2024-05-20 09:02:29`, `2024-05-20T01:02:29Z`) and RSS (`Mon, 20 May 2024 01:02:29 GMT`)
 * dates. `defaultOffset` applies when the text has no zone. Returns null for anything unreadable.
 */
export function toIsoDate(raw: string | null | undefined, defaultOffset = '+00:00'): string | null {
  if (!raw) return null;
  const text = raw.trim();
  const iso = ISO.exec(text);
  if (iso) {
    const offset = zone(iso[7], defaultOffset);
    if (!offset) return null;
    const [y, mo, d, h, mi, s] = [1, 2, 3, 4, 5, 6].map((i) => Number(iso[i] ?? 0));
    return build(y, mo, d, h, mi, s, offset);
  }
  const rfc = RFC822.exec(text);
  if (rfc) {
    const month = MONTHS.indexOf(rfc[2].toLowerCase()) + 1;
    const offset = zone(rfc[7], defaultOffset);
    if (month === 0 || !offset) return null;
    const year = Number(rfc[3]) < 100 ? 2000 + Number(rfc[3]) : Number(rfc[3]);
    return build(year, month, Number(rfc[1]), Number(rfc[4]), Number(rfc[5]), Number(rfc[6] ?? 0), offset);
  }
  return null;
}
