/**
 * CoNLL-2003 English (`word POS chunk TAG` a line, IOB1 tags, blank lines between sentences,
 * `-DOCSTART-` lines between documents) as sentences of tokens with PER/ORG/LOC spans; MISC is ignored,
 * as the graph has no such kind.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { type Span, spansOfTags } from '../tags';

export interface ConllSentence {
  tokens: string[];
  spans: Span[];
}

export const EN_LABELS = ['PER', 'ORG', 'LOC'] as const;
/**
 * The labels the model learns: MISC too (nationalities, events, works), so that "Muslims" or "Arab
 * Spring" have a class of their own instead of pulling PER and ORG; its spans are never reported.
 */
export const TRAIN_LABELS = ['PER', 'ORG', 'LOC', 'MISC'] as const;

export function parseConll(
  content: string,
  file = 'input',
  labels: readonly string[] = EN_LABELS,
): ConllSentence[] {
  const sentences: ConllSentence[] = [];
  let tokens: string[] = [];
  let tags: string[] = [];
  const close = () => {
    if (tokens.length > 0) {
      const spans = spansOfTags(tags).filter((s) => labels.includes(s.type));
      sentences.push({ tokens, spans });
    }
    tokens = [];
    tags = [];
  };
  const lines = content.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i].trim();
    if (line === '') {
      close();
      continue;
    }
    if (line.startsWith('-DOCSTART-')) {
      close();
      continue;
    }
    const cols = line.split(/\s+/);
    const tag = cols[cols.length - 1];
    if (cols.length < 2 || !/^(O|[BI]-[A-Z]+)$/.test(tag))
      throw new Error(`${file}:${i + 1}: not a CoNLL line (word ... TAG): "${line.slice(0, 60)}"`);
    tokens.push(cols[0]);
    tags.push(tag);
  }
  close();
  if (sentences.length === 0) throw new Error(`${file}: no annotated sentence`);
  return sentences;
}

export function readConll(file: string, labels: readonly string[] = EN_LABELS): ConllSentence[] {
  let content: string;
  try {
    content = readFileSync(file, 'utf8');
  } catch (e) {
    throw new Error(`${file}: cannot read (${(e as Error).message})`);
  }
  return parseConll(content, file, labels);
}

const ROOT = path.join(__dirname, '..', '..', '..');

/** `NER_DATA_DIR`, else `shared/ner` beside the project (or beside its worktree folder). */
export function nerDataDir(): string {
  return (
    process.env.NER_DATA_DIR ??
    [path.resolve(ROOT, '../shared/ner'), path.resolve(ROOT, '../../shared/ner')].find((d) =>
      existsSync(d),
    ) ??
    path.resolve(ROOT, '../shared/ner')
  );
}
