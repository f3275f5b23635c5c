/**
 * Features of the English tagger, one list of hashed features per token (see ../hash.ts): the word
 * (exact and lower-cased, digits folded), its shape (Xxxx, XX, X.X., dd-dd) and collapsed shape,
 * prefixes and suffixes up to 4 characters, capitalization and sentence position, the neighbours two
 * tokens either side, word and shape bigrams, whether the sentence is a headline in capitals, and the
 * gazetteer lists (gazetteer.ts) a phrase through the token is on, with its position in the phrase.
 */
import { hash1, hash2, hash3, hashString } from '../hash';
import type { FeatureSeq, FeatureSeqBuilder } from '../sequence';
import { gazetteer, type GazKind } from './gazetteer';

const GAZ_IDS: Record<GazKind, number> = { country: 1, place: 2, given: 3, org: 4, orgword: 5, person: 6 };

const enum F {
  Bias = 1,
  Word,
  Lower,
  Shape,
  Short,
  Prefix,
  Suffix,
  Prev1,
  Next1,
  Prev2,
  Next2,
  ShapePrev,
  ShapeNext,
  BigramPrev,
  BigramNext,
  Initial,
  Caps,
  Gaz,
  GazPrev,
  GazNext,
  PrevShort,
  ShortNext,
  ShortTri,
  Length,
}

/** Xxxx -> word shape with runs kept: "McCain" -> XxXxxxx, "U.S." -> X.X., "1996-08-30" -> dddd-dd-dd. */
function shapeOf(word: string): string {
  let out = '';
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i);
    if (c >= 65 && c <= 90) out += 'X';
    else if (c >= 97 && c <= 122) out += 'x';
    else if (c >= 48 && c <= 57) out += 'd';
    else if (c < 128) out += word[i];
    else out += slowShape(word[i]);
  }
  return out;
}

function slowShape(ch: string): string {
  if (/\p{Lu}/u.test(ch)) return 'X';
  if (/\p{Ll}/u.test(ch)) return 'x';
  if (/\p{Nd}/u.test(ch)) return 'd';
  return ch;
}

/** The shape with runs collapsed: Xxxx -> Xx, XXXX -> X, dd.dd -> d.d. */
const shortOf = (shape: string): string => shape.replace(/(.)\1+/g, '$1');

const fold = (word: string): string => word.toLowerCase().replace(/\d/g, '0');

const BOS = hashString(99, '<s>');
const EOS = hashString(99, '</s>');

/** Per-token hashes reused by the feature templates. */
interface TokenInfo {
  lower: number;
  shape: number;
  short: number;
  gaz: number[];
}

const NONE: number[] = [];

function gazetteerTags(lowered: string[]): number[][] {
  const { phrases, prefixes, maxLen } = gazetteer();
  const tags: number[][] = lowered.map(() => NONE);
  for (let i = 0; i < lowered.length; i++) {
    let phrase = '';
    for (let len = 1; len <= maxLen && i + len <= lowered.length; len++) {
      phrase = len === 1 ? lowered[i] : `${phrase} ${lowered[i + len - 1]}`;
      if (!prefixes.has(phrase)) break;
      const kinds = phrases.get(phrase);
      if (!kinds) continue;
      for (const kind of kinds) {
        const id = GAZ_IDS[kind];
        // B/I of the phrase, and whether it is a one-word match.
        for (let k = 0; k < len; k++) {
          if (tags[i + k] === NONE) tags[i + k] = [];
          tags[i + k].push(id * 4 + (len === 1 ? 0 : k === 0 ? 1 : 2));
        }
      }
    }
  }
  return tags;
}

/** Fills `b` with the features of one sentence of tokens and returns the built sequence (a view). */
export function englishFeatures(tokens: readonly string[], b: FeatureSeqBuilder): FeatureSeq {
  b.reset();
  const n = tokens.length;
  const lowered = tokens.map((t) => t.toLowerCase());
  const gaz = gazetteerTags(lowered);
  const letters = tokens.filter((t) => /\p{L}/u.test(t));
  const headline = letters.length >= 2 && letters.every((t) => t === t.toUpperCase()) ? 1 : 0;
  const info: TokenInfo[] = tokens.map((t, i) => {
    const shape = shapeOf(t.length > 12 ? t.slice(0, 6) + t.slice(-6) : t);
    return {
      lower: hashString(2, fold(t)),
      shape: hashString(3, shape),
      short: hashString(4, shortOf(shape)),
      gaz: gaz[i],
    };
  });
  const at = (i: number): TokenInfo | null => (i >= 0 && i < n ? info[i] : null);
  for (let i = 0; i < n; i++) {
    const t = tokens[i];
    const cur = info[i];
    const p1 = at(i - 1);
    const n1 = at(i + 1);
    const p2 = at(i - 2);
    const n2 = at(i + 2);
    const lp1 = p1 ? p1.lower : BOS;
    const ln1 = n1 ? n1.lower : EOS;
    b.add(hash1(F.Bias, 0));
    b.add(hash1(F.Word, hashString(1, t)));
    b.add(hash1(F.Lower, cur.lower));
    b.add(hash1(F.Shape, cur.shape));
    b.add(hash1(F.Short, cur.short));
    const low = fold(t);
    for (let k = 1; k <= 4 && k < low.length; k++) {
      b.add(hash2(F.Prefix, k, hashString(5, low.slice(0, k))));
      b.add(hash2(F.Suffix, k, hashString(6, low.slice(-k))));
    }
    b.add(hash1(F.Prev1, lp1));
    b.add(hash1(F.Next1, ln1));
    b.add(hash1(F.Prev2, p2 ? p2.lower : BOS));
    b.add(hash1(F.Next2, n2 ? n2.lower : EOS));
    b.add(hash2(F.ShapePrev, p1 ? p1.short : BOS, cur.short));
    b.add(hash2(F.ShapeNext, cur.short, n1 ? n1.short : EOS));
    b.add(hash2(F.BigramPrev, lp1, cur.lower));
    b.add(hash2(F.BigramNext, cur.lower, ln1));
    b.add(hash2(F.PrevShort, lp1, cur.short));
    b.add(hash2(F.ShortNext, cur.short, ln1));
    b.add(hash3(F.ShortTri, p1 ? p1.short : BOS, cur.short, n1 ? n1.short : EOS));
    b.add(hash2(F.Initial, i === 0 ? 1 : 0, cur.short));
    b.add(hash2(F.Caps, headline, cur.short));
    b.add(hash1(F.Length, Math.min(t.length, 12)));
    for (const g of cur.gaz) b.add(hash2(F.Gaz, g, headline));
    if (p1) for (const g of p1.gaz) b.add(hash1(F.GazPrev, g));
    if (n1) for (const g of n1.gaz) b.add(hash1(F.GazNext, g));
    b.endItem();
  }
  return b.build();
}
