import { createHash } from 'node:crypto';
import type { AliasMemoryEntry, ExtractedArticle } from '../../model/article';
import { entityKey } from '../../graph/keys';

/**
 * The corpus alias memory, made independent of import order.
 *
 * Each article *teaches* some names (learnAliases over its own extraction with an empty memory),
 * so what it teaches depends on nothing imported before. The memory every article is extracted
 * with is the union of what the stored versions of all articles teach, merged per (kind, name)
 * and sorted: a function of the set of articles, not of their order. Each article records which
 * memory entries could affect it (`extractionKey`); when a later import changes one of those
 * entries, the article is extracted again, so the graph converges to the one-shot import.
 */

const byCodeUnit = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** One entry per (kind, name) with the union of its aliases, entries and aliases sorted. */
export function canonicalMemory(lists: Iterable<AliasMemoryEntry[]>): AliasMemoryEntry[] {
  const merged = new Map<string, AliasMemoryEntry & { set: Set<string> }>();
  for (const list of lists) {
    for (const e of list) {
      const id = `${e.kind}\u0000${e.name}`;
      let m = merged.get(id);
      if (!m) merged.set(id, (m = { kind: e.kind, name: e.name, aliases: [], set: new Set() }));
      for (const a of e.aliases) m.set.add(a);
    }
  }
  return [...merged.entries()]
    .sort(([a], [b]) => byCodeUnit(a, b))
    .map(([, m]) => ({ kind: m.kind, name: m.name, aliases: [...m.set].sort(byCodeUnit) }));
}

const entryId = (e: AliasMemoryEntry): string => `${e.kind}\u0000${e.name}\u0000${e.aliases.join('\u0001')}`;

/** Entries of `a` not in `b` and of `b` not in `a` (an entry whose aliases changed counts on both sides). */
export function memoryChanges(a: AliasMemoryEntry[], b: AliasMemoryEntry[]): AliasMemoryEntry[] {
  const inA = new Set(a.map(entryId));
  const inB = new Set(b.map(entryId));
  return [...a.filter((e) => !inB.has(entryId(e))), ...b.filter((e) => !inA.has(entryId(e)))];
}

/** Every name and alias of some entries, without duplicates: what an article must contain to be affected. */
export function surfacesOf(entries: AliasMemoryEntry[]): string[] {
  return [...new Set(entries.flatMap((e) => [e.name, ...e.aliases]).filter((s) => s.length > 0))].sort(
    byCodeUnit,
  );
}

/**
 * Finds the memory entries that can affect one article: an entry matters when one of its names
 * occurs in the article's text (Latin names case-insensitively), or when its key equals the key of
 * a name or alias the extraction produced. A bigram index keeps this linear in the text length.
 */
export class MemoryRelevance {
  private readonly byBigram = new Map<string, { surface: string; entry: number }[]>();
  private readonly byKey = new Map<string, number[]>();

  constructor(readonly entries: AliasMemoryEntry[]) {
    entries.forEach((e, i) => {
      for (const s of [e.name, ...e.aliases]) {
        if (!s) continue;
        const lower = s.toLowerCase();
        const bigram = lower.slice(0, 2);
        const list = this.byBigram.get(bigram) ?? [];
        list.push({ surface: lower, entry: i });
        this.byBigram.set(bigram, list);
        const key = entityKey(s);
        const keyed = this.byKey.get(key) ?? [];
        keyed.push(i);
        this.byKey.set(key, keyed);
      }
    });
  }

  relevant(article: ExtractedArticle): AliasMemoryEntry[] {
    const found = new Set<number>();
    const text = [article.title, ...article.paragraphs, ...article.authors].join('\n').toLowerCase();
    for (let i = 0; i + 1 < text.length; i++) {
      const candidates = this.byBigram.get(text.slice(i, i + 2));
      if (!candidates) continue;
      for (const c of candidates)
        if (!found.has(c.entry) && text.startsWith(c.surface, i)) found.add(c.entry);
    }
    for (const e of [...article.persons, ...article.organizations, ...article.places]) {
      for (const s of [e.name, ...e.aliases])
        for (const i of this.byKey.get(entityKey(s)) ?? []) found.add(i);
    }
    return [...found].sort((a, b) => a - b).map((i) => this.entries[i]);
  }

  /** A digest of the entries that can affect the article: equal keys, equal extraction. */
  extractionKey(article: ExtractedArticle): string {
    const relevant = this.relevant(article);
    return createHash('sha256').update(JSON.stringify(relevant)).digest('hex').slice(0, 32);
  }
}
