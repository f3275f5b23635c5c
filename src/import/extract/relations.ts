import type { Affiliation, Quote } from '../../model/article';
import { CLAUSE_BREAK, isSpeechVerbAt, ROLES_DESC, type Segment, type Span } from './chinese';
import { EXPERT_ROLE_KEYS } from './lexicon';

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

/** Appositions before a name: ORG(的)ROLE PERSON, PLACE ROLE PERSON, with 、-coordinated roles. */
export function rolesInSegment(seg: Segment): RoleFact[] {
  const out: RoleFact[] = [];
  const { text, spans } = seg;
  for (let idx = 0; idx < spans.length; idx++) {
    const p = spans[idx];
    if (p.kind !== 'person') continue;
    let e: Span | null = null;
    for (let j = idx - 1; j >= 0; j--) {
      const s = spans[j];
      if (s.kind === 'person') break;
      if (p.start - s.end > 22) break;
      e = s;
      break;
    }
    // 战略与国际研究中心的中国问题专家白明: the place belongs to the role, the organization comes first.
    if (e && e.kind === 'place') {
      const k = spans.indexOf(e);
      const e0 = k > 0 ? spans[k - 1] : null;
      const between = e0 ? text.slice(e0.end, e.start) : '';
      const rest = text.slice(e.end, p.start);
      if (e0 && e0.kind === 'org' && (between === '的' || between === '') && endsWithRole(rest)) e = e0;
    }
    // 美国负责欧洲事务的助理国务卿米切尔: 欧洲 sits inside a modifier of the role.
    if (e && text.slice(e.end, p.start).replace(/^的/, '').includes('的')) {
      const k = spans.indexOf(e);
      const e0 = k > 0 ? spans[k - 1] : null;
      if (
        e0 &&
        e0.kind !== 'person' &&
        e.start - e0.end <= 8 &&
        !/[，。；：！？“”]/.test(text.slice(e0.end, e.start))
      ) {
        e = e0;
      }
    }
    const gapStart = e ? e.end : Math.max(0, p.start - 12);
    let gap = text.slice(gapStart, p.start).replace(/[（(][A-Za-z][^()（）]*[)）]/g, '');
    if (!e) {
      // No organization: keep only a role word right before the name (经济学家X).
      const r = endsWithRole(gap);
      if (r) out.push({ person: p, organization: null, role: r });
      continue;
    }
    if (/[，。；：！？“”（）()《》,;:!?]/.test(gap)) {
      const r = endsWithRole(gap);
      if (r) out.push({ person: p, organization: null, role: r });
      continue;
    }
    gap = gap.replace(/^的/, '');
    if (!gap) {
      if (text.slice(e.end, p.start) === '的' && e.kind === 'org')
        out.push({ person: p, organization: e, role: null });
      continue;
    }
    if (!endsWithRole(gap)) continue;
    const parts = gap.split('、');
    out.push({ person: p, organization: e, role: gap.includes('、') ? gap : gap });
    // 土耳其高级外交官、前北约公共外交事务助理秘书长塔灿·伊尔代姆: a second office before the first.
    const before = text.slice(Math.max(0, e.start - 2), e.start);
    if (parts.length === 1 && /、[前原]?$/.test(before)) {
      const sep = text.lastIndexOf('、', e.start);
      const prevIdx = spans.indexOf(e) - 1;
      const e2 = prevIdx >= 0 ? spans[prevIdx] : null;
      if (e2 && e2.kind !== 'person' && sep - e2.end <= 16) {
        const g2 = text.slice(e2.end, sep).replace(/^的/, '');
        if (g2 && endsWithRole(g2) && !/[，。；：！？“”]/.test(g2))
          out.push({ person: p, organization: e2, role: g2 });
      }
    }
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
}

/**
 * Quotes with their speakers. The speaker is the last person (else organization) in the clause
 * that governs the nearest speech verb of the quote's sentence; 他/她 resolve to the last person
 * named; a quote in a sentence without any verb continues the previous speaker of the paragraph.
 */
export function quotesInSegment(seg: Segment, ctx: QuoteContext): { quotes: QuoteFact[]; cited: Span[] } {
  const { text, spans } = seg;
  const ranges = quoteRanges(text);
  const inQuote = new Uint8Array(text.length + 1);
  for (const r of ranges) for (let i = r.open; i <= r.close; i++) inQuote[i] = 1;
  const sentenceEnd = (i: number): number => {
    for (let k = i; k < text.length; k++) if (!inQuote[k] && /[。！？]/.test(text[k])) return k;
    return text.length;
  };
  const sentenceStart = (i: number): number => {
    for (let k = i - 1; k >= 0; k--) if (!inQuote[k] && /[。！？]/.test(text[k])) return k + 1;
    return 0;
  };
  const lastPersonBefore = (pos: number): Span | null => {
    let best: Span | null = null;
    // 普京的高级官员: a possessor is rarely the 他 of the next sentence.
    for (const s of spans)
      if (s.kind === 'person' && s.end <= pos && !inQuote[s.start] && text[s.end] !== '的') best = s;
    return best ?? ctx.lastPerson;
  };
  const agent = (lo: number, v: number): Span | null => {
    let clause = lo;
    for (let k = v - 1; k >= lo; k--) {
      if (CLAUSE_BREAK.has(text[k]) && !inQuote[k]) {
        clause = k + 1;
        break;
      }
    }
    // 特里克特的家人表示: a possessor is not the speaker.
    const inClause = spans.filter(
      (s) =>
        s.start >= clause &&
        s.end <= v &&
        !inQuote[s.start] &&
        !(text[s.end] === '的' && s.kind === 'person'),
    );
    const person = [...inClause].reverse().find((s) => s.kind === 'person');
    if (person) return person;
    const org = [...inClause].reverse().find((s) => s.kind === 'org');
    if (org) return org;
    const head = text.slice(clause, v);
    if (/^(?:[他她])(?![们])/.test(head.replace(/^(?:但|而|并|还|也|同时)/, '')) && inClause.length === 0) {
      return lastPersonBefore(clause);
    }
    return null;
  };

  const quotes: QuoteFact[] = [];
  const cited: Span[] = [];
  // Who speaks where, from verbs outside quotation marks: a later quote without its own verb
  // continues the last of them (米切尔说，……。“这种战略竞争……”).
  const events: { pos: number; speaker: Span }[] = [];
  for (let k = 0; k < text.length; k++) {
    if (inQuote[k]) continue;
    const v = speechVerbAt(text, k);
    if (!v) continue;
    const who = agent(sentenceStart(k), k);
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
    const sEnd = sentenceEnd(r.close + 1);
    const sStart = sentenceStart(r.open);
    let speaker: Span | null = null;
    let sawVerb = false;
    for (let k = r.close + 1; k < sEnd; k++) {
      if (inQuote[k]) break;
      // “垃圾邮件伪装”长期以来一直被视为中国行动，OpenAI表示: the verb belongs to another clause.
      if (k > r.close + 1 && CLAUSE_BREAK.has(text[k])) break;
      const v = speechVerbAt(text, k);
      if (v) {
        sawVerb = true;
        speaker = agent(r.close + 1, k);
        break;
      }
    }
    if (!sawVerb) {
      for (let k = r.open - 1; k >= sStart; k--) {
        if (inQuote[k]) continue;
        const v = speechVerbAt(text, k);
        if (v) {
          sawVerb = true;
          speaker = agent(sStart, k);
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
      if (CLAUSE_BREAK.has(text[k]) || text[k] === '。') break;
      if (speechVerbAt(text, k)) {
        if (!spans.some((o) => o !== s && o.kind === 'person' && o.start >= s.end && o.start < k))
          cited.push(s);
        break;
      }
    }
  }
  return { quotes, cited };
}

export type { Affiliation, Quote };
