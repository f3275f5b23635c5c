import { EntityScorer } from '../evaluate';
import { EN_LABELS, type ConllSentence } from './conll';
import type { EnglishTagger } from './tagger';

/** Entity-level scores of the tagger on annotated sentences (conlleval's exact match). */
export function scoreEnglish(tagger: EnglishTagger, sentences: readonly ConllSentence[]) {
  const scorer = new EntityScorer(EN_LABELS);
  for (const s of sentences) scorer.add(s.spans, tagger.spans(s.tokens));
  return scorer.result();
}
