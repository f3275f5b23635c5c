/**
 * Scores the English tagger on a CoNLL-2003 file (PER/ORG/LOC, MISC ignored), entity-level exact match
 * as conlleval counts it. Prints one JSON object, the shape `ner:eval` prints for every language:
 * `{"file","format","language","sentences","overall":{...},"byType":{"PER":{...},"ORG":{...},"LOC":{...}}}`.
 * `npm run -s ner:eval -- <conll file>` (src/ner/eval.ts) gives the same through its language table;
 * this one is for the trainer and tests.
 */
import type { Prf } from '../evaluate';
import { readConll } from './conll';
import { EnglishTagger } from './tagger';
import { scoreEnglish } from './score';

const round = (x: number): number => Math.round(x * 10000) / 10000;
const prf = (p: Prf) => ({
  precision: round(p.precision),
  recall: round(p.recall),
  f1: round(p.f1),
  gold: p.gold,
  predicted: p.predicted,
  correct: p.correct,
});

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
