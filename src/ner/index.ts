/**
 * The sequence tagger (language-agnostic core). Usage:
 *
 * ```ts
 * const b = new FeatureSeqBuilder();
 * b.reset(); for (const item of items) { b.add(hash1(TEMPLATE, code)); ...; b.endItem(); }
 * const tagger = trainTagger([{ features: b.copy(), tags }], { labels: ['PER', 'ORG', 'LOC'] });
 * tagger.save('model.bin.gz'); Tagger.load('model.bin.gz').spans(b.build());
 * ```
 *
 * Per-language features and data readers live beside it (src/ner/zh/, ...).
 */
export { hash1, hash2, hash3, hashEnd, hashMix, hashStart, hashString } from './hash';
export { type FeatureSeq, FeatureSeqBuilder, featureSeqOf } from './sequence';
export { type Span, spansOfTags, TagSet } from './tags';
export { transitionMatrix, viterbi, ViterbiScratch } from './decode';
export { Tagger, type TaggerData } from './tagger';
export { seededRandom, trainTagger, type TrainingExample, type TrainOptions } from './train';
export { EntityScorer, type Prf } from './evaluate';
