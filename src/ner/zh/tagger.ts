/**
 * The Chinese entity tagger: {@link ChineseFeatures} + the trained model committed beside this
 * file (`model.bin.gz`, rebuilt by `npm run train:ner`).
 */
import path from 'node:path';
import type { Resources, Trie } from '../../import/extract/gazetteer';
import { FeatureSeqBuilder } from '../sequence';
import { Tagger } from '../tagger';
import type { Span } from '../tags';
import { ChineseFeatures, type Tokens } from './features';

export const ZH_MODEL_PATH = path.join(__dirname, 'model.bin.gz');

export class ChineseTagger {
  private readonly builder = new FeatureSeqBuilder(512, 32);

  constructor(
    readonly model: Tagger,
    readonly features: ChineseFeatures,
  ) {}

  static load(modelPath = ZH_MODEL_PATH, res?: Resources): ChineseTagger {
    return new ChineseTagger(Tagger.load(modelPath), new ChineseFeatures(res));
  }

  /** Entity spans (UTF-16 offsets, types PER/ORG/LOC) of one sentence or paragraph. */
  spans(text: string, tokens?: Tokens, gazetteer?: Trie): Span[] {
    if (!text) return [];
    return this.model.spans(this.features.extract(text, this.builder, tokens, gazetteer));
  }
}
