/**
 * Scores the English tagger on a CoNLL-2003 file (PER/ORG/LOC, MISC ignored), entity-level exact match
 * as conlleval counts it. Prints one JSON object, the shape `ner:eval` prints for every language:
 * `{"file","format","language","sentences","overall":{...},"byType":{"PER":{...},"ORG":{...},"LOC":{...}}}`.
 * `npm run -s ner:eval -- <conll file>` (src/ner/eval.ts) gives the same through its language table;
 * this one is for the trainer and tests.
 */
import { formatPrf as prf } from '../evaluate';
import { readConll } from './conll';
import { EnglishTagger } from './tagger';
import { scoreEnglish } from './score';

export function evaluateConll(file: string, tagger = EnglishTagger.load()): Record<string, unknown> {
  const sentences = readConll(file);
  const r = scoreEnglish(tagger, sentences);
  return {
    file,
    format: 'conll',
    language: 'en',
    sentences: sentences.length,
    overall: prf(r.overall),
    byType: Object.fromEntries(Object.entries(r.byType).map(([t, p]) => [t, prf(p)])),
  };
}
