import type { Language } from '../../model/article';

/**
 * Zero-width characters, bidi controls, soft hyphens, BOMs and other invisibles that scraped pages carry
 * around: they break matching and word counts downstream and are never meaningful in article text.
 */
const INVISIBLE = /[\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u206f\ufeff\ufff9-\ufffb]/g;
// C0 controls other than tab/newline/carriage return: they appear in damaged files, never in real text.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;

// Non-global twin for a cheap test: most text has none of these, and then no replace pass is needed.
const INVISIBLE_OR_CONTROL =
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  /[\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u206f\ufeff\ufff9-\ufffb\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

/** Removes invisible and control characters and collapses all whitespace (incl. nbsp, ideographic space). */
export function collapseText(text: string): string {
  const visible = INVISIBLE_OR_CONTROL.test(text) ? text.replace(INVISIBLE, '').replace(CONTROL, '') : text;
  return visible.replace(/\s+/g, ' ').trim();
}

/** Like collapseText but keeps line breaks (collapsed to single '\n'), for text that had <br> in it. */
export function collapseLines(text: string): string {
  const visible = INVISIBLE_OR_CONTROL.test(text) ? text.replace(INVISIBLE, '').replace(CONTROL, '') : text;
  return visible
    .replace(/[^\S\n]+/g, ' ')
    .replace(/ ?\n[\s]*/g, '\n')
    .trim();
}

interface ScriptStats {
  /** Han ideographs (incl. extension A and compatibility ideographs), kana and hangul. */
  cjk: number;
  latinLetters: number;
  /** Runs of Latin letters/digits, joined by ' ’ . - inside a word (don't, U.S., Sang-Hun). */
  latinWords: number;
}

function isCjk(c: number): boolean {
  return (
    (c >= 0x4e00 && c <= 0x9fff) ||
    (c >= 0x3400 && c <= 0x4dbf) ||
    (c >= 0xf900 && c <= 0xfaff) ||
    (c >= 0x3040 && c <= 0x30ff) ||
    (c >= 0xac00 && c <= 0xd7af)
  );
}

function isLatinLetter(c: number): boolean {
  return (
    (c >= 0x41 && c <= 0x5a) ||
    (c >= 0x61 && c <= 0x7a) ||
    (c >= 0xc0 && c <= 0x24f && c !== 0xd7 && c !== 0xf7)
  );
}

const isDigit = (c: number) => c >= 0x30 && c <= 0x39;
const isJoiner = (c: number) => c === 0x27 || c === 0x2019 || c === 0x2e || c === 0x2d;

/** One pass over the text: this runs on every article, so no regex match arrays. */
function scriptStats(text: string): ScriptStats {
  let cjk = 0;
  let latinLetters = 0;
  let latinWords = 0;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (isCjk(c)) {
      cjk++;
      inWord = false;
    } else if (isLatinLetter(c) || isDigit(c)) {
      if (!isDigit(c)) latinLetters++;
      if (!inWord) latinWords++;
      inWord = true;
    } else if (inWord && isJoiner(c) && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1);
      inWord = isLatinLetter(next) || isDigit(next);
    } else {
      inWord = false;
    }
  }
  return { cjk, latinLetters, latinWords };
}

/** CJK characters count one each; everything else counts words. */
export function countWords(text: string): number {
  const stats = scriptStats(text);
  return stats.cjk + stats.latinWords;
}

/**
 * `zh` when CJK dominates. One Han character carries about as much as a short English word (~4 letters), so
 * characters are weighed 4:1 against Latin letters: a Chinese article quoting English names stays `zh`, an
 * English article mentioning a Chinese name stays `en`.
 */
export function detectLanguage(text: string): Language {
  const { cjk, latinLetters } = scriptStats(text);
  return cjk > 0 && cjk * 4 >= latinLetters ? 'zh' : 'en';
}
