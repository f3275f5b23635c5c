import type {
  Affiliation,
  AliasMemory,
  Expert,
  Extraction,
  NamedEntity,
  ParsedArticle,
  Quote,
} from '../../model/article';
import { entityKey } from '../../graph/keys';
import {
  baseCandidates,
  chineseNameAt,
  localPass,
  normalizeText,
  tokenizeAll,
  type LocalLexicon,
  type Segment,
  type Span,
} from './chinese';
import { extractEnglish } from './english';
import { Gazetteer, loadResources, Trie, type Kind, type LexEntry } from './gazetteer';
import { isExpertRole, quotesInSegment, rolesInSegment } from './relations';
import { SURNAMES } from './lexicon';
import { charTable } from './chars';
import { chineseTagger, taggedCandidates, taggerScope } from './tagged';
import { chineseTopics, COMPOUND_HEADS, englishTopics } from './topics';

export { releaseResources as releaseExtractorResources } from './gazetteer';

/** Code-unit order: deterministic, and far cheaper than locale collation in a hot sort. */
const byCodeUnit = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

export interface Extractor {
  extract(article: ParsedArticle): Extraction;
}

export interface ExtractorOptions {
  /** Names learned from other articles; read again on every call because the importer appends to it. */
  memory?: AliasMemory;
}

interface Ent {
  kind: Kind;
  name: string;
  aliases: Set<string>;
  mentions: number;
  /** Found by a rule in this article (not from the gazetteer or memory). */
  local: boolean;
}

const isLatin = (s: string): boolean => /[A-Za-z]/.test(s);
const CLAUSE_START = charTable('，。；：“”、 \n'.split(''));
const SURNAME_T = charTable(SURNAMES);

/** The entities of one article, merged by name and alias within each kind. */
class Registry {
  readonly ents: Ent[] = [];
  /** kind -> entityKey of a name or alias -> entity (no composite string keys in the hot path). */
  private index = new Map<Kind, Map<string, Ent>>();

  private byKind(kind: Kind): Map<string, Ent> {
    let m = this.index.get(kind);
    if (!m) this.index.set(kind, (m = new Map()));
    return m;
  }

  find(kind: Kind, name: string): Ent | undefined {
    return this.index.get(kind)?.get(entityKey(name));
  }

  /**
   * Alias lists (by identity) already merged together with a name: a gazetteer entry's list is shared
   * by all its mentions, and once merged, its names and keys are in the entity and the index for good.
   */
  private merged = new WeakMap<readonly string[], { kind: Kind; name: string; ent: Ent }>();

  /** Adds `name` with `aliases` (and `surface`, if given, as a last alias). */
  add(
    kind: Kind,
    name: string,
    aliases: Iterable<string>,
    mentions: number,
    local: boolean,
    surface?: string,
  ): Ent {
    const index = this.byKind(kind);
    const done = Array.isArray(aliases) ? this.merged.get(aliases as string[]) : undefined;
    let ent: Ent | undefined;
    if (done && done.kind === kind && done.name === name && name) {
      // The name maps to `done.ent` in the index (entries are never replaced): only the surface is new.
      ent = done.ent;
      if (surface) this.addName(index, ent, surface);
    } else {
      const all = [name, ...aliases].filter(Boolean);
      if (surface) all.push(surface);
      const keys = all.map(entityKey);
      for (const k of keys) if ((ent = index.get(k))) break;
      if (!ent) {
        ent = { kind, name, aliases: new Set(), mentions: 0, local };
        this.ents.push(ent);
      }
      const own = entityKey(ent.name);
      for (let i = 0; i < all.length; i++) {
        const k = keys[i];
        if (k !== own) ent.aliases.add(all[i]);
        if (!index.has(k)) index.set(k, ent);
      }
      if (name && Array.isArray(aliases)) this.merged.set(aliases as string[], { kind, name, ent });
    }
    ent.mentions += mentions;
    ent.local &&= local;
    return ent;
  }

  private addName(index: Map<string, Ent>, ent: Ent, s: string): void {
    const k = entityKey(s);
    if (k !== entityKey(ent.name)) ent.aliases.add(s);
    if (!index.has(k)) index.set(k, ent);
  }

  of(kind: Kind): NamedEntity[] {
    return this.ents
      .filter((e) => e.kind === kind && e.mentions > 0)
      .map((e) => ({ name: e.name, aliases: [...e.aliases].sort(), mentions: e.mentions }))
      .sort((a, b) => b.mentions - a.mentions || byCodeUnit(a.name, b.name));
  }
}

/** Bylines arrive as "DAVID PIERSON"; the graph wants "David Pierson". */
function displayName(raw: string): string {
  const s = raw.replace(/\s+/g, ' ').trim();
  if (/[a-z]/.test(s) || !/[A-Z]/.test(s)) return s;
  return s.toLowerCase().replace(/(^|[\s'’-])([a-z])/g, (_m, p: string, c: string) => p + c.toUpperCase());
}

const NOT_A_PERSON = /纽约时报|中文网|New York Times|^staff$|^翻译$/i;

/** Profile URL slug to a display name: ecfr.eu/profile/alicja-bachulska/ -> Alicja Bachulska. */
function nameFromProfileUrl(url: string): string | null {
  const m =
    /\/(?:profile|profiles|people|person|experts|expert|staff|team|by|author|authors)\/([a-z][a-z-]+[a-z])\/?(?:[?#].*)?$/i.exec(
      url,
    );
  if (!m) return null;
  const parts = m[1].split('-').filter(Boolean);
  if (parts.length < 2 || parts.length > 4) return null;
  return parts.map((p) => p[0].toUpperCase() + p.slice(1)).join(' ');
}

function addMetadataNames(reg: Registry, gaz: Gazetteer, article: ParsedArticle): void {
  const persons = [...article.authors, ...article.contributors, ...article.translators];
  for (const img of article.images) if (img.photographer) persons.push(img.photographer);
  for (const raw of persons) {
    // "Mike McQuade. Source photographs by Getty Images.": the credit line, not just the name.
    const name = displayName(
      raw.split(/\.\s+(?=Source|Photo|Illustration|Credit|Via)|;|\s+for\s+/i)[0].replace(/\.$/, ''),
    );
    if (name.split(/\s+/).length > 5) continue;
    if (!name || NOT_A_PERSON.test(name)) continue;
    const known = gaz.latin.get(name.toLowerCase()) ?? gaz.byKey.get(entityKey(name));
    if (known && known.kind !== 'person') reg.add(known.kind, known.name, known.aliases, 1, false);
    else if (known) reg.add('person', known.name, known.aliases, 1, false);
    else reg.add('person', name, [], 1, false);
  }
  for (const img of article.images) {
    if (!img.agency) continue;
    // "dpa, via Reuters Connect", "Press Association via, Associated Press": one agency per part.
    for (const part of img.agency.split(/\s*,\s*(?:via\s+)?|\s+via,?\s+|\s+[—–-]+\s+/)) {
      const agency = part.replace(/^via\s+/i, '').trim();
      // The newsroom's own photographers make "The New York Times" an agency: an organization here.
      if (agency.length < 2 || /中文网|^staff$/i.test(agency)) continue;
      const known = gaz.latin.get(agency.toLowerCase()) ?? gaz.byKey.get(entityKey(agency));
      if (known) reg.add(known.kind === 'person' ? 'org' : known.kind, known.name, known.aliases, 1, false);
      else reg.add('org', agency, [], 1, false);
    }
  }
}

function extractChinese(gaz: Gazetteer, article: ParsedArticle): Extraction {
  const res = gaz.res;
  const texts = [article.title, ...article.paragraphs].map(normalizeText);
  const tokenized = tokenizeAll(res, texts);
  const segs: Segment[] = texts.map((text, i) => ({ text, ...tokenized[i], cands: [], spans: [] }));
  for (const seg of segs) baseCandidates(res, gaz, seg);
  const scope = taggerScope();
  if (scope !== 'off') {
    const tagger = chineseTagger(res);
    for (const seg of segs) taggedCandidates(tagger, gaz, seg, scope);
  }

  // Phase 1: what the rules found, so that short forms can be recognised everywhere in phase 2.
  const first = new Registry();
  for (const seg of segs) for (const s of seg.spans) first.add(s.kind, s.name, s.aliases, 1, false);
  const lastParts = new Map<string, Set<string>>();
  for (const e of first.ents) {
    if (e.kind !== 'person') continue;
    for (const full of [e.name, ...e.aliases]) {
      const i = full.lastIndexOf('·');
      if (i < 0) continue;
      const last = full.slice(i + 1);
      if (last.length < 2) continue;
      if (!lastParts.has(last)) lastParts.set(last, new Set());
      lastParts.get(last)!.add(e.name);
    }
  }
  const local: LocalLexicon = { trie: new Trie(false), latin: new Map() };
  // 覃辉承认……覃辉流下了眼泪: an unknown Chinese name that keeps starting clauses is a person.
  const repeated = new Map<string, number>();
  for (const seg of segs) {
    const t = seg.text;
    for (let i = 0; i < t.length; i++) {
      if (!SURNAME_T[t.charCodeAt(i)]) continue;
      if (i > 0 && !CLAUSE_START[t.charCodeAt(i - 1)] && !(t[i - 1] === '的' && t[i - 2] === '岁')) continue;
      const name = chineseNameAt(res, t, i);
      if (!name || res.pos.has(name) || gaz.byKey.has(entityKey(name))) continue;
      repeated.set(name, (repeated.get(name) ?? 0) + 1);
    }
  }
  for (const [name, n] of repeated) if (n >= 3) first.add('person', name, [], 0, true);
  const ambiguous = new Set<string>();
  const addLocal = (surface: string, entry: LexEntry): void => {
    if (isLatin(surface)) local.latin.set(surface.toLowerCase(), entry);
    else if (surface.length >= 2) local.trie.add(surface, entry);
  };
  for (const [last, owners] of lastParts) {
    // Two people sharing a surname: a bare 舒曼 could be either, so it resolves to neither.
    if (owners.size > 1) {
      ambiguous.add(last);
      continue;
    }
    const owner = first.find('person', [...owners][0])!;
    const other = gaz.byKey.get(entityKey(last));
    if (other && other.kind !== 'person') continue;
    if (other && other.kind === 'person' && other.name !== owner.name && !owner.aliases.has(other.name)) {
      ambiguous.add(last);
      continue;
    }
    addLocal(last, { kind: 'person', name: owner.name, aliases: [...owner.aliases, last] });
  }
  for (const e of first.ents) {
    const entry: LexEntry = { kind: e.kind, name: e.name, aliases: [...e.aliases] };
    addLocal(e.name, entry);
    for (const a of e.aliases) addLocal(a, entry);
  }
  for (const seg of segs) {
    localPass(gaz, local, seg);
    seg.spans = seg.spans.filter(
      (s) => !(s.kind === 'person' && ambiguous.has(s.name) && !s.name.includes('·')),
    );
  }

  const reg = new Registry();
  const entOf = new Map<Span, Ent>();
  for (const seg of segs) {
    for (const s of seg.spans) {
      const surface = seg.text.slice(s.start, s.end);
      entOf.set(s, reg.add(s.kind, s.name, s.aliases, 1, false, surface));
    }
  }
  addMetadataNames(reg, gaz, article);
  for (const link of article.links) {
    const text = normalizeText(link.text.trim());
    const person = text && reg.find('person', text);
    const slugName = nameFromProfileUrl(link.url);
    if (person && slugName && (link.kind === 'profile' || text.includes('·'))) {
      reg.add('person', person.name, [slugName], 0, false);
    }
  }

  const nameOf = (s: Span): string => entOf.get(s)?.name ?? s.name;
  const quotes: Quote[] = [];
  const affiliations: Affiliation[] = [];
  const roleFacts: { person: string; organization: string | null; role: string | null; isPlace: boolean }[] =
    [];
  const citedNames = new Set<string>();
  let lastPerson: Span | null = null;
  let lastSpeaker: Span | null = null;
  for (const seg of segs) {
    for (const r of rolesInSegment(seg)) {
      roleFacts.push({
        person: nameOf(r.person),
        organization: r.organization ? nameOf(r.organization) : null,
        role: r.role,
        isPlace: r.organization?.kind === 'place',
      });
    }
    const q = quotesInSegment(seg, { lastPerson, lastSpeaker });
    lastSpeaker = q.lastSpeaker;
    for (const f of q.quotes) quotes.push({ speaker: nameOf(f.speaker), text: f.text });
    for (const c of q.cited) citedNames.add(nameOf(c));
    for (const s of seg.spans) if (s.kind === 'person' && seg.text[s.end] !== '的') lastPerson = s;
  }
  const seenAff = new Set<string>();
  for (const r of roleFacts) {
    if (!r.organization || r.organization === r.person) continue;
    const k = `${r.person}|${r.organization}`;
    if (seenAff.has(k)) continue;
    seenAff.add(k);
    const a: Affiliation = { person: r.person, organization: r.organization, role: r.role };
    if (r.isPlace) a.organizationIsPlace = true;
    affiliations.push(a);
  }
  const experts = findExperts(roleFacts, quotes, citedNames);

  const excluded = new Set<string>();
  for (const e of reg.ents) if (e.kind === 'person') for (const s of [e.name, ...e.aliases]) excluded.add(s);
  const compounds = new Map<string, number>();
  for (let i = 0; i < segs.length; i++) {
    const seg = segs[i];
    const times = i === 0 ? 3 : 1;
    for (const s of seg.spans) {
      if (s.kind !== 'place') continue;
      const head = compoundHeadAt(seg.text, s.end);
      if (head) bumpCompound(compounds, s.name + head, times);
    }
    for (const m of seg.text.matchAll(/俄乌(?:战争|冲突)/g))
      if (m) bumpCompound(compounds, '乌克兰战争', times);
  }
  const topics = chineseTopics(
    res,
    gaz,
    segs.map((s, i) => ({ tokens: s.tokens, ids: s.ids, title: i === 0 })),
    article.section,
    excluded,
    compounds,
  );
  return {
    persons: reg.of('person'),
    organizations: reg.of('org'),
    places: reg.of('place'),
    quotes,
    affiliations,
    experts,
    topics,
  };
}

/** The compound head (战争, 危机…) starting at `pos`, if any (a function: no closure per span). */
function compoundHeadAt(text: string, pos: number): string | undefined {
  for (const h of COMPOUND_HEADS) if (text.startsWith(h, pos)) return h;
  return undefined;
}

function bumpCompound(compounds: Map<string, number>, name: string, times: number): void {
  compounds.set(name, (compounds.get(name) ?? 0) + times);
}

type RoleFact = { person: string; organization: string | null; role: string | null };

/**
 * Experts from role facts, taken in the order given: the first eligible fact of each person who is
 * quoted (or cited) in the article, with that person's first quote.
 */
function expertsFrom(
  roleFacts: readonly RoleFact[],
  quotes: Quote[],
  cited: Set<string>,
  eligible: (r: RoleFact) => boolean,
): Expert[] {
  const experts: Expert[] = [];
  const done = new Set<string>();
  for (const r of roleFacts) {
    if (done.has(r.person) || !eligible(r)) continue;
    const quote = quotes.find((q) => q.speaker === r.person);
    if (!quote && !cited.has(r.person)) continue;
    done.add(r.person);
    experts.push({
      person: r.person,
      role: r.role!,
      organization: r.organization,
      quote: quote?.text ?? null,
    });
  }
  return experts;
}

function findExperts(roleFacts: RoleFact[], quotes: Quote[], cited: Set<string>): Expert[] {
  return expertsFrom(roleFacts, quotes, cited, (r) => {
    // Heads of research institutes (院长, 所长) speak as scholars; heads of courts or police do not.
    const academicHead =
      !!r.role && /[院所]长$/.test(r.role) && /研究|大学|学院|智库|中心/.test(r.organization ?? '');
    return isExpertRole(r.role) || academicHead;
  });
}

function extractEnglishArticle(gaz: Gazetteer, article: ParsedArticle): Extraction {
  const en = extractEnglish(gaz, [article.title, ...article.paragraphs]);
  const reg = new Registry();
  // An English article keeps the English name; the lexicon's or memory's other names (the Chinese
  // form) are aliases.
  const canonical = (kind: Kind, name: string): [Kind, string, string[]] => {
    const known = gaz.latin.get(name.toLowerCase());
    if (!known || (known.kind !== kind && kind === 'person')) return [kind, name, []];
    const english =
      [known.name, ...known.aliases].find((a) => a.toLowerCase() === name.toLowerCase()) ?? name;
    return [known.kind, english, [known.name, ...known.aliases].filter((a) => a !== english)];
  };
  for (const m of en.mentions) {
    const [kind, name, aliases] = canonical(m.kind, m.name);
    reg.add(kind, name, m.surface ? [...aliases, m.surface] : aliases, 1, false);
  }
  addMetadataNames(reg, gaz, article);
  const nameFor = (kind: Kind, n: string): string => {
    if (kind === 'person') return reg.find('person', n)?.name ?? n;
    return reg.find('org', n)?.name ?? reg.find('place', n)?.name ?? n;
  };
  const quotes = en.quotes.map((q) => ({
    speaker: reg.find('person', q.speaker)?.name ?? reg.find('org', q.speaker)?.name ?? q.speaker,
    text: q.text,
  }));
  const roleFacts = en.roles.map((r) => ({
    person: nameFor('person', r.person),
    organization: r.organization ? nameFor(r.organizationIsPlace ? 'place' : 'org', r.organization) : null,
    role: r.role,
    organizationIsPlace: r.organizationIsPlace,
  }));
  const seen = new Set<string>();
  const affiliations: Affiliation[] = [];
  for (const r of roleFacts) {
    if (!r.organization) continue;
    const key = `${r.person}\u0000${r.organization}`;
    if (seen.has(key)) continue;
    seen.add(key);
    affiliations.push({
      person: r.person,
      organization: r.organization,
      role: r.role,
      ...(r.organizationIsPlace ? { organizationIsPlace: true } : {}),
    });
  }
  const cited = new Set(en.cited.map((c) => nameFor('person', c)));
  const excluded = new Set(
    reg.ents.flatMap((e) => [e.name.toLowerCase(), ...[...e.aliases].map((a) => a.toLowerCase())]),
  );
  return {
    persons: reg.of('person'),
    organizations: reg.of('org'),
    places: reg.of('place'),
    quotes,
    affiliations,
    experts: englishExperts(roleFacts, quotes, cited),
    topics: englishTopics(en.nouns, article.section, excluded),
  };
}

/** English experts: quoted (or cited) persons with a role or an affiliation, the analysts' roles first. */
function englishExperts(roleFacts: RoleFact[], quotes: Quote[], cited: Set<string>): Expert[] {
  const ordered = [...roleFacts].sort(
    (x, y) =>
      Number(isExpertRole(y.role)) - Number(isExpertRole(x.role)) ||
      Number(!!y.organization) - Number(!!x.organization),
  );
  return expertsFrom(ordered, quotes, cited, (r) => !!r.role);
}

/**
 * Builds the dictionaries once (jieba, gazetteers, tries) and returns a synchronous extractor.
 * Alias memory entries added after creation are picked up on the next call.
 */
export function createExtractor(options: ExtractorOptions = {}): Extractor {
  const gaz = new Gazetteer(loadResources());
  return {
    extract(article: ParsedArticle): Extraction {
      gaz.syncMemory(options.memory?.entries);
      return article.language === 'en' ? extractEnglishArticle(gaz, article) : extractChinese(gaz, article);
    },
  };
}
