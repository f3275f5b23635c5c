/**
 * The trained tagger (src/ner) as one more source of candidates for the Chinese rules: it proposes
 * person and organization spans, and a proposal is kept only where no rule or dictionary span
 * already stands (alias pairs in brackets, bylines, the gazetteer and the alias memory keep their
 * say) and when its surface passes the same sanity checks a name rule applies. Resolution then
 * merges them with everything else in the article.
 *
 * Speed: the tagger costs about 4 µs per character, several times the rest of extraction, so it
 * reads only the segments where a person is quoted or introduced (speech verbs, quotation marks, a
 * colon), the text where experts and their organizations are named. `NEWSGRAPH_NER=all` tags every
 * segment, `off` none.
 */
import type { Span as TagSpan } from '../../ner/tags';
import { ChineseTagger } from '../../ner/zh/tagger';
import { isSpeechVerbAt, type Segment, type Span } from './chinese';
import type { Gazetteer, Resources } from './gazetteer';
import { COMPOUND_SURNAMES, NAME_FOLLOW_CHARS, STOP_ENTITIES, SURNAMES, TRANSLIT_CHARS } from './lexicon';

export type TaggerScope = 'all' | 'speech' | 'off';

export function taggerScope(): TaggerScope {
  const v = process.env.NEWSGRAPH_NER;
  return v === 'all' || v === 'off' ? v : 'speech';
}

const taggers = new WeakMap<Resources, ChineseTagger>();

/** The Chinese tagger over these resources, loaded once. */
export function chineseTagger(res: Resources): ChineseTagger {
  let t = taggers.get(res);
  if (!t) taggers.set(res, (t = ChineseTagger.load(undefined, res)));
  return t;
}

/** Whether a segment quotes or introduces someone (the scope `speech`). */
export function quotesSomeone(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x201c || c === 0xff1a || c === 0x300c) return true; // “ ： 「
    if (c >= 0x4e00 && isSpeechVerbAt(text, i)) return true;
  }
  return false;
}

const HAN_ONLY = /^[\p{Script=Han}·]+$/u;

/** Parts of speech a name never ends with (刘多是, 习认为, 曾强迫): verbs, conjunctions, prepositions, adverbs. */
const NOT_NAME_TAIL = /^(?:v|vd|c|p|d|u|uj|ul|r|f|m)$/;

function plausiblePerson(res: Resources, name: string): boolean {
  if (name.length < 2 || !HAN_ONLY.test(name) || STOP_ENTITIES.has(name)) return false;
  if (NAME_FOLLOW_CHARS.has(name[name.length - 1])) return false;
  for (let k = 1; k < name.length; k++) {
    const tag = res.pos.get(name.slice(k));
    if (tag && NOT_NAME_TAIL.test(tag)) return false;
  }
  if (name.includes('·')) return !name.startsWith('·') && !name.endsWith('·') && name.length <= 16;
  if (name.length > 4) return [...name].every((c) => TRANSLIT_CHARS.has(c)) && name.length <= 6;
  const tag = res.pos.get(name);
  if (tag && !/^nr/.test(tag)) return false;
  return (
    SURNAMES.has(name[0]) ||
    COMPOUND_SURNAMES.some((s) => name.startsWith(s)) ||
    [...name].every((c) => TRANSLIT_CHARS.has(c))
  );
}

const ORG_BAD_START = /^[的是在和与及对向从把被将为了等年月日该本此这那其各某\d]/;
/** A role (联邦检察官), not the organization. */
const ORG_BAD_END = /[官员者人长家师手]$/;

function plausibleOrg(res: Resources, name: string, firstToken: string): boolean {
  if (name.length < 3 || name.length > 20 || !HAN_ONLY.test(name) || STOP_ENTITIES.has(name)) return false;
  if (ORG_BAD_START.test(name) || ORG_BAD_END.test(name)) return false;
  const first = res.pos.get(firstToken);
  if (first && /^(?:v|p|c|d|r)$/.test(first)) return false;
  const tag = res.pos.get(name);
  return !tag || tag === 'nt' || tag === 'nz';
}

/**
 * Adds the tagger's person and organization spans that overlap no span the rules chose, to the
 * segment's candidates and spans.
 */
export function taggedCandidates(tagger: ChineseTagger, gaz: Gazetteer, seg: Segment): void {
  const found: TagSpan[] = tagger.spans(
    seg.text,
    seg.ids ? { starts: seg.starts, ids: seg.ids, tokens: seg.tokens } : undefined,
    gaz.trie,
  );
  if (found.length === 0) return;
  let added = false;
  const { starts, tokens } = seg;
  for (const f of found) {
    if (f.type === 'LOC') continue;
    if (seg.spans.some((s) => s.start < f.end && f.start < s.end)) continue;
    // Spans that cut a jieba word in two are boundary errors (刘多和|解).
    const t0 = tokenAt(starts, f.start);
    const t1 = tokenAt(starts, f.end - 1);
    if (t0 < 0 || t1 < 0 || starts[t0] !== f.start || starts[t1] + tokens[t1].length !== f.end) continue;
    const name = seg.text.slice(f.start, f.end);
    const kind = f.type === 'PER' ? 'person' : 'org';
    if (kind === 'person' ? !plausiblePerson(gaz.res, name) : !plausibleOrg(gaz.res, name, tokens[t0]))
      continue;
    const span: Span = { start: f.start, end: f.end, kind, name, aliases: [], tier: 4 };
    seg.cands.push(span);
    seg.spans.push(span);
    added = true;
  }
  if (added) seg.spans.sort((a, b) => a.start - b.start);
}

/** Index of the token containing offset `at` (binary search over sorted starts), or -1. */
function tokenAt(starts: ArrayLike<number>, at: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  if (hi < 0 || at < starts[0]) return -1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid] <= at) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}
