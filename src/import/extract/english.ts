/**
 * English extraction: the trained tagger (src/ner/en) finds people, organizations and places in each
 * sentence; rules over its spans then read what the text says about them: titles and honorifics before
 * a name become roles ("Interior Minister X", "Mr. X"), appositions and possessives become affiliations
 * ("X, a fellow at Y", "Y's X", "X of Y", "X, who directs Y"), and quotation marks with a speech verb
 * and a named (or pronoun) speaker become quotes, across paragraphs when a quote runs on.
 */
import { englishTagger } from '../../ner/en/tagger';
import type { Span } from '../../ner/tags';
import type { Gazetteer, Kind } from './gazetteer';

export interface EnMention {
  kind: Kind;
  name: string;
  /** How the text wrote it, when that differs from `name` ("Glaser", "Mr. Putin" -> surname). */
  surface?: string;
}

export interface EnResult {
  mentions: EnMention[];
  roles: { person: string; organization: string | null; role: string; organizationIsPlace?: boolean }[];
  quotes: { speaker: string; text: string }[];
  cited: string[];
  nouns: string[];
}

interface Token {
  text: string;
  start: number;
  end: number;
}

const TOKEN =
  /(?:[A-Z]\.){2,}|(?:Mr|Mrs|Ms|Dr|Prof|Sen|Rep|Gov|Gen|Lt|Col|Capt|Sgt|Adm|Rev|St|Jr|Sr|Inc|Corp|Co|Ltd|No|Mt|Jan|Feb|Mar|Apr|Aug|Sept?|Oct|Nov|Dec)\.|[A-Z]\.(?=\s+[A-Z])|[\p{L}\p{N}]+(?:(?:[-&.][\p{L}\p{N}]+)|(?:['’](?![sS]\b)\p{L}+))*|['’][sS]\b|n['’]t\b|[^\s]/gu;

export function tokenize(text: string): Token[] {
  const out: Token[] = [];
  for (const m of text.matchAll(TOKEN)) out.push({ text: m[0], start: m.index, end: m.index + m[0].length });
  return out;
}

/** Sentences as token ranges: a sentence ends at . ! ? (and any closing quote after it). */
function sentences(tokens: Token[]): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  let start = 0;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i].text;
    if (t !== '.' && t !== '!' && t !== '?') continue;
    let end = i + 1;
    while (end < tokens.length && /^["”’)]$/.test(tokens[end].text)) end++;
    if (end < tokens.length && !/^[A-Z“"‘(]/.test(tokens[end].text)) continue;
    out.push([start, end]);
    start = end;
    i = end - 1;
  }
  if (start < tokens.length) out.push([start, tokens.length]);
  return out;
}

const KIND: Record<string, Kind> = { PER: 'person', ORG: 'org', LOC: 'place' };

/** Title words that may stand before a name ("Interior Minister", "President", "Mr."). */
const TITLE_HEAD =
  /^(?:President|Vice|Prime|Minister|Secretary|Senator|Sen\.|Representative|Rep\.|Congressman|Congresswoman|Governor|Gov\.|Mayor|General|Gen\.|Lt\.|Col\.|Capt\.|Sgt\.|Adm\.|Admiral|Colonel|Captain|Commander|Judge|Justice|Chancellor|Ambassador|Chairman|Chairwoman|Director|Professor|Prof\.|Dr\.|Mr\.|Mrs\.|Ms\.|King|Queen|Prince|Princess|Pope|Premier|Commissioner|Spokesman|Spokeswoman|Chief|Leader|Officer|Sheikh|Ayatollah|Rev\.|Father|Bishop|Archbishop|Cardinal|Lord|Lady|Sir|Dame|Coach|Detective|Sheriff|Attorney|Deputy|Speaker|Emir|Crown|Foreign|Defense|Defence|Interior|Finance|Justice|Health|Labor|Labour|Trade|Economy|Education|Energy|Agriculture|State|Treasury|Executive|Founder|Editor|Analyst|CEO)$/;

const HONORIFIC = /^(?:Mr|Mrs|Ms|Miss|Dr|Prof|Sir|Dame|Lord|Lady)\.?$/;
const NON_ROLE_TITLE = /^(?:Mr|Mrs|Ms|Miss|Sir|Dame|Lord|Lady)\.?$/;

/** Role nouns that an apposition ends with ("a senior fellow at", "the director of"). */
const ROLE_NOUN =
  'fellow|analyst|professor|scholar|researcher|economist|director|expert|specialist|chairman|chairwoman|chair|president|chief|executive|spokesman|spokeswoman|spokesperson|head|official|lecturer|adviser|advisor|minister|secretary|founder|co-founder|partner|editor|correspondent|historian|strategist|scientist|author|lawyer|attorney|manager|officer|leader|member|commissioner|ambassador|diplomat|envoy|governor|senator|lawmaker|representative|dean|principal|coordinator|investigator|epidemiologist|physician|doctor|engineer|consultant|founder|owner|ceo|cfo|coo|president|vice president|premier|mayor|judge|prosecutor|general|commander|spokesman|reporter|columnist|writer|producer|curator|organizer|activist|researcher|student|teacher|pastor|archbishop';
/** X, (a|an|the) <role> (at|of|with|for|in) Y */
const APPOSITION = new RegExp(
  `^,\\s+(?:(?:a|an|the)\\s+)?((?:[\\w'’-]+\\s){0,5}?(?:${ROLE_NOUN}))\\s+(?:at|of|with|for|in|from)\\s+`,
  'i',
);
/** X is (a|an|the) <role> (at|of|with) Y */
const COPULA = new RegExp(
  `^\\s+(?:is|was|has been)\\s+(?:(?:a|an|the)\\s+)?((?:[\\w'’-]+\\s){0,4}?(?:${ROLE_NOUN}))\\s+(?:at|of|with|for)\\s+`,
  'i',
);
/** Y's <role> X / Y's <role>, X */
const POSSESSIVE_ROLE = new RegExp(`(?:['’]s|['’])\\s+((?:[\\w-]+\\s){0,4}?(?:${ROLE_NOUN})),?\\s+$`, 'i');

const SAY =
  'said|says|say|told|tells|added|adds|wrote|writes|noted|notes|argued|argues|warned|warns|explained|explains|asked|asks|stated|states|recalled|recalls|insisted|insists|continued|continues|acknowledged|acknowledges|declared|declares|replied|replies|suggested|suggests|cautioned|cautions|predicted|predicts|observed|observes|believes|believed|thinks|thought';
const SAY_RE = new RegExp(`^(?:${SAY})$`, 'i');
/** `X said:` / `X told reporters,` just before a quote. */
const SAY_BEFORE = new RegExp(`(\\S+)\\s+(?:${SAY})(?:\\s+\\w+)?[,:]?\\s*[“"]?$`);
/** "X, a fellow at Y, said …": cited with an apposition between name and verb. */
const CITED_APPOSITION = new RegExp(`^,\\s(?:a|an|the)\\s[^.;“"]{2,140}?,\\s(?:${SAY})\\b`);
/** `X said on Tuesday.` earlier in the paragraph, with no quotation mark since. */
const SAID_EARLIER = new RegExp(`(\\S+(?:\\s\\S+){0,3})\\s+(?:${SAY})\\b[^“"]*$`);

const PRONOUN = /^(?:he|she|He|She)$/;

interface Ent {
  kind: Kind;
  name: string;
  /** character offsets in the paragraph */
  start: number;
  end: number;
  /** token offsets */
  ts: number;
  te: number;
}

const STOP_NAMES = new Set(['the', 'a', 'an', 'this', 'that', 'he', 'she', 'they', 'we', 'i', 'it']);

/** A name as the text writes it, without leading articles and with capitals titled ("CAIRO" -> "Cairo"). */
function cleanName(
  tokens: Token[],
  ts: number,
  te: number,
  para: string,
): { name: string; ts: number } | null {
  while (ts < te && /^(?:the|The|a|an|Credit|Photo|Photograph|By|[^\p{L}\p{N}]+)$/u.test(tokens[ts].text))
    ts++;
  while (te > ts && /^[^\p{L}\p{N}.]+$/u.test(tokens[te - 1].text)) te--;
  if (ts >= te) return null;
  let name = para.slice(tokens[ts].start, tokens[te - 1].end).replace(/\s+/g, ' ');
  name = name.replace(/['’]s$/, '').trim();
  if (name.length < 2 || STOP_NAMES.has(name.toLowerCase())) return null;
  // All-capitals words of four letters or more are datelines or headlines, not acronyms.
  name = name.replace(/\b([A-Z])([A-Z]{3,})\b/g, (_, a: string, b: string) => a + b.toLowerCase());
  return { name, ts };
}

/** Tokens of the role words before a person span: "Interior Minister" of "Interior Minister Najem Gharsalli". */
function titleBefore(tokens: Token[], ts: number): { from: number; words: string[] } {
  let from = ts;
  while (from > 0 && ts - from < 4 && TITLE_HEAD.test(tokens[from - 1].text)) from--;
  return { from, words: tokens.slice(from, ts).map((t) => t.text) };
}

interface State {
  lastPerson: string | null;
  /** Surname -> full name, so "Mr. Putin" and "Putin" join "Vladimir Putin". */
  surnames: Map<string, string>;
}

/** The quote segments of a paragraph: [start, end) of the quoted words, and whether it closes here. */
function quoteSegments(para: string): Array<{ start: number; end: number; closed: boolean }> {
  const out: Array<{ start: number; end: number; closed: boolean }> = [];
  const re = /[“"]/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(para))) {
    const open = m.index;
    const close = para.slice(open + 1).search(/[”"]/);
    if (close < 0) {
      out.push({ start: open + 1, end: para.length, closed: false });
      break;
    }
    out.push({ start: open + 1, end: open + 1 + close, closed: true });
    re.lastIndex = open + close + 2;
  }
  return out;
}

export function extractEnglish(gaz: Gazetteer, paragraphs: string[]): EnResult {
  const tagger = englishTagger();
  const mentions: EnMention[] = [];
  const roles: EnResult['roles'] = [];
  const quotes: EnResult['quotes'] = [];
  const cited: string[] = [];
  const nouns: string[] = [];
  const state: State = { lastPerson: null, surnames: new Map() };
  let openQuote: { text: string } | null = null;
  let openSpeaker: string | null = null;

  const personName = (name: string): string => {
    const parts = name.split(' ');
    if (parts.length === 1) return state.surnames.get(name) ?? name;
    return name;
  };

  for (let pi = 0; pi < paragraphs.length; pi++) {
    const para = paragraphs[pi];
    const tokens = tokenize(para);
    const ents: Ent[] = [];
    // A headline in Title Case capitalizes every word: the tagger would see names everywhere.
    // So is a line that is no sentence (a related-story link, a video player's labels, a section name).
    const skipTagging = isTitleCase(tokens) && (pi === 0 || !/[.!?”"]\s*$/.test(para));
    for (const [s, e] of sentences(tokens)) {
      const words = tokens.slice(s, e).map((t) => t.text);
      const spans: Span[] = skipTagging ? [] : tagger.spans(words);
      for (const span of spans) {
        let ts = s + span.start;
        const te = s + span.end;
        let kind = KIND[span.type];
        if (!kind) continue;
        // A title the tagger took into the name ("President Zuma"): out of the name, into the role.
        while (kind === 'person' && ts < te - 1 && TITLE_HEAD.test(tokens[ts].text)) ts++;
        const clean = cleanName(tokens, ts, te, para);
        if (!clean) continue;
        // Every word of a name is capitalized ("hard-line Muslims" is no one's name).
        if (
          kind === 'person' &&
          !/^(?:\p{Lu}[\p{L}'’.-]*|al-\S+|bin|de|van|von|der|da|la|le|du|ibn)(?: (?:\p{Lu}[\p{L}'’.-]*|al-\S+|bin|bint|de|van|von|der|da|la|le|du|ibn))*$/u.test(
            clean.name,
          )
        )
          continue;
        const known = gaz.latin.get(clean.name.toLowerCase());
        if (known && kind !== 'person') kind = known.kind;
        ents.push({
          kind,
          name: clean.name,
          start: tokens[clean.ts].start,
          end: tokens[te - 1].end,
          ts: clean.ts,
          te,
        });
      }
      nounPhrases(tokens, s, e, nouns);
    }

    // Names: full names register their surname; a later surname or "Mr. X" joins the full name.
    for (const ent of ents) {
      if (ent.kind !== 'person') continue;
      const parts = ent.name.split(' ');
      if (parts.length > 1) {
        const last = parts[parts.length - 1];
        if (!state.surnames.has(last)) state.surnames.set(last, ent.name);
      }
    }
    for (const ent of ents) mentions.push({ kind: ent.kind, name: ent.name });

    // Honorific + surname the tagger missed ("Mr. Essebsi said").
    for (let i = 0; i + 1 < tokens.length; i++) {
      if (!HONORIFIC.test(tokens[i].text) || !/^\p{Lu}/u.test(tokens[i + 1].text)) continue;
      if (ents.some((e) => e.ts <= i + 1 && i + 1 < e.te)) continue;
      const surname = tokens[i + 1].text;
      const name = surname;
      ents.push({
        kind: 'person',
        name,
        start: tokens[i + 1].start,
        end: tokens[i + 1].end,
        ts: i + 1,
        te: i + 2,
      });
      mentions.push({ kind: 'person', name });
    }
    ents.sort((a, b) => a.start - b.start);

    // Titles before names become roles; an organization or place in the title is the affiliation.
    for (const ent of ents) {
      if (ent.kind !== 'person') continue;
      const { from, words } = titleBefore(tokens, ent.ts);
      const roleWords = words.filter((w) => !NON_ROLE_TITLE.test(w));
      if (roleWords.length === 0) continue;
      // "Tunisian Interior Minister", "Germany's Chancellor", "U.S. Secretary of State"
      const before = ents.find(
        (o) =>
          o !== ent &&
          o.kind !== 'person' &&
          (o.te === from || (o.te === from - 1 && /^['’]s?$/.test(tokens[from - 1].text))),
      );
      roles.push({
        person: ent.name,
        organization: before ? before.name : null,
        role: roleWords.join(' '),
        organizationIsPlace: before?.kind === 'place',
      });
    }

    appositions(para, tokens, ents, roles);

    // Quotes.
    const segs = quoteSegments(para);
    const speakerAt = (from: number, after: boolean): string | null => {
      let pos = from;
      // after the quote: `, said X` / `, X said` / `X said`; before: `X said:` / `said X,`
      if (after) {
        const rest = para
          .slice(pos)
          .replace(/^([\s,.?!”"]*)(?:Mr|Mrs|Ms|Dr|Prof)\.\s+/, (_, lead: string) => lead);
        pos += para.slice(pos).length - rest.length;
        const m = /^[\s,.?!”"]*(\S+)\s+(\S+)/.exec(rest);
        if (!m) return null;
        const at = pos + (m.index ?? 0) + m[0].indexOf(m[1]);
        if (SAY_RE.test(m[1])) {
          const p = ents.find((e) => e.start >= at && e.start <= at + m[1].length + 6 && e.kind === 'person');
          if (p) return p.name;
          const pr = /^(?:said|says)\s+(he|she)\b/i.exec(rest.replace(/^[\s,.?!”"]*/, ''));
          return pr ? state.lastPerson : null;
        }
        const p = ents.find((e) => e.kind === 'person' && e.start === at);
        if (p) {
          const afterName = para.slice(p.end).trimStart().split(/\s+/)[0] ?? '';
          return SAY_RE.test(afterName.replace(/[,.]$/, '')) ? p.name : null;
        }
        if (PRONOUN.test(m[1]) && SAY_RE.test(m[2].replace(/[,.]$/, ''))) return state.lastPerson;
        return null;
      }
      const head = para.slice(Math.max(0, pos - 80), pos);
      const m = SAY_BEFORE.exec(head);
      if (!m) return null;
      const end = pos - head.length + (m.index ?? 0) + m[1].length;
      const p = ents.find((e) => e.kind === 'person' && e.end === end);
      if (p) return p.name;
      return PRONOUN.test(m[1]) ? state.lastPerson : null;
    };

    let paraSpeaker: string | null = null;
    for (const seg of segs) {
      const text = para.slice(seg.start, seg.end).trim();
      if (openQuote && seg.start <= 1) {
        // A quote running on from the previous paragraph: same speaker.
        if (openSpeaker) quotes.push({ speaker: openSpeaker, text: text.replace(/[,，]$/, '') });
        if (seg.closed) openQuote = null;
        continue;
      }
      if (text.split(/\s+/).length < 4) continue; // scare quotes and fragments
      let speaker = seg.closed ? speakerAt(seg.end + 1, true) : null;
      speaker ??= speakerAt(seg.start - 1, false);
      if (!speaker) {
        // "X said on Tuesday. “…”": the speaker of the sentence before.
        const before = para.slice(0, seg.start);
        const sm = SAID_EARLIER.exec(before.slice(-300));
        if (sm) {
          const p = ents.filter((e) => e.kind === 'person' && e.end <= seg.start).pop();
          if (p && sm[0].includes(p.name.split(' ').pop()!)) speaker = p.name;
        }
      }
      // A second quote in a paragraph whose first one was attributed: the same speaker goes on.
      speaker ??= paraSpeaker;
      if (speaker) {
        paraSpeaker = speaker;
        quotes.push({ speaker, text: text.replace(/[,，]$/, '') });
        cited.push(speaker);
      }
      if (!seg.closed) {
        openQuote = { text };
        openSpeaker = speaker;
      } else openQuote = null;
    }
    if (segs.length === 0) openQuote = null;

    // "according to X"; "X said" without quotation marks (cited, not quoted).
    for (const m of para.matchAll(/\baccording to (?:the\s)?/gi)) {
      const at = m.index + m[0].length;
      const ent = ents.find((e) => e.start === at && e.kind !== 'place');
      if (!ent) continue;
      const sentence = para.slice(m.index).split(/(?<=[.!?])\s/)[0];
      quotes.push({ speaker: ent.name, text: sentence });
      if (ent.kind === 'person') cited.push(ent.name);
    }
    for (const ent of ents) {
      if (ent.kind !== 'person') continue;
      const after = para.slice(ent.end, ent.end + 160);
      const next = after.trimStart().split(/\s+/)[0] ?? '';
      if (SAY_RE.test(next.replace(/[,.]$/, '')) || CITED_APPOSITION.test(after)) cited.push(ent.name);
    }
    const persons = ents.filter((e) => e.kind === 'person');
    if (persons.length) state.lastPerson = persons[persons.length - 1].name;
  }
  // Surnames seen before their full name: join them now.
  consistentKinds(mentions, state.surnames);
  for (const r of roles) r.person = personName(r.person);
  for (const q of quotes) q.speaker = personName(q.speaker);
  return { mentions, roles, quotes, cited: cited.map(personName), nouns };
}

function isTitleCase(tokens: Token[]): boolean {
  const words = tokens.filter((t) => /^\p{L}{4,}/u.test(t.text));
  return words.length >= 3 && words.filter((t) => /^\p{Lu}/u.test(t.text)).length / words.length >= 0.6;
}

/**
 * One kind per name in an article (the tagger may call "Ennahda" a party in one sentence and a place in
 * the next): every mention takes the kind most of its mentions have, ties going to person, then
 * organization. A one-word organization or place that is the surname of a person named in full is that person.
 * A one-word person named once, with no full name and no title, is dropped: sentence-initial capitals
 * ("Gunmen", "Tourism") are the tagger's usual mistake there.
 */
function consistentKinds(mentions: EnMention[], surnames: Map<string, string>): void {
  const votes = new Map<string, Map<Kind, number>>();
  for (const m of mentions) {
    let v = votes.get(m.name);
    if (!v) votes.set(m.name, (v = new Map()));
    v.set(m.kind, (v.get(m.kind) ?? 0) + 1);
  }
  const order: Kind[] = ['person', 'org', 'place'];
  const kindOf = new Map<string, Kind>();
  for (const [name, v] of votes) {
    let best: Kind = 'person';
    let n = -1;
    for (const k of order) if ((v.get(k) ?? 0) > n) [best, n] = [k, v.get(k) ?? 0];
    kindOf.set(name, best);
  }
  for (let i = mentions.length - 1; i >= 0; i--) {
    const m = mentions[i];
    const full = !m.name.includes(' ') ? surnames.get(m.name) : undefined;
    if (full) {
      m.kind = 'person';
      m.surface = m.name;
      m.name = full;
      continue;
    }
    m.kind = kindOf.get(m.name) ?? m.kind;
    if (m.kind === 'person' && !m.name.includes(' ') && (votes.get(m.name)?.get('person') ?? 0) < 2)
      mentions.splice(i, 1);
  }
}

/**
 * Affiliations stated around a person: "X, a senior fellow at Y", "X, director of Y", "Y's chief
 * economist, X", "X of Y", "X, who directs Y".
 */
function appositions(para: string, tokens: Token[], ents: Ent[], roles: EnResult['roles']): void {
  const orgAt = (pos: number): Ent | undefined => {
    const rest = para.slice(pos);
    const skip = /^\s*(?:the\s+)?/i.exec(rest)![0].length;
    return ents.find((e) => e.start === pos + skip && e.kind !== 'person');
  };
  for (const p of ents) {
    if (p.kind !== 'person') continue;
    const after = para.slice(p.end);
    // X, (a|an|the) <role> (at|of|with|for|in) Y
    const app = APPOSITION.exec(after.slice(0, 200));
    if (app) {
      const org = orgAt(p.end + app[0].length);
      if (org) {
        roles.push({
          person: p.name,
          organization: org.name,
          role: app[1].replace(/\s+/g, ' ').trim(),
          organizationIsPlace: org.kind === 'place',
        });
        continue;
      }
    }
    // X is (a|an|the) <role> (at|of|with) Y
    const copula = COPULA.exec(after.slice(0, 200));
    if (copula) {
      const org = orgAt(p.end + copula[0].length);
      if (org) {
        roles.push({
          person: p.name,
          organization: org.name,
          role: copula[1].replace(/\s+/g, ' ').trim(),
          organizationIsPlace: org.kind === 'place',
        });
        continue;
      }
    }
    // X, who (directs|heads|leads|runs|founded|chairs) Y / works at Y
    const who =
      /^,\s+who\s+(directs|heads|leads|runs|founded|chairs|oversees|manages|teaches at|works at|works for|studies at|is at)\s+/i.exec(
        after,
      );
    if (who) {
      const org = orgAt(p.end + who[0].length);
      if (org) {
        const verb = who[1].toLowerCase();
        const role = /direct/.test(verb)
          ? 'director'
          : /head|lead|run|chair|oversee|manage/.test(verb)
            ? 'head'
            : /found/.test(verb)
              ? 'founder'
              : null;
        roles.push({ person: p.name, organization: org.name, role: role ?? 'member' });
        continue;
      }
    }
    // X of Y (said)
    const of = /^\s+of\s+/.exec(after);
    if (of) {
      const org = orgAt(p.end + of[0].length);
      if (org && org.kind === 'org') {
        roles.push({ person: p.name, organization: org.name, role: 'member' });
        continue;
      }
    }
    // Y's <role> X / Y's <role>, X
    const before = para.slice(0, p.start);
    const tail = before.slice(-120);
    const poss = POSSESSIVE_ROLE.exec(tail);
    if (poss) {
      const end = before.length - tail.length + poss.index;
      const org = ents.find((e) => e.kind !== 'person' && e.end === end);
      if (org) {
        roles.push({
          person: p.name,
          organization: org.name,
          role: poss[1].replace(/\s+/g, ' ').trim(),
          organizationIsPlace: org.kind === 'place',
        });
      }
    }
  }
  void tokens;
}

/** Words that never make a topic on their own: function words, time words, reporting verbs. */
const STOPWORDS = new Set(
  (
    'a an the and or but nor so yet for of in on at to from by with without about above below over under into onto upon ' +
    'as than then that this these those there here which who whom whose what when where why how whether if because while ' +
    'although though since until unless after before during through throughout between among against within ' +
    'i me my we us our you your he him his she her it its they them their one ones someone something anyone anything everyone everything ' +
    'is are was were be been being am have has had having do does did doing will would shall should can could may might must ' +
    'not no yes very more most much many few less least other others another such same own all any both each either neither some ' +
    'also just only even still already again ever never always often sometimes perhaps maybe really quite rather too ' +
    'said says say told tells added according including include includes included like new says ' +
    'year years month months week weeks day days time times today yesterday tomorrow monday tuesday wednesday thursday friday saturday sunday ' +
    'earlier later last next first second third recent recently ago now early late lot lots way ways thing things part kind ' +
    'mr mrs ms dr percent people man woman men women number near across around behind beyond toward towards via per ' +
    'drew blew took made came went gave saw began ran won lost held left brought built sent fell grew knew met paid put set ' +
    'stood kept felt found got led told thought sought caught taught bought fought spoke wrote broke chose rose hit cut let ' +
    'become became come go goes going get gets make makes take takes give gives see sees know knows think want wants use uses'
  ).split(' '),
);

/**
 * Candidate topics of one sentence: runs of one to three content words (no function words, no numbers,
 * no capitalized names, which are entities), bounded by punctuation and function words, so a topic never
 * spans two phrases; words ending in -ly (adverbs) end a run.
 */
function nounPhrases(tokens: Token[], s: number, e: number, out: string[]): void {
  let run: string[] = [];
  const flush = () => {
    // Drop leading adjectives-like words that are verbs in -ing/-ed at the ends.
    while (run.length > 0 && /(?:ed|ing)$/.test(run[run.length - 1]) && run.length > 1) run.pop();
    if (run.length > 0 && run.length <= 3) {
      const phrase = run.join(' ');
      if (phrase.length >= 4 && !/(?:ly|ed)$/.test(run[run.length - 1])) out.push(phrase);
    }
    run = [];
  };
  for (let i = s; i < e; i++) {
    const w = tokens[i].text;
    const lower = w.toLowerCase();
    // Adverbs (-ly) and past forms (-ed: "raised", "killed") are never inside a noun phrase.
    const content = /^[a-z][a-z-]+$/.test(w) && !STOPWORDS.has(lower) && !/(?:ly|ed)$/.test(lower);
    if (!content) {
      flush();
      continue;
    }
    run.push(lower);
    if (run.length > 3) run.shift();
  }
  flush();
}
