/**
 * Readers for the annotated NER files of ../shared/ner (see its README), with the format detected
 * from the content:
 *
 * - `cluener`: one JSON object a line, `{"text", "label": {type: {surface: [[start, end], ...]}}}`
 *   (end inclusive, offsets in code points);
 * - `pd`: People's Daily, one `char TAG` a line (space), blank line between sentences, BIO;
 * - `msra`: one `char<TAB>TAG` a line, BIO;
 * - `weibo`: one `char+segment-digit<TAB>TAG` a line, tags `B-PER.NAM`, `I-GPE.NOM`, ...;
 * - `conll`: CoNLL-2003, `word POS chunk TAG` (IOB1), `-DOCSTART-` lines between documents.
 *
 * Labels map to PER/ORG/LOC as that README says: CLUENER `name` -> PER; `company`, `organization`,
 * `government` -> ORG; `address`, `scene` -> LOC; GPE -> LOC; Weibo `.NOM` (generic nouns) and every
 * other label are dropped.
 */
import { readFileSync } from 'node:fs';
import { type Span, spansOfTags } from './tags';

export type NerFormat = 'cluener' | 'pd' | 'msra' | 'weibo' | 'conll';
export type NerLanguage = 'zh' | 'en';

export const NER_LABELS = ['PER', 'ORG', 'LOC'] as const;
export type NerLabel = (typeof NER_LABELS)[number];

/** One annotated sentence: tokens (characters for Chinese, words for English) and entity spans over them. */
export interface AnnotatedSentence {
  tokens: string[];
  spans: Span[];
}

export interface AnnotatedFile {
  file: string;
  format: NerFormat;
  language: NerLanguage;
  sentences: AnnotatedSentence[];
}

const LABEL_MAP: Record<string, NerLabel> = {
  PER: 'PER',
  PERSON: 'PER',
  NAME: 'PER',
  NR: 'PER',
  ORG: 'ORG',
  ORGANIZATION: 'ORG',
  COMPANY: 'ORG',
  GOVERNMENT: 'ORG',
  NT: 'ORG',
  LOC: 'LOC',
  LOCATION: 'LOC',
  GPE: 'LOC',
  ADDRESS: 'LOC',
  SCENE: 'LOC',
  NS: 'LOC',
};

/** PER/ORG/LOC for a dataset label, or null for labels outside the three (and Weibo's `.NOM`). */
export function mapLabel(raw: string): NerLabel | null {
  const [type, sub] = raw.split('.');
  if (sub && sub.toUpperCase() === 'NOM') return null;
  return LABEL_MAP[type.toUpperCase()] ?? null;
}

const LANGUAGE: Record<NerFormat, NerLanguage> = {
  cluener: 'zh',
  pd: 'zh',
  msra: 'zh',
  weibo: 'zh',
  conll: 'en',
};

/** The format of an annotated file's content, or an error naming the file and what is wrong. */
export function detectFormat(content: string, file = 'input'): NerFormat {
  const lines = content.split(/\r?\n/).filter((l) => l.trim() !== '');
  if (lines.length === 0) throw new Error(`${file}: empty file, no annotated sentence`);
  const sample = lines.slice(0, 200);
  if (sample[0].trimStart().startsWith('{')) return 'cluener';
  const count = (re: RegExp): number => sample.filter((l) => re.test(l)).length;
  const need = Math.ceil(sample.length * 0.9);
  if (count(/^-DOCSTART-|^\S+ \S+ \S+ [BIO](-\S+)?$/) >= need) return 'conll';
  if (count(/^\S\d\t\S+$/) >= need) return 'weibo';
  if (count(/^\S+\t[BIOES](-\S+)?$/) >= need) return 'msra';
  if (count(/^\S+ [BIOES](-\S+)?$/) >= need) return 'pd';
  throw new Error(
    `${file}: unknown annotation format (expected CLUENER jsonl, "char TAG", "char<TAB>TAG", ` +
      `Weibo "char+digit<TAB>TAG" or CoNLL "word POS chunk TAG" lines); first line: ${JSON.stringify(lines[0].slice(0, 80))}`,
  );
}

function mapSpans(spans: Span[]): Span[] {
  const out: Span[] = [];
  for (const s of spans) {
    const type = mapLabel(s.type);
    if (type) out.push({ start: s.start, end: s.end, type });
  }
  return out;
}

function readColumns(content: string, file: string, format: NerFormat): AnnotatedSentence[] {
  const out: AnnotatedSentence[] = [];
  let tokens: string[] = [];
  let tags: string[] = [];
  const flush = (): void => {
    if (tokens.length) out.push({ tokens, spans: mapSpans(spansOfTags(tags)) });
    tokens = [];
    tags = [];
  };
  const lines = content.split(/\r?\n/);
  lines.forEach((line, n) => {
    if (line.trim() === '') return flush();
    if (format === 'conll' && line.startsWith('-DOCSTART-')) return flush();
    const fields = line.split(format === 'pd' || format === 'conll' ? ' ' : '\t');
    const tag = fields[fields.length - 1];
    let token = fields[0];
    if (fields.length < 2 || !/^(O|[BIES]-\S+)$/.test(tag))
      throw new Error(
        `${file}:${n + 1}: expected a ${format} line, got ${JSON.stringify(line.slice(0, 80))}`,
      );
    if (format === 'weibo') token = token.replace(/\d$/, '');
    tokens.push(token);
    tags.push(tag);
  });
  flush();
  return out;
}

function readCluener(content: string, file: string): AnnotatedSentence[] {
  const out: AnnotatedSentence[] = [];
  content.split(/\r?\n/).forEach((line, n) => {
    if (line.trim() === '') return;
    let obj: { text?: unknown; label?: Record<string, Record<string, [number, number][]>> };
    try {
      obj = JSON.parse(line) as typeof obj;
    } catch (e) {
      throw new Error(`${file}:${n + 1}: not a JSON line (${(e as Error).message})`);
    }
    if (typeof obj.text !== 'string') throw new Error(`${file}:${n + 1}: no "text" string`);
    const tokens = Array.from(obj.text);
    const spans: Span[] = [];
    for (const [type, surfaces] of Object.entries(obj.label ?? {}))
      for (const ranges of Object.values(surfaces))
        for (const [start, end] of ranges) {
          if (!(start >= 0 && end >= start && end < tokens.length))
            throw new Error(`${file}:${n + 1}: span [${start}, ${end}] outside the text`);
          spans.push({ start, end: end + 1, type });
        }
    spans.sort((a, b) => a.start - b.start || b.end - a.end);
    out.push({ tokens, spans: mapSpans(spans) });
  });
  return out;
}

/** Parse annotated content in a known format. */
export function parseAnnotated(content: string, format: NerFormat, file = 'input'): AnnotatedSentence[] {
  return format === 'cluener' ? readCluener(content, file) : readColumns(content, file, format);
}

/** Read an annotated file, detecting its format (errors name the file, and the line where it applies). */
export function readAnnotated(file: string): AnnotatedFile {
  let content: string;
  try {
    content = readFileSync(file, 'utf8');
  } catch (e) {
    throw new Error(`${file}: cannot read (${(e as Error).message})`);
  }
  const format = detectFormat(content, file);
  return { file, format, language: LANGUAGE[format], sentences: parseAnnotated(content, format, file) };
}

/** A sentence of character tokens as text, with its spans in UTF-16 code units. */
export function toCodeUnits(s: AnnotatedSentence): { text: string; spans: Span[] } {
  const text = s.tokens.join('');
  if (text.length === s.tokens.length) return { text, spans: s.spans };
  const at = [0];
  for (const t of s.tokens) at.push(at[at.length - 1] + t.length);
  return { text, spans: s.spans.map((sp) => ({ start: at[sp.start], end: at[sp.end], type: sp.type })) };
}
