import nlp from 'compromise';
import type { Gazetteer, Kind } from './gazetteer';

export interface EnMention {
  kind: Kind;
  name: string;
}

export interface EnResult {
  mentions: EnMention[];
  roles: { person: string; organization: string | null; role: string }[];
  quotes: { speaker: string; text: string }[];
  cited: string[];
  nouns: string[];
}

const ORG_WORDS =
  /\b(?:Fund|Council|Commission|Center|Centre|Institute|Institution|University|College|School|Bank|Agency|Party|Association|Foundation|Group|Inc|Corp|Corporation|Company|Times|News|Post|Journal|Organization|Forum|Committee|Ministry|Department|Court|Office|Society|Union|Alliance|Network|Academy|Program|Initiative|Lab|Laboratory|Service|Services|Bureau|Authority)\b/;
const NAME = "[A-Z][\\w'’.-]+(?:\\s(?:[A-Z][\\w'’.-]+|de|van|von|der|bin|al)){0,3}";
const ROLE_RE = new RegExp(
  `(${NAME}),\\s(?:a|an|the)\\s((?:[a-z][\\w-]*\\s){0,5}?(?:fellow|analyst|professor|scholar|researcher|economist|director|expert|specialist|chairman|chairwoman|president|chief|executive|spokesman|spokeswoman|spokesperson|head|official|lecturer|adviser|advisor|minister|secretary|founder|partner|editor|correspondent|historian))\\s(?:at|of|with|for|in)\\s(?:the\\s)?([A-Z][\\w&'’.-]*(?:\\s(?:[A-Z][\\w&'’.-]*|of|for|and|on|in|the))*)`,
  'g',
);
const SAY = '(?:said|says|wrote|writes|added|adds|noted|told|argued|warned)';
const Q_AFTER = new RegExp(
  `[“"]([^”"]{4,})[”"],?\\s*(?:${SAY}\\s(${NAME})|(${NAME}|he|she|He|She)\\s${SAY})`,
  'g',
);
const Q_BEFORE = new RegExp(`(${NAME}|He|She)\\s${SAY}[,:]?\\s*[“"]([^”"]{4,})[”"]`, 'g');
const ACCORDING = new RegExp(`[Aa]ccording to (?:the\\s)?(${NAME})`, 'g');
const CITED = new RegExp(`(${NAME})\\s${SAY}\\b`, 'g');
/** Bonnie Glaser, a fellow at the German Marshall Fund, said … */
const CITED_APPOSITION = new RegExp(`(${NAME}),\\s(?:a|an|the)\\s[^.;]{2,120}?,\\s${SAY}\\b`, 'g');
const STOP = new Set([
  'The',
  'This',
  'That',
  'But',
  'And',
  'In',
  'On',
  'It',
  'He',
  'She',
  'They',
  'We',
  'I',
  'A',
  'An',
]);

const clean = (s: string): string =>
  s
    .replace(/['’]s$/, '')
    .replace(/[.,;:!?"“”]+$/, '')
    .replace(/^the\s/i, '')
    .trim();

export function extractEnglish(gaz: Gazetteer, paragraphs: string[]): EnResult {
  const mentions: EnMention[] = [];
  const roles: EnResult['roles'] = [];
  const quotes: EnResult['quotes'] = [];
  const cited: string[] = [];
  const nouns: string[] = [];
  let lastPerson: string | null = null;
  for (const para of paragraphs) {
    const doc = nlp(para);
    const found: EnMention[] = [];
    for (const p of doc.people().out('array') as string[]) {
      const name = clean(p);
      if (!name || STOP.has(name)) continue;
      found.push({ kind: ORG_WORDS.test(name) ? 'org' : 'person', name });
    }
    for (const o of doc.organizations().out('array') as string[])
      if (clean(o)) found.push({ kind: 'org', name: clean(o) });
    for (const o of doc.places().out('array') as string[])
      if (clean(o)) found.push({ kind: 'place', name: clean(o) });
    for (const f of found) {
      const known = gaz.latin.get(f.name.toLowerCase());
      mentions.push(known ? { kind: known.kind, name: f.name } : f);
    }
    for (const m of para.matchAll(ROLE_RE)) {
      roles.push({ person: clean(m[1]), organization: clean(m[3]), role: m[2].trim() });
      mentions.push({ kind: 'person', name: clean(m[1]) }, { kind: 'org', name: clean(m[3]) });
    }
    for (const m of para.matchAll(Q_AFTER)) {
      const who = m[2] ?? m[3];
      const speaker = /^(?:he|she)$/i.test(who) ? lastPerson : clean(who);
      if (speaker) quotes.push({ speaker, text: m[1].replace(/[,，]$/, '') });
    }
    for (const m of para.matchAll(Q_BEFORE)) {
      const speaker = /^(?:he|she)$/i.test(m[1]) ? lastPerson : clean(m[1]);
      if (speaker) quotes.push({ speaker, text: m[2] });
    }
    for (const m of para.matchAll(ACCORDING)) {
      const sentence = para.slice(m.index).split(/(?<=[.!?])\s/)[0];
      quotes.push({ speaker: clean(m[1]), text: sentence });
    }
    for (const m of para.matchAll(CITED)) cited.push(clean(m[1]));
    for (const m of para.matchAll(CITED_APPOSITION)) cited.push(clean(m[1]));
    const persons = found.filter((f) => f.kind === 'person');
    if (persons.length) lastPerson = persons[persons.length - 1].name;
    for (const n of doc.nouns().out('array') as string[]) {
      const w = n
        .toLowerCase()
        .replace(/[^a-z\s-]/g, '')
        .trim();
      if (w.length >= 4 && !/^(?:the|a|an|this|that|these|those)\s/.test(w)) nouns.push(w);
    }
  }
  return { mentions, roles, quotes, cited, nouns };
}
