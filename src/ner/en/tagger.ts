/**
 * The English entity tagger: the averaged-perceptron core (../tagger.ts) over the English features,
 * with the model trained on CoNLL-2003 English train (`model.bin.gz`, rebuilt by `npm run train:ner:en`).
 */
import path from 'node:path';
import { FeatureSeqBuilder } from '../sequence';
import { Tagger } from '../tagger';
import type { Span } from '../tags';
import { EN_LABELS } from './conll';
import { englishFeatures } from './features';

const REPORTED = new Set<string>(EN_LABELS);

export const EN_MODEL_PATH = path.join(__dirname, 'model.bin.gz');

export class EnglishTagger {
  private readonly builder = new FeatureSeqBuilder(128, 40);

  constructor(readonly model: Tagger) {}

  static load(modelPath = EN_MODEL_PATH): EnglishTagger {
    return new EnglishTagger(Tagger.load(modelPath));
  }

  /** PER/ORG/LOC spans over the tokens of one sentence (token indices, end exclusive). */
  spans(tokens: readonly string[]): Span[] {
    if (tokens.length === 0) return [];
    return this.model.spans(englishFeatures(tokens, this.builder)).filter((s) => REPORTED.has(s.type));
  }
}

let shared: EnglishTagger | null = null;

/** One tagger per process (the model is read once). */
export function englishTagger(): EnglishTagger {
  return (shared ??= EnglishTagger.load());
}
