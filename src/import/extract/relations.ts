import type { Affiliation, Quote } from '../../model/article';
import { CLAUSE_BREAK, isSpeechVerbAt, ROLES_DESC, type Segment, type Span } from './chinese';
import { EXPERT_ROLE_KEYS } from './lexicon';
import { charTable } from './chars';

const CLAUSE_BREAK_T = charTable(CLAUSE_BREAK);
const CLAUSE_OR_STOP_T = charTable([...CLAUSE_BREAK, '。']);
const SENTENCE_END_T = charTable('。！？'.split(''));

export interface RoleFact {
  person: Span;
  organization: Span | null;
  role: string | null;
}

export interface QuoteFact {
  speaker: Span;
  text: string;
}

/** Where a speech verb stands in the text but is part of another word (据说, 说法, 小说, 称为). */
function isFalseVerb(text: string, i: number, verb: string): boolean {
  const prev = text[i - 1] ?? '';
  const next = text[i + verb.length] ?? '';
  if (verb === '说') return /[据听所小话传游劝解演来]/.test(prev) || /[明服法]/.test(next);
  if (verb === '称') return /[名声号自简俗堪对职昵]/.test(prev) || /[为作号赞呼职]/.test(next);
  if (verb === '认为') return false;
  if (verb === '表示') return false;
  if (verb === '警告' || verb === '强调') return /[的出]/.test(prev);
  return false;
}

function speechVerbAt(text: string, i: number): string | null {
  const v = isSpeechVerbAt(text, i);
  return v && !isFalseVerb(text, i, v) ? v : null;
}

export function endsWithRole(s: string): string | null {
  for (const r of ROLES_DESC) if (s.endsWith(r)) return r;
  return null;
}

export const isExpertRole = (role: string | null): boolean =>
  !!role && EXPERT_ROLE_KEYS.some((k) => role.toLowerCase().includes(k));

const stripBrackets = (g: string): string => g.replace(/[（(][A-Za-z][^()（）]*[)）]/g, '');
const CLAUSE_PUNCT = /[，。；：！？“”（）()《》,;:!?]/;

/** The role in a gap between an organization and a name: 的非常驻高级研究员 -> 非常驻高级研究员. */
function roleIn(gap: string): string | null {
  const g = gap.replace(/^(?:的|在)/, '').replace(/的$/, '');
  if (!g || !endsWithRole(g)) return null;
  const last = g.lastIndexOf('的');
  return last >= 0 ? g.slice(last + 1) : g;
}

/**
 * Appositions before a name: ORG(的)ROLE PERSON and PLACE OFFICE PERSON, with 、-coordinated roles,
 * and PERSON曾任ORG ROLE after it. An expert's topic (中国问题专家) is not an office of that place.
 */
export function rolesInSegment(seg: Segment): RoleFact[] {
  const out: RoleFact[] = [];
  const { text, spans } = seg;
  for (let idx = 0; idx < spans.length; idx++) {
    const p = spans[idx];
    if (p.kind !== 'person') continue;
    const before: Span[] = [];
    for (let j = idx - 1; j >= 0; j--) {
      const s = spans[j];
      if (s.kind === 'person' || p.start - s.end > 30) break;
      if (CLAUSE_PUNCT.test(stripBrackets(text.slice(s.end, p.start)))) break;
      before.push(s);
    }
    let fact: RoleFact | null = null;
    for (const e of before) {
      if (e.kind !== 'place') continue;
      const gap = stripBrackets(text.slice(e.end, p.start));
      // 美国负责欧洲事务的助理国务卿: 的 is allowed inside a 负责… clause only.
      if (gap.includes('的') && !/^负责/.test(gap)) continue;
      const role = roleIn(gap);
      // 中国外交政策专家 is an expert on China; 伊朗首席核科学家 holds an Iranian post.
      const topical =
        isExpertRole(role) && /问题|政策|事务|关系|经济|安全|军事|外交|研究|历史|文化|政治/.test(gap);
      if (role && !topical && gap.length <= 16) fact = { person: p, organization: e, role: gap };
      break;
    }
    const org = before.find((e) => e.kind === 'org');
    if (org && (!fact || before.indexOf(org) < before.indexOf(fact.organization!))) {
      const gap = stripBrackets(text.slice(org.end, p.start));
      const role = gap.length <= 25 ? roleIn(gap) : null;
      if (role) fact = { person: p, organization: org, role };
      else if (gap === '的' && !fact) fact = { person: p, organization: org, role: null };
    }
    if (!fact) {
      const r = endsWithRole(text.slice(Math.max(0, p.start - 12), p.start));
      if (r) out.push({ person: p, organization: null, role: r });
      continue;
    }
    out.push(fact);
    // 土耳其高级外交官、前北约公共外交事务助理秘书长塔灿·伊尔代姆: a second office before the first.
    const e = fact.organization!;
    const sep = text.lastIndexOf('、', e.start);
    const k = spans.indexOf(e);
    const e2 = k > 0 ? spans[k - 1] : null;
    if (e2 && e2.kind !== 'person' && sep > e2.end && e.start - sep <= 2 && sep - e2.end <= 16) {
      const g2 = text.slice(e2.end, sep).replace(/^的/, '');
      if (g2 && endsWithRole(g2) && !CLAUSE_PUNCT.test(g2))
        out.push({ person: p, organization: e2, role: g2 });
    }
  }
  // 陈澍曾任Meta大中华区公共政策主管: the office after the name.
  for (let idx = 0; idx + 1 < spans.length; idx++) {
    const p = spans[idx];
    const e = spans[idx + 1];
    if (p.kind !== 'person' || e.kind === 'person') continue;
    if (!/^(?:曾|现|目前|此前|还|也)?(?:任|担任|出任)$/.test(text.slice(p.end, e.start))) continue;
    const rest = /^[^，。；：！？、“”]{1,16}/.exec(text.slice(e.end))?.[0] ?? '';
    const r = endsWithRole(rest);
    if (r) out.push({ person: p, organization: e, role: rest });
  }
  return out;
}

interface QuoteRange {
  open: number;
  close: number;
}

function quoteRanges(text: string): QuoteRange[] {
  const out: QuoteRange[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c !== '“' && c !== '「') continue;
    const closer = c === '“' ? '”' : '」';
    const j = text.indexOf(closer, i + 1);
    if (j < 0) break;
    out.push({ open: i, close: j });
    i = j;
  }
  return out;
}

export interface QuoteContext {
  /** Last named person mentioned before this segment (for 他/她 in its first sentence). */
  lastPerson: Span | null;
  /** The person who last spoke in the previous segment, if any: the likelier 他 of a new paragraph. */
  lastSpeaker: Span | null;
}

/** Scratch in-quote flags of quotesInSegment, reused between calls (extraction is synchronous). */
let inQuoteBuf = new Uint8Array(4096);

/** What the clause and sentence helpers of quotesInSegment need (module functions, not closures). */
interface QuoteState {
  text: string;
  spans: Span[];
  inQuote: Uint8Array;
  events: { pos: number; speaker: Span }[];
  ctx: QuoteContext;
}

function sentenceEnd(st: QuoteState, i: number): number {
  const { text, inQuote } = st;
  for (let k = i; k < text.length; k++) if (!inQuote[k] && SENTENCE_END_T[text.charCodeAt(k)]) return k;
  return text.length;
}

function sentenceStart(st: QuoteState, i: number): number {
  const { text, inQuote } = st;
  for (let k = i - 1; k >= 0; k--) if (!inQuote[k] && SENTENCE_END_T[text.charCodeAt(k)]) return k + 1;
  return 0;
}

function lastPersonBefore(st: QuoteState, pos: number): Span | null {
  const { text, spans, inQuote, events, ctx } = st;
  // 苏纳克说，如果工党领袖斯塔默成为首相……“……，”他说: of several people, 他 is the one speaking.
  const speaking = [...events].reverse().find((e) => e.pos < pos && e.speaker.kind === 'person');
  if (speaking) return speaking.speaker;
  let best: Span | null = null;
  // 普京的高级官员: a possessor is rarely the 他 of the next sentence.
  for (const s of spans)
    if (s.kind === 'person' && s.end <= pos && !inQuote[s.start] && text[s.end] !== '的') best = s;
  return best ?? ctx.lastSpeaker ?? ctx.lastPerson;
}

function agent(st: QuoteState, lo: number, v: number): Span | null {
  const { text, spans, inQuote } = st;
  let clause = lo;
  for (let k = v - 1; k >= lo; k--) {
    if (CLAUSE_BREAK_T[text.charCodeAt(k)] && !inQuote[k]) {
      clause = k + 1;
      break;
    }
  }
  // 特里克特的家人表示: a possessor is not the speaker.
  const inClause = spans.filter(
    (s) =>
      s.start >= clause && s.end <= v && !inQuote[s.start] && !(text[s.end] === '的' && s.kind === 'person'),
  );
  const person = [...inClause].reverse().find((s) => s.kind === 'person');
  if (person) return person;
  const org = [...inClause].reverse().find((s) => s.kind === 'org');
  if (org) return org;
  const head = text.slice(clause, v);
  if (/^(?:[他她])(?![们的])/.test(head.replace(/^(?:但|而|并|还|也|同时)/, ''))) {
    return lastPersonBefore(st, clause);
  }
  // 他指责以色列，并补充说: the subject is in the previous clause of the sentence.
  if (/^(?:并|而|还|也|又|但|同时|随后|接着)/.test(head) && clause > lo + 1) {
    return agent(st, lo, clause - 1);
  }
  return null;
}

/** A person other than `s` starting in [from, to) (a function: no closure per character scanned). */
function personBetween(spans: Span[], s: Span, from: number, to: number): boolean {
  for (const o of spans) if (o !== s && o.kind === 'person' && o.start >= from && o.start < to) return true;
  return false;
}

/**
 * Quotes with their speakers. The speaker is the last person (else organization) in the clause
 * that governs the nearest speech verb of the quote's sentence; 他/她 resolve to the last person
 * named; a quote in a sentence without any verb continues the previous speaker of the paragraph.
 */
export function quotesInSegment(
  seg: Segment,
  ctx: QuoteContext,
): { quotes: QuoteFact[]; cited: Span[]; lastSpeaker: Span | null } {
  const { text, spans } = seg;
  const ranges = quoteRanges(text);
  if (inQuoteBuf.length < text.length + 1)
    inQuoteBuf = new Uint8Array(Math.max(text.length + 1, 2 * inQuoteBuf.length));
  const inQuote = inQuoteBuf;
  inQuote.fill(0, 0, text.length + 1);
  for (const r of ranges) for (let i = r.open; i <= r.close; i++) inQuote[i] = 1;
  const quotes: QuoteFact[] = [];
  const cited: Span[] = [];
  const events: { pos: number; speaker: Span }[] = [];
  const st: QuoteState = { text, spans, inQuote, events, ctx };
  // Who speaks where, from verbs outside quotation marks: a later quote without its own verb
  // continues the last of them (米切尔说，……。“这种战略竞争……”).
  for (let k = 0; k < text.length; k++) {
    if (inQuote[k]) continue;
    const v = speechVerbAt(text, k);
    if (!v) continue;
    const who = agent(st, sentenceStart(st, k), k);
    if (who && who.kind !== 'place') events.push({ pos: k, speaker: who });
    k += v.length - 1;
  }
  let lastSpeaker: Span | null = null;
  let lastSpeakerPos = -1;
  for (const r of ranges) {
    const content = text
      .slice(r.open + 1, r.close)
      .trim()
      .replace(/[，,]$/, '');
    if (content.length < 4) continue;
    const sEnd = sentenceEnd(st, r.close + 1);
    const sStart = sentenceStart(st, r.open);
    let speaker: Span | null = null;
    let sawVerb = false;
    for (let k = r.close + 1; k < sEnd; k++) {
      if (inQuote[k]) break;
      // “垃圾邮件伪装”长期以来一直被视为中国行动，OpenAI表示: the verb belongs to another clause.
      if (k > r.close + 1 && CLAUSE_BREAK_T[text.charCodeAt(k)]) break;
      const v = speechVerbAt(text, k);
      if (v) {
        sawVerb = true;
        speaker = agent(st, r.close + 1, k);
        break;
      }
    }
    if (!sawVerb) {
      for (let k = r.open - 1; k >= sStart; k--) {
        if (inQuote[k]) continue;
        const v = speechVerbAt(text, k);
        if (v) {
          sawVerb = true;
          speaker = agent(st, sStart, k);
          break;
        }
      }
    }
    if (!speaker) {
      const ju = text.slice(sStart, r.open).indexOf('据');
      if (ju >= 0) {
        const at = sStart + ju;
        speaker =
          spans.find((s) => s.start > at && s.start - at <= 12 && s.kind === 'org' && s.end <= r.open) ??
          null;
        if (speaker) sawVerb = true;
      }
    }
    if (!speaker && !sawVerb && (content.length >= 8 || /[，。！？]/.test(content))) {
      const ev = [...events].reverse().find((e) => e.pos < r.open);
      speaker = ev && ev.pos > lastSpeakerPos ? ev.speaker : lastSpeaker;
    }
    if (!speaker || speaker.kind === 'place') continue;
    quotes.push({ speaker, text: content });
    lastSpeaker = speaker;
    lastSpeakerPos = r.close;
  }
  // Persons cited without quotation marks: 库尔特说，习近平正在……
  for (const s of spans) {
    if (s.kind !== 'person') continue;
    for (let k = s.end; k < Math.min(text.length, s.end + 16); k++) {
      if (CLAUSE_OR_STOP_T[text.charCodeAt(k)]) break;
      if (speechVerbAt(text, k)) {
        if (!personBetween(spans, s, s.end, k)) cited.push(s);
        break;
      }
    }
  }
  const lastEvent = [...events].reverse().find((e) => e.speaker.kind === 'person');
  const lastQuote = [...quotes].reverse().find((q) => q.speaker.kind === 'person');
  const segmentSpeaker =
    lastEvent && lastQuote
      ? lastEvent.pos > text.lastIndexOf(lastQuote.text)
        ? lastEvent.speaker
        : lastQuote.speaker
      : (lastEvent?.speaker ?? lastQuote?.speaker ?? null);
  return { quotes, cited, lastSpeaker: segmentSpeaker };
}

export type { Affiliation, Quote };
