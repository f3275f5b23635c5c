import fs from 'fs';
import path from 'path';
import countries from 'i18n-iso-countries';
import enLocale from 'i18n-iso-countries/langs/en.json';
import zhLocale from 'i18n-iso-countries/langs/zh.json';
import { Jieba } from '@node-rs/jieba';
import type { AliasMemoryEntry } from '../../model/article';
import { entityKey } from '../../graph/keys';
import {
  CN_PLACES,
  COUNTRY_EXTRA,
  COUNTRY_NAME_EXCLUDE,
  KNOWN_ORGS,
  KNOWN_PERSONS,
  WORLD_PLACES,
} from './lexicon';
import { Segmenter } from './segment';

export type Kind = 'person' | 'org' | 'place';

export interface LexEntry {
  kind: Kind;
  /** Canonical name. */
  name: string;
  aliases: string[];
  /** A sovereign country (from i18n-iso-countries). */
  country?: boolean;
}

interface TrieNode {
  /** Children by UTF-16 code unit. */
  next: Map<number, TrieNode>;
  entry?: LexEntry;
}

/** Character trie for longest-match dictionary lookup over running text. */
export class Trie {
  private root: TrieNode = { next: new Map() };
  /**
   * The root's children by first UTF-16 unit, as a dense table: most text positions are rejected
   * with one array read. Left out for small per-article tries, where allocating it per article
   * costs more than it saves.
   */
  private direct: (TrieNode | undefined)[] | null;
  /** 1 where `direct` has a node: a quarter of its size, so most rejections stay in the cache. */
  private hasFirst: Uint8Array | null;

  constructor(indexed = true) {
    this.direct = indexed ? new Array<TrieNode | undefined>(65536).fill(undefined) : null;
    this.hasFirst = indexed ? new Uint8Array(65536) : null;
  }

  add(surface: string, entry: LexEntry): void {
    // Lookups walk code units; a surface with a character outside the BMP could never match.
    if (/[\uD800-\uDBFF][\uDC00-\uDFFF]/.test(surface)) return;
    let node = this.root;
    for (let i = 0; i < surface.length; i++) {
      const ch = surface.charCodeAt(i);
      let child = node.next.get(ch);
      if (!child) {
        child = { next: new Map() };
        node.next.set(ch, child);
        if (i === 0 && this.direct) {
          this.direct[ch] = child;
          this.hasFirst![ch] = 1;
        }
      }
      node = child;
    }
    // A memory entry never overrides a reviewed gazetteer entry for the same surface.
    if (!node.entry) node.entry = entry;
  }

  /**
   * The longest entry at every position whose code unit is at least `minCode`, in text order: one
   * call per text instead of one per character.
   */
  scan(text: string, minCode: number, found: (start: number, end: number, entry: LexEntry) => void): void {
    const direct = this.direct;
    const hasFirst = this.hasFirst;
    const rootNext = this.root.next;
    const n = text.length;
    for (let start = 0; start < n; start++) {
      const code = text.charCodeAt(start);
      if (code < minCode) continue;
      if (hasFirst && hasFirst[code] === 0) continue;
      let node: TrieNode | undefined = direct ? direct[code] : rootNext.get(code);
      if (!node) continue;
      let bestEnd = -1;
      let bestEntry: LexEntry | undefined;
      for (let i = start + 1; node; i++) {
        if (node.entry) {
          bestEnd = i;
          bestEntry = node.entry;
        }
        if (i >= n) break;
        node = node.next.get(text.charCodeAt(i));
      }
      if (bestEntry) found(start, bestEnd, bestEntry);
    }
  }
}

const isLatin = (s: string): boolean => /[A-Za-z]/.test(s);

/** Static resources shared by every extractor: loading jieba's dictionaries takes ~1 s, so do it once. */
export interface Resources {
  /**
   * The native jieba, for the text the JavaScript segmenter leaves to it (surrogates). Built on
   * first use: its dictionary costs about 38 MB of resident memory that most imports never need.
   */
  readonly jieba: Jieba;
  /** The same segmentation as `jieba.cut(text, false)` in JavaScript (see segment.ts). */
  segmenter: Segmenter;
  /** jieba's part-of-speech tag per dictionary word. */
  pos: Map<string, string>;
  /** jieba's bundled IDF table: static, so topic weights never depend on the imported corpus. */
  idf: Map<string, number>;
  medianIdf: number;
  /** Words that may be topics (nouns, places, organizations, foreign words) -> IDF: one lookup per token. */
  topicIdf: Map<string, number>;
  entries: LexEntry[];
}

let cached: Resources | null = null;

/** jieba tags of words that can name what an article is about. */
export const TOPIC_TAGS = new Set(['n', 'nz', 'vn', 'ns', 'nt', 'j', 'l']);

function jiebaDir(): string {
  return path.dirname(require.resolve('@node-rs/jieba/package.json'));
}

function buildEntries(): LexEntry[] {
  const entries: LexEntry[] = [];
  countries.registerLocale(zhLocale);
  countries.registerLocale(enLocale);
  const zhNames = countries.getNames('zh', { select: 'all' }) as Record<string, string[]>;
  const enNames = countries.getNames('en', { select: 'all' }) as Record<string, string[]>;
  for (const [code, names] of Object.entries(zhNames)) {
    const zhList = [...names, ...(COUNTRY_EXTRA[code] ?? [])].filter((n) => !COUNTRY_NAME_EXCLUDE.has(n));
    // i18n-iso-countries calls Taiwan 中国台湾省; news text and the graph use 台湾.
    if (code === 'TW') zhList.unshift('台湾');
    if (code === 'CF') zhList.unshift('中非共和国');
    if (zhList.length === 0) continue;
    const [name, ...rest] = [...new Set(zhList)];
    entries.push({ kind: 'place', name, aliases: [...rest, ...(enNames[code] ?? [])], country: true });
  }
  const seen = new Set(entries.flatMap((e) => [e.name, ...e.aliases]));
  for (const p of [...CN_PLACES, ...WORLD_PLACES]) {
    if (!p || seen.has(p)) continue;
    seen.add(p);
    entries.push({ kind: 'place', name: p, aliases: [] });
  }
  // Province and state names with and without their 省/州 suffix are one place.
  const byName = new Map(entries.map((e) => [e.name, e]));
  for (const e of [...entries]) {
    // Not 华盛顿州 = 华盛顿 or 纽约州 = 纽约: those short forms are the cities.
    const m = /^(.{2,})[省州]$/.exec(e.name);
    if (m && (m[1] === '华盛顿' || m[1] === '纽约')) continue;
    const short = m && byName.get(m[1]);
    if (short && short.kind === 'place' && short !== e) {
      e.aliases.push(short.name);
      entries.splice(entries.indexOf(short), 1);
      byName.set(short.name, e);
    }
  }
  for (const [name, ...aliases] of KNOWN_ORGS) entries.push({ kind: 'org', name, aliases });
  for (const [name, ...aliases] of KNOWN_PERSONS) entries.push({ kind: 'person', name, aliases });
  return entries;
}

/**
 * Drops the shared dictionaries (about 100 MB of heap); the next extractor loads them again.
 * The importer calls it once extraction is over, before its corpus-wide finalize step.
 */
export function releaseResources(): void {
  cached = null;
}

export function loadResources(): Resources {
  if (cached) return cached;
  const dir = jiebaDir();
  const dictPath = path.join(dir, 'dict.txt');
  const dict = fs.readFileSync(dictPath);
  let native: Jieba | undefined;
  const pos = new Map<string, string>();
  const words: string[] = [];
  const freqs: number[] = [];
  for (const line of dict.toString('utf8').split('\n')) {
    const a = line.indexOf(' ');
    const b = line.lastIndexOf(' ');
    const key = a > 0 && b > a ? line.slice(0, a) : undefined;
    if (key !== undefined) pos.set(key, line.slice(b + 1).trim());
    // The segmenter reads the lines as jieba does: word, frequency (0 when absent), tag.
    const [word, freq] = line.trim().split(/\s+/);
    if (word) {
      // Its tokens are these strings: the very keys of `pos` and `topicIdf`, so that looking a token
      // up there finds its key by identity instead of comparing characters.
      words.push(word === key ? key : word);
      freqs.push(freq === undefined ? 0 : Number(freq));
    }
  }
  const segmenter = new Segmenter(words, freqs);
  const idf = new Map<string, number>();
  const values: number[] = [];
  for (const line of fs.readFileSync(path.join(dir, 'idf.txt'), 'utf8').split('\n')) {
    const i = line.indexOf(' ');
    if (i <= 0) continue;
    const v = Number(line.slice(i + 1));
    idf.set(line.slice(0, i), v);
    values.push(v);
  }
  values.sort((x, y) => x - y);
  const entries = buildEntries();
  const medianIdf = values[Math.floor(values.length / 2)] ?? 10;
  const topicIdf = new Map<string, number>();
  for (const [w, tag] of pos) {
    if (w.length >= 2 && TOPIC_TAGS.has(tag))
      topicIdf.set(w, idf.get(w) ?? (w.length > 3 ? medianIdf + 1 : medianIdf));
  }
  cached = {
    get jieba() {
      native ??= Jieba.withDict(fs.readFileSync(dictPath));
      return native;
    },
    segmenter,
    pos,
    idf,
    medianIdf,
    topicIdf,
    entries,
  };
  return cached;
}

const KIND_OF: Record<AliasMemoryEntry['kind'], Kind> = {
  Person: 'person',
  Organization: 'org',
  Place: 'place',
};

/**
 * The lookup tables of one extractor: the static gazetteer plus whatever the alias memory holds.
 * Memory entries are read incrementally because the importer appends to the same memory object
 * while it goes.
 */
export class Gazetteer {
  readonly trie = new Trie();
  /** Latin-script surface (lower-cased) -> entry, for English text and bracketed English names. */
  readonly latin: Map<string, LexEntry>;
  /** entityKey of any surface -> entry. */
  readonly byKey = new Map<string, LexEntry>();
  /** Canonical names of countries: 中国银行 after 的 is generic only when 中国 is a country. */
  readonly countries = new Set<string>();
  private memorySeen = 0;

  constructor(readonly res: Resources) {
    this.latin = new Map();
    // Cloned because memory entries grow aliases, and extractors must not leak into each other.
    for (const e of res.entries) this.add({ ...e, aliases: [...e.aliases] }, false);
    for (const e of res.entries) if (e.country) this.countries.add(e.name);
  }

  private add(e: LexEntry, fromMemory: boolean): void {
    for (const s of [e.name, ...e.aliases]) {
      if (!s) continue;
      const key = entityKey(s);
      if (isLatin(s)) {
        if (!this.latin.has(s.toLowerCase())) this.latin.set(s.toLowerCase(), e);
      } else if (s.length >= 2) {
        this.trie.add(s, e);
      }
      if (!this.byKey.has(key) || !fromMemory) this.byKey.set(key, e);
    }
  }

  syncMemory(entries: AliasMemoryEntry[] | undefined): void {
    if (!entries) return;
    for (; this.memorySeen < entries.length; this.memorySeen++) {
      const m = entries[this.memorySeen];
      const kind = KIND_OF[m.kind];
      if (!kind || !m.name) continue;
      const known = this.byKey.get(entityKey(m.name));
      if (known && known.kind === kind) {
        // Grow the known entry rather than creating a rival canonical name.
        for (const a of m.aliases) if (!known.aliases.includes(a) && a !== known.name) known.aliases.push(a);
        this.add(known, true);
      } else {
        this.add({ kind, name: m.name, aliases: [...m.aliases] }, true);
      }
    }
  }
}
