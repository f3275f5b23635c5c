/**
 * Character features for the Chinese tagger, one item per UTF-16 code unit, computed as integer
 * hashes straight from char codes, jieba word ids and small class codes (no strings per character):
 *
 * - characters in a window of ±2, bigrams and a trigram around the character;
 * - character classes (Han, surname, transliteration character, digit, Latin, punctuation, space);
 * - the jieba word the character is in (precise mode, no HMM: the extractor's own segmentation):
 *   position in it (B/M/E/S), its length, its dictionary id, its part of speech and its neighbours';
 * - the gazetteer (countries, places, known organizations and persons, plus the alias memory when
 *   the extractor passes its per-article gazetteer): kind and position of the longest match;
 * - organization suffixes (委员会, 大学, ...) ending at or right after the character.
 */
import {
  type Gazetteer,
  type Kind,
  loadResources,
  type Resources,
  Trie,
} from '../../import/extract/gazetteer';
import { COMPOUND_SURNAMES, ORG_SUFFIXES, SURNAMES, TRANSLIT_CHARS } from '../../import/extract/lexicon';
import { hash1, hash2, hash3, hashEnd, hashMix, hashStart } from '../hash';
import type { FeatureSeq, FeatureSeqBuilder } from '../sequence';

/** Token boundaries of a text: token `k` starts at `starts[k]`; `ids[k]` is its jieba word id (0: none). */
export interface Tokens {
  starts: ArrayLike<number>;
  ids: ArrayLike<number>;
  tokens: ArrayLike<string>;
}

// Character classes.
const C_OTHER = 0;
const C_HAN = 1;
const C_DIGIT = 2;
const C_LATIN = 3;
const C_PUNCT = 4;
const C_SPACE = 5;
const C_NUMERAL = 6; // Chinese numerals
const C_PAD = 7; // beyond the text
const F_SURNAME = 8;
const F_TRANSLIT = 16;
const F_COMPOUND = 32;

const CLASS = new Uint8Array(65536);
(() => {
  for (let c = 0; c < 65536; c++) {
    let k = C_OTHER;
    if ((c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf) || (c >= 0xf900 && c <= 0xfaff))
      k = C_HAN;
    else if ((c >= 48 && c <= 57) || (c >= 0xff10 && c <= 0xff19)) k = C_DIGIT;
    else if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c >= 0xff21 && c <= 0xff5a)) k = C_LATIN;
    else if (c === 32 || c === 9 || c === 10 || c === 13 || c === 0x3000 || c === 0xa0) k = C_SPACE;
    else if (
      (c >= 33 && c <= 47) ||
      (c >= 58 && c <= 64) ||
      (c >= 91 && c <= 96) ||
      (c >= 123 && c <= 126) ||
      (c >= 0x2000 && c <= 0x206f) ||
      (c >= 0x3001 && c <= 0x303f) ||
      (c >= 0xff01 && c <= 0xff0f) ||
      (c >= 0xff1a && c <= 0xff20) ||
      (c >= 0xff3b && c <= 0xff40) ||
      (c >= 0xff5b && c <= 0xff65) ||
      c === 0xb7
    )
      k = C_PUNCT;
    CLASS[c] = k;
  }
  for (const ch of '〇零一二三四五六七八九十百千万亿两') CLASS[ch.charCodeAt(0)] = C_NUMERAL;
  for (const ch of SURNAMES) CLASS[ch.charCodeAt(0)] |= F_SURNAME;
  for (const ch of TRANSLIT_CHARS) CLASS[ch.charCodeAt(0)] |= F_TRANSLIT;
  for (const s of COMPOUND_SURNAMES) CLASS[s.charCodeAt(0)] |= F_COMPOUND;
})();

const KIND_CODE: Record<Kind, number> = { person: 1, org: 2, place: 3 };

// Template ids (each feature hash starts from one; changing them invalidates the model).
const enum Tpl {
  Bias = 1,
  C0,
  Cm1,
  Cp1,
  Cm2,
  Cp2,
  Bm1,
  Bp1,
  Bm2,
  Bp2,
  Skip,
  Tri,
  Cls3,
  ClsR,
  ClsL,
  WordShape,
  WordId,
  WordPos,
  PosPrev,
  PosNext,
  PrevWord,
  NextWord,
  Gaz,
  GazChar,
  Suffix,
  SuffixNext,
  ClsWord,
  Latin,
}

/** POS tags of jieba's dictionary as small integers. */
class PosTable {
  private readonly codes = new Map<string, number>();
  private cache: Uint8Array;

  constructor(private readonly res: Resources) {
    this.cache = new Uint8Array(res.segmenter.nodeCount + 1);
  }

  /** POS code of dictionary word `id` (0 unknown), + 1 cached. */
  of(id: number): number {
    if (id <= 0) return 0;
    if (id >= this.cache.length) return 0;
    const c = this.cache[id];
    if (c) return c - 1;
    const tag = this.res.pos.get(this.res.segmenter.wordOf(id));
    let code = 0;
    if (tag) {
      code = this.codes.get(tag) ?? 0;
      if (!code) this.codes.set(tag, (code = this.codes.size + 1));
    }
    this.cache[id] = code + 1;
    return code;
  }
}

let suffixTrie: Trie | null = null;
function suffixes(): Trie {
  if (!suffixTrie) {
    suffixTrie = new Trie(false);
    for (const s of ORG_SUFFIXES) suffixTrie.add(s, { kind: 'org', name: s, aliases: [] });
  }
  return suffixTrie;
}

export class ChineseFeatures {
  private readonly pos: PosTable;
  private readonly staticGaz: Trie;
  // Per-text buffers, grown as needed.
  private codes = new Int32Array(0);
  private cls = new Uint8Array(0);
  private wordPos = new Uint8Array(0); // B=1 M=2 E=3 S=4
  private wordLen = new Uint8Array(0);
  private wordIdx = new Int32Array(0); // token index per char
  private gaz = new Uint8Array(0); // kind*4 + BMES
  private suffixEnd = new Uint8Array(0);
  private readonly tokTmp: string[] = [];
  private readonly startTmp: number[] = [];
  private readonly idTmp: number[] = [];

  constructor(
    readonly res: Resources = loadResources(),
    gazetteer?: Gazetteer,
  ) {
    this.pos = new PosTable(res);
    this.staticGaz = gazetteer?.trie ?? new GazetteerTrie(res).trie;
  }

  private ensure(n: number): void {
    if (this.codes.length >= n) return;
    const size = Math.max(n, this.codes.length * 2, 256);
    this.codes = new Int32Array(size);
    this.cls = new Uint8Array(size);
    this.wordPos = new Uint8Array(size);
    this.wordLen = new Uint8Array(size);
    this.wordIdx = new Int32Array(size);
    this.gaz = new Uint8Array(size);
    this.suffixEnd = new Uint8Array(size);
  }

  /** Longest static-gazetteer matches of one kind, left to right without overlaps. */
  gazetteerSpans(text: string, kind: Kind): { start: number; end: number }[] {
    const out: { start: number; end: number }[] = [];
    let covered = 0;
    this.staticGaz.scan(text, 0x2e80, (s, e, entry) => {
      if (s < covered) return;
      covered = e;
      if (entry.kind === kind) out.push({ start: s, end: e });
    });
    return out;
  }

  /** jieba tokens of a text (the extractor passes its own instead). */
  tokenize(text: string): Tokens {
    this.tokTmp.length = 0;
    this.startTmp.length = 0;
    this.idTmp.length = 0;
    this.res.segmenter.cutInto(text, this.tokTmp, this.startTmp, this.idTmp);
    return { tokens: this.tokTmp, starts: this.startTmp, ids: this.idTmp };
  }

  /**
   * Features of `text` into `b` (reset first); `tokens` are its jieba tokens (computed when absent),
   * `gazetteer` a per-call trie (e.g. the extractor's, with the alias memory) instead of the static one.
   */
  extract(text: string, b: FeatureSeqBuilder, tokens?: Tokens, gazetteer?: Trie): FeatureSeq {
    const n = text.length;
    this.ensure(n);
    const { codes, cls, wordPos, wordLen, wordIdx, gaz, suffixEnd } = this;
    for (let i = 0; i < n; i++) {
      const c = text.charCodeAt(i);
      codes[i] = c;
      cls[i] = CLASS[c];
    }
    const tok = tokens ?? (Segmentable(text) ? this.tokenize(text) : null);
    wordPos.fill(4, 0, n);
    wordLen.fill(1, 0, n);
    for (let i = 0; i < n; i++) wordIdx[i] = -1;
    const ntok = tok ? tok.starts.length : 0;
    if (tok)
      for (let k = 0; k < ntok; k++) {
        const s = tok.starts[k];
        const e = Math.min(n, s + tok.tokens[k].length);
        const len = e - s;
        for (let i = s; i < e; i++) {
          wordIdx[i] = k;
          wordLen[i] = len > 6 ? 6 : len;
          wordPos[i] = len === 1 ? 4 : i === s ? 1 : i === e - 1 ? 3 : 2;
        }
      }
    gaz.fill(0, 0, n);
    let covered = 0;
    (gazetteer ?? this.staticGaz).scan(text, 0x2e80, (s, e, entry) => {
      if (s < covered) return;
      covered = e;
      const k = KIND_CODE[entry.kind] * 4;
      if (e - s === 1) gaz[s] = k + 4;
      else for (let i = s; i < e; i++) gaz[i] = k + (i === s ? 1 : i === e - 1 ? 3 : 2);
    });
    suffixEnd.fill(0, 0, n);
    suffixes().scan(text, 0x2e80, (s, e) => {
      const len = e - s;
      if (suffixEnd[e - 1] < len) suffixEnd[e - 1] = len > 7 ? 7 : len;
    });

    const code = (i: number): number => (i < 0 ? -1 : i >= n ? -2 : codes[i]);
    const klass = (i: number): number => (i < 0 || i >= n ? C_PAD : cls[i]);
    const tokId = (k: number): number =>
      !tok || k < 0 || k >= ntok ? 0 : tok.ids[k] || -tok.tokens[k].charCodeAt(0);
    const tokPos = (k: number): number => (!tok || k < 0 || k >= ntok ? 255 : this.pos.of(tok.ids[k]));

    b.reset();
    for (let i = 0; i < n; i++) {
      const c0 = codes[i];
      const cm1 = code(i - 1);
      const cp1 = code(i + 1);
      const cm2 = code(i - 2);
      const cp2 = code(i + 2);
      b.add(hash1(Tpl.Bias, 0));
      b.add(hash1(Tpl.C0, c0));
      b.add(hash1(Tpl.Cm1, cm1));
      b.add(hash1(Tpl.Cp1, cp1));
      b.add(hash1(Tpl.Cm2, cm2));
      b.add(hash1(Tpl.Cp2, cp2));
      b.add(hash2(Tpl.Bm1, cm1, c0));
      b.add(hash2(Tpl.Bp1, c0, cp1));
      b.add(hash2(Tpl.Bm2, cm2, cm1));
      b.add(hash2(Tpl.Bp2, cp1, cp2));
      b.add(hash2(Tpl.Skip, cm1, cp1));
      b.add(hash3(Tpl.Tri, cm1, c0, cp1));
      const k0 = klass(i);
      b.add(hash3(Tpl.Cls3, klass(i - 1), k0, klass(i + 1)));
      b.add(hash3(Tpl.ClsR, k0, klass(i + 1), klass(i + 2)));
      b.add(hash3(Tpl.ClsL, klass(i - 2), klass(i - 1), k0));
      const wp = wordPos[i];
      const wl = wordLen[i];
      b.add(hash2(Tpl.WordShape, wp, wl));
      b.add(hash3(Tpl.ClsWord, k0, wp, wl));
      const w = wordIdx[i];
      if (w >= 0) {
        b.add(hash2(Tpl.WordId, tokId(w), wp));
        const p = tokPos(w);
        b.add(hash2(Tpl.WordPos, p, wp));
        b.add(hash3(Tpl.PosPrev, tokPos(w - 1), p, wp));
        b.add(hash3(Tpl.PosNext, p, tokPos(w + 1), wp));
        if (wp === 1 || wp === 4) b.add(hash1(Tpl.PrevWord, tokId(w - 1)));
        if (wp === 3 || wp === 4) b.add(hash1(Tpl.NextWord, tokId(w + 1)));
      }
      const g = gaz[i];
      if (g) {
        b.add(hash1(Tpl.Gaz, g));
        b.add(hash2(Tpl.GazChar, g, c0));
      }
      if (suffixEnd[i]) b.add(hash1(Tpl.Suffix, suffixEnd[i]));
      if (i + 1 < n && suffixEnd[i + 1]) b.add(hash1(Tpl.SuffixNext, suffixEnd[i + 1]));
      if ((k0 & 7) === C_LATIN) {
        // The Latin run's length and whether it is capitalized (English names inside Chinese text).
        let h = hashStart(Tpl.Latin);
        h = hashMix(h, cm1 >= 65 && cm1 <= 90 ? 1 : 0);
        b.add(hashEnd(hashMix(h, c0 >= 65 && c0 <= 90 ? 1 : 0)));
      }
      b.endItem();
    }
    return b.build();
  }
}

/** Whether the JavaScript segmenter handles the text (else the tokens are left out: rare astral text). */
function Segmentable(text: string): boolean {
  return !/[\uD800-\uDFFF]/.test(text);
}

/** The static gazetteer's trie, built once per Resources (no alias memory). */
class GazetteerTrie {
  private static cache = new WeakMap<Resources, Trie>();
  readonly trie: Trie;
  constructor(res: Resources) {
    let t = GazetteerTrie.cache.get(res);
    if (!t) {
      t = new Trie();
      for (const e of res.entries)
        for (const s of [e.name, ...e.aliases]) if (s && s.length >= 2 && !/[A-Za-z]/.test(s)) t.add(s, e);
      GazetteerTrie.cache.set(res, t);
    }
    this.trie = t;
  }
}
