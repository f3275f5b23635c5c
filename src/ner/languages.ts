/**
 * Which tagger scores which language: the extension point of `ner:eval`. A language's entry loads
 * its tagger and tags one annotated sentence (its tokens), returning spans over those tokens.
 */
import type { AnnotatedSentence, NerLanguage } from './formats';
import type { Span } from './tags';
import { EnglishTagger } from './en/tagger';
import { ChineseTagger } from './zh/tagger';

export interface SentenceTagger {
  /** Entity spans over `sentence.tokens` (token indices, end exclusive). */
  tag(sentence: AnnotatedSentence): Span[];
}

export const TAGGERS: Partial<Record<NerLanguage, () => SentenceTagger>> = {
  // CoNLL tokens are words: the English tagger tags them as they are.
  en: () => {
    const tagger = EnglishTagger.load();
    return { tag: (sentence) => tagger.spans(sentence.tokens) };
  },
  zh: () => {
    const tagger = ChineseTagger.load();
    return {
      tag(sentence) {
        const text = sentence.tokens.join('');
        const spans = tagger.spans(text);
        if (text.length === sentence.tokens.length) return spans;
        // Characters outside the BMP are two code units: map offsets back to tokens.
        const tokenAt = new Int32Array(text.length + 1);
        let u = 0;
        sentence.tokens.forEach((t, k) => {
          for (let j = 0; j < t.length; j++) tokenAt[u++] = k;
        });
        tokenAt[u] = sentence.tokens.length;
        return spans.map((s) => ({ start: tokenAt[s.start], end: tokenAt[s.end - 1] + 1, type: s.type }));
      },
    };
  },
};
