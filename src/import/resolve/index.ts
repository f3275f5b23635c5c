import type {
  AliasMemory,
  AliasMemoryEntry,
  EntityKind,
  ExtractedArticle,
  NamedEntity,
} from '../../model/article';
import { COMPOUND_SURNAMES, KNOWN_ORGS, KNOWN_PERSONS, ORG_SUFFIXES, SURNAMES } from '../extract/lexicon';
import { entityKey } from '../../graph/keys';

/** Code-unit order: deterministic, and far cheaper than locale collation in a hot sort. */
const byCodeUnit = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

type MemoryKind = Exclude<EntityKind, 'Topic'>;

interface MemoryIndex {
  size: number;
  /** kind -> key -> canonical names that claim this surface. */
  byKey: Map<string, Map<string, Set<string>>>;
  /** kind -> key(canonical) -> every alias known for it. */
  aliases: Map<string, Map<string, Set<string>>>;
}

/** The per-kind map of a two-level index (created when `create`). */
function ofKind<V>(m: Map<string, Map<string, V>>, kind: string): Map<string, V> | undefined;
function ofKind<V>(m: Map<string, Map<string, V>>, kind: string, create: true): Map<string, V>;
function ofKind<V>(m: Map<string, Map<string, V>>, kind: string, create = false): Map<string, V> | undefined {
  let sub = m.get(kind);
  if (!sub && create) m.set(kind, (sub = new Map()));
  return sub;
}

const indexes = new WeakMap<AliasMemory, MemoryIndex>();

/** A bare surname taken from a full name (舒曼 of 迈克尔·舒曼) must never join names across articles. */
function isShortForm(alias: string, name: string): boolean {
  const parts = name.split('·');
  return parts.length > 1 && parts.slice(1).some((p) => p === alias);
}

function memoryIndex(memory: AliasMemory): MemoryIndex {
  let idx = indexes.get(memory);
  if (!idx) {
    idx = { size: 0, byKey: new Map(), aliases: new Map() };
    indexes.set(memory, idx);
  }
  // The importer appends to the same memory while it goes: index only the new entries.
  for (; idx.size < memory.entries.length; idx.size++) {
    const e = memory.entries[idx.size];
    if (!e?.name) continue;
    const canonicalKey = entityKey(e.name);
    const aliasesOfKind = ofKind(idx.aliases, e.kind, true);
    const byKeyOfKind = ofKind(idx.byKey, e.kind, true);
    const known = aliasesOfKind.get(canonicalKey) ?? new Set<string>();
    aliasesOfKind.set(canonicalKey, known);
    for (const s of [e.name, ...e.aliases]) {
      if (!s || isShortForm(s, e.name)) continue;
      known.add(s);
      const k = entityKey(s);
      const owners = byKeyOfKind.get(k) ?? new Set<string>();
      owners.add(e.name);
      byKeyOfKind.set(k, owners);
    }
  }
  return idx;
}

/** The one canonical name memory gives for an entity, or null when none or ambiguous. */
function canonicalFor(idx: MemoryIndex, kind: MemoryKind, entity: NamedEntity): string | null {
  const found = new Set<string>();
  const byKey = ofKind(idx.byKey, kind);
  if (!byKey) return null;
  for (const s of [entity.name, ...entity.aliases]) {
    const owners = byKey.get(entityKey(s));
    if (!owners) continue;
    if (owners.size > 1) return null;
    for (const o of owners) found.add(entityKey(o) === entityKey(entity.name) ? entity.name : o);
  }
  if (found.size !== 1) return null;
  return [...found][0];
}

function resolveList(
  idx: MemoryIndex,
  kind: MemoryKind,
  list: NamedEntity[],
  renames: Map<string, string>,
): NamedEntity[] {
  const merged = new Map<string, NamedEntity>();
  for (const e of list) {
    const canonical = canonicalFor(idx, kind, e) ?? e.name;
    const key = entityKey(canonical);
    const target = merged.get(key) ?? { name: canonical, aliases: [], mentions: 0 };
    merged.set(key, target);
    const aliases = new Set(target.aliases);
    for (const a of [e.name, ...e.aliases, ...(ofKind(idx.aliases, kind)?.get(key) ?? [])]) {
      if (entityKey(a) !== key) aliases.add(a);
    }
    target.aliases = [...aliases].sort();
    target.mentions += e.mentions;
    renames.set(entityKey(e.name), canonical);
  }
  return [...merged.values()].sort((a, b) => b.mentions - a.mentions || byCodeUnit(a.name, b.name));
}

/**
 * Maps the names of one article onto the canonical names that alias memory holds for the corpus
 * (白明 = Jude Blanchette), merging entities that turn out to be one. Relations follow the renames.
 */
export function resolveArticle(article: ExtractedArticle, memory: AliasMemory): ExtractedArticle {
  const idx = memoryIndex(memory);
  const persons = new Map<string, string>();
  const orgs = new Map<string, string>();
  const places = new Map<string, string>();
  const out: ExtractedArticle = {
    ...article,
    persons: resolveList(idx, 'Person', article.persons, persons),
    organizations: resolveList(idx, 'Organization', article.organizations, orgs),
    places: resolveList(idx, 'Place', article.places, places),
  };
  const person = (n: string): string => persons.get(entityKey(n)) ?? n;
  const orgOrPlace = (n: string, isPlace?: boolean): string =>
    (isPlace ? places.get(entityKey(n)) : orgs.get(entityKey(n))) ?? places.get(entityKey(n)) ?? n;
  out.quotes = article.quotes.map((q) => ({
    ...q,
    speaker: persons.get(entityKey(q.speaker)) ?? orgs.get(entityKey(q.speaker)) ?? q.speaker,
  }));
  const seen = new Set<string>();
  out.affiliations = [];
  for (const a of article.affiliations) {
    const r = {
      ...a,
      person: person(a.person),
      organization: orgOrPlace(a.organization, a.organizationIsPlace),
    };
    const k = `${entityKey(r.person)}|${entityKey(r.organization)}`;
    if (seen.has(k)) continue;
    seen.add(k);
    out.affiliations.push(r);
  }
  out.experts = article.experts.map((e) => ({
    ...e,
    person: person(e.person),
    organization: e.organization === null ? null : orgOrPlace(e.organization),
  }));
  return out;
}

const looksLikeChineseName = (n: string): boolean =>
  n.length >= 2 && n.length <= 4 && (SURNAMES.has(n[0]) || COMPOUND_SURNAMES.some((c) => n.startsWith(c)));

/** 出版社, 研究中心: a suffix with at most one character before it names nothing. */
const bareOrgName = (n: string): boolean =>
  ORG_SUFFIXES.some((suf) => n.endsWith(suf) && n.length - suf.length < 2) || n.length < 2;

const STATIC_NAMES = new Set([...KNOWN_ORGS, ...KNOWN_PERSONS].map((names) => entityKey(names[0])));
const isLatin = (s: string): boolean => /[A-Za-z]/.test(s);

/**
 * Names learned with confidence: an English name paired with a Chinese one (白明(Jude Blanchette),
 * or a profile link's slug), and full transliterated names with `·`. Bare surnames are never learned:
 * they would merge different people across articles.
 */
export function learnAliases(article: ExtractedArticle): AliasMemoryEntry[] {
  const entries: AliasMemoryEntry[] = [];
  const learn = (kind: MemoryKind, e: NamedEntity, fullNameCounts: boolean): void => {
    if (STATIC_NAMES.has(entityKey(e.name))) return;
    // Memory is matched in every later article, so a doubtful name would spread: learn only names
    // shaped like one (a full transliteration, a Chinese surname first, or an English name).
    if (kind === 'Person' && !isLatin(e.name) && !e.name.includes('·') && !looksLikeChineseName(e.name))
      return;
    if (kind === 'Organization' && !isLatin(e.name) && bareOrgName(e.name)) return;
    const aliases = e.aliases.filter(
      (a) =>
        !isShortForm(a, e.name) &&
        !e.name.includes(a) &&
        (isLatin(a) || a.includes('·') || kind !== 'Person'),
    );
    // A Chinese organization name with an alias that only differs by a prefix is a short form too.
    const confident = aliases.filter((a) => isLatin(a) || a.includes('·'));
    if (confident.length === 0 && !(fullNameCounts && e.name.includes('·'))) return;
    if (isLatin(e.name) && confident.length === 0) return;
    entries.push({ kind, name: e.name, aliases: confident });
  };
  for (const p of article.persons) learn('Person', p, true);
  for (const o of article.organizations) learn('Organization', o, false);
  return entries;
}
