/**
 * `npm run -s ner:eval -- <file>`: scores the tagger of the file's language on an annotated file in
 * any format of ../shared/ner (detected from the content; see formats.ts), entity-level exact match
 * as conlleval counts it, labels mapped to PER/ORG/LOC. Prints exactly one JSON object:
 * `{"file","format","language","sentences","overall":{precision,recall,f1},"byType":{"PER":{...},"ORG":{...},"LOC":{...}}}`.
 * Errors (unreadable file, unknown format, no tagger for the language) go to stderr with exit code 1.
 */
import { EntityScorer, formatPrf as prf } from './evaluate';
import { type AnnotatedFile, NER_LABELS, readAnnotated } from './formats';
import { TAGGERS } from './languages';

export function evaluateFile(file: string): Record<string, unknown> {
  const data: AnnotatedFile = readAnnotated(file);
  const load = TAGGERS[data.language];
  if (!load) throw new Error(`${file}: no tagger for language "${data.language}" (format ${data.format})`);
  const tagger = load();
  const scorer = new EntityScorer(NER_LABELS);
  for (const s of data.sentences) scorer.add(s.spans, tagger.tag(s));
  const r = scorer.result();
  return {
    file,
    format: data.format,
    language: data.language,
    sentences: data.sentences.length,
    overall: prf(r.overall),
    byType: Object.fromEntries(NER_LABELS.map((t) => [t, prf(r.byType[t])])),
  };
}

if (require.main === module) {
  const file = process.argv[2];
  if (!file) {
    console.error('usage: npm run -s ner:eval -- <annotated file>');
    process.exit(1);
  }
  try {
    process.stdout.write(JSON.stringify(evaluateFile(file)) + '\n');
  } catch (e) {
    console.error((e as Error).message);
    process.exit(1);
  }
}
