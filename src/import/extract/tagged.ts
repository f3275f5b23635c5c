/**
 * The trained tagger (src/ner) as one more source of candidates for the Chinese rules: it proposes
 * person and organization spans, and a proposal is kept only where no rule or dictionary span
 * already stands (alias pairs in brackets, bylines, the gazetteer and the alias memory keep their
 * say) and when its surface passes the same sanity checks a name rule applies. Resolution then
 * merges them with everything else in the article.
 *
 * Speed: the tagger costs about 4 µs per character, several times the rest of extraction, so with
 * `speech` it reads only the clause before each speech verb, colon or opening quote where
 * the rules found no person: the speakers, whom experts are. `NEWSGRAPH_NER=all` tags every
 * segment, `off` (the default, see the README's Entity tagger section) none.
 */
import type { Span as TagSpan } from '../../ner/tags';
import { ChineseTagger } from '../../ner/zh/tagger';
import { isSpeechVerbAt, type Segment, type Span } from './chinese';
import type { Gazetteer, Resources } from './gazetteer';
import { COMPOUND_SURNAMES, NAME_FOLLOW_CHARS, STOP_ENTITIES, SURNAMES, TRANSLIT_CHARS } from './lexicon';

export type TaggerScope = 'all' | 'speech' | 'off';

export function taggerScope(): TaggerScope {
  const v = process.env.NEWSGRAPH_NER;
  return v === 'all' || v === 'speech' ? v : 'off';
}

const taggers = new WeakMap<Resources, ChineseTagger>();

/** The Chinese tagger over these resources, loaded once. */
export function chineseTagger(res: Resources): ChineseTagger {
  let t = taggers.get(res);
  if (!t) taggers.set(res, (t = ChineseTagger.load(undefined, res)));
  return t;
}

const CLAUSE_BREAK = new Set('，。；：！？“”「」,;:!?()（）'.split('').map((c) => c.charCodeAt(0)));
/** Longest clause read before a speech verb, in characters. */
const MAX_CLAUSE = 24;

/**
 * Where a segment quotes or introduces someone (the scope `speech`): for each speech verb, `：`
 * or opening quote, the clause before it, up to the verb plus a few characters of context, when
 * the rules found no person in that clause. `[start, end, speakerEnd)` triples: tag `start..end`,
 * keep spans that end by `speakerEnd`.
 */
export function speechWindows(text: string, spans: readonly Span[] = []): [number, number, number][] {
  const out: [number, number, number][] = [];
  let lastEnd = 0;
  for (let i = 1; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const verb =
      c === 0x201c || c === 0xff1a || c === 0x300c ? text[i] : c >= 0x4e00 ? isSpeechVerbAt(text, i) : null;
    if (!verb) continue;
    let start = i;
    while (start > 0 && i - start < MAX_CLAUSE && !CLAUSE_BREAK.has(text.charCodeAt(start - 1))) start--;
    if (start === i || start < lastEnd) continue;
    if (spans.some((sp) => sp.kind === 'person' && sp.start < i && sp.end > start)) continue;
    const end = Math.min(text.length, i + verb.length + 4);
    out.push([start, end, i]);
    lastEnd = i;
  }
  return out;
}

const HAN_ONLY = /^[\p{Script=Han}·]+$/u;

/** Parts of speech a name never ends with (刘多是, 习认为, 曾强迫): verbs, conjunctions, prepositions, adverbs. */
const NOT_NAME_TAIL = /^(?:v|vd|c|p|d|u|uj|ul|r|f|m)$/;

function plausiblePerson(res: Resources, name: string): boolean {
  if (name.length < 2 || !HAN_ONLY.test(name) || STOP_ENTITIES.has(name)) return false;
  if (NAME_FOLLOW_CHARS.has(name[name.length - 1])) return false;
  // A tail of two or more characters that is a verb, conjunction, ... (认为, 强迫, 和解); a single
  // last character is left to NAME_FOLLOW_CHARS: given names are full of one-character verbs (恩来).
  for (let k = 1; k < name.length - 1; k++) {
    const tag = res.pos.get(name.slice(k));
    if (tag && NOT_NAME_TAIL.test(tag)) return false;
  }
  if (name.includes('·')) return !name.startsWith('·') && !name.endsWith('·') && name.length <= 16;
  if (name.length > 4) return [...name].every((c) => TRANSLIT_CHARS.has(c)) && name.length <= 6;
  const tag = res.pos.get(name);
  if (tag && NOT_NAME_TAIL.test(tag)) return false;
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
export function taggedCandidates(
  tagger: ChineseTagger,
  gaz: Gazetteer,
  seg: Segment,
  scope: TaggerScope = taggerScope(),
): void {
  let found: TagSpan[];
  if (scope === 'off') return;
  if (scope === 'all') {
    found = tagger.spans(
      seg.text,
      seg.ids ? { starts: seg.starts, ids: seg.ids, tokens: seg.tokens } : undefined,
      gaz.trie,
    );
  } else {
    found = [];
    for (const [start, end, speakerEnd] of speechWindows(seg.text, seg.spans))
      for (const f of tagger.spans(seg.text.slice(start, end), undefined, gaz.trie))
        if (start + f.end <= speakerEnd)
          found.push({ start: start + f.start, end: start + f.end, type: f.type });
  }
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
