import type { Language } from '../../model/article';

/**
 * Zero-width characters, bidi controls, soft hyphens, BOMs and other invisibles that scraped pages carry
 * around: they break matching and word counts downstream and are never meaningful in article text.
 */
const INVISIBLE = /[\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u206f\ufeff\ufff9-\ufffb]/g;
// C0 controls other than tab/newline/carriage return: they appear in damaged files, never in real text.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;

/** Removes invisible and control characters and collapses all whitespace (incl. nbsp, ideographic space). */
export function collapseText(text: string): string {
  return text.replace(INVISIBLE, '').replace(CONTROL, '').replace(/\s+/g, ' ').trim();
}

/** Like collapseText but keeps line breaks (collapsed to single '\n'), for text that had <br> in it. */
export function collapseLines(text: string): string {
  return text
    .split('\n')
    .map(collapseText)
    .filter((line) => line !== '')
    .join('\n');
}

// Han ideographs (incl. extension A and compatibility ideographs), kana and hangul count as one word each.
const CJK_CHAR = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u3040-\u30ff\uac00-\ud7af]/g;
const LATIN_WORD = /[A-Za-z0-9\u00c0-\u024f]+(?:['’.-][A-Za-z0-9\u00c0-\u024f]+)*/g;

/** CJK characters count one each; everything else counts whitespace/punctuation-separated words. */
export function countWords(text: string): number {
  const cjk = text.match(CJK_CHAR)?.length ?? 0;
  const latin = text.replace(CJK_CHAR, ' ').match(LATIN_WORD)?.length ?? 0;
  return cjk + latin;
}

/**
 * `zh` when CJK dominates. One Han character carries about as much as a short English word (~4 letters), so
 * characters are weighed 4:1 against Latin letters: a Chinese article quoting English names stays `zh`, an
 * English article mentioning a Chinese name stays `en`.
 */
export function detectLanguage(text: string): Language {
  const cjk = text.match(CJK_CHAR)?.length ?? 0;
  const latin = text.match(/[A-Za-z]/g)?.length ?? 0;
  return cjk > 0 && cjk * 4 >= latin ? 'zh' : 'en';
}
