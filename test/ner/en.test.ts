import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { parseConll, nerDataDir } from '../../src/ner/en/conll';
import { evaluateConll } from '../../src/ner/en/eval';
import { englishFeatures } from '../../src/ner/en/features';
import { EnglishTagger, englishTagger } from '../../src/ner/en/tagger';
import { FeatureSeqBuilder, TagSet, trainTagger } from '../../src/ner';

const SAMPLE = `-DOCSTART- -X- O O

EU NNP I-NP I-ORG
rejects VBZ I-VP O
German JJ I-NP I-MISC
call NN I-NP O
. . O O

Peter NNP I-NP I-PER
Blackburn NNP I-NP I-PER
met VBD I-VP O
Jo NNP I-NP I-PER
in IN I-PP O
BRUSSELS NNP I-NP I-LOC
and CC O O
Bonn NNP I-NP B-LOC
`;

describe('CoNLL-2003 reader', () => {
  it('reads IOB1 into PER/ORG/LOC spans, ignoring MISC and -DOCSTART-', () => {
    const sentences = parseConll(SAMPLE);
    expect(sentences.map((s) => s.tokens.length)).toEqual([5, 8]);
    expect(sentences[0].spans).toEqual([{ start: 0, end: 1, type: 'ORG' }]);
    // Peter Blackburn and Jo are two people (an I- after O starts one); BRUSSELS and Bonn two places.
    expect(sentences[1].spans).toEqual([
      { start: 0, end: 2, type: 'PER' },
      { start: 3, end: 4, type: 'PER' },
      { start: 5, end: 6, type: 'LOC' },
      { start: 7, end: 8, type: 'LOC' },
    ]);
  });

  it('names the file and line of a line that is not CoNLL', () => {
    expect(() => parseConll('EU NNP I-NP I-ORG\nthis is not conll\n', 'x.txt')).toThrow(
      /x\.txt:2: not a CoNLL line/,
    );
  });
});

describe('English tagger', () => {
  const tagger = englishTagger();
  const typed = (tokens: string[]) =>
    tagger.spans(tokens).map((s) => `${s.type} ${tokens.slice(s.start, s.end).join(' ')}`);

  it('finds people, organizations and places in a sentence it never saw', () => {
    const tokens =
      'Angela Merkel met officials of the European Commission in Brussels on Tuesday , a spokesman for the German Foreign Ministry said .'.split(
        ' ',
      );
    expect(typed(tokens)).toEqual(
      expect.arrayContaining(['PER Angela Merkel', 'ORG European Commission', 'LOC Brussels']),
    );
  });

  it('keeps titles out of names: "President Barack Obama" is the person Barack Obama', () => {
    expect(typed('President Barack Obama spoke in Chicago .'.split(' '))).toEqual([
      'PER Barack Obama',
      'LOC Chicago',
    ]);
  });

  it('scores F1 >= 0.90 on the CoNLL-2003 English dev split it was not trained on', () => {
    const report = evaluateConll(path.join(nerDataDir(), 'conll2003-en-dev.txt'), tagger) as {
      overall: { f1: number };
      byType: Record<string, { f1: number }>;
      sentences: number;
    };
    expect(report.sentences).toBe(3250);
    expect(report.overall.f1).toBeGreaterThanOrEqual(0.9);
    for (const t of ['PER', 'ORG', 'LOC']) expect(report.byType[t].f1).toBeGreaterThan(0.84);
  });

  it('training is deterministic: the same data gives the same model bytes', () => {
    const sentences = parseConll(SAMPLE).concat(parseConll(SAMPLE));
    const tagSet = new TagSet(['PER', 'ORG', 'LOC']);
    const b = new FeatureSeqBuilder();
    const examples = sentences.map((s) => {
      englishFeatures(s.tokens, b);
      return { features: b.copy(), tags: tagSet.fromSpans(s.spans, s.tokens.length) };
    });
    const train = () => trainTagger(examples, { labels: ['PER', 'ORG', 'LOC'], epochs: 3 }).toBuffer();
    expect(train().equals(train())).toBe(true);
    const small = new EnglishTagger(trainTagger(examples, { labels: ['PER', 'ORG', 'LOC'], epochs: 5 }));
    expect(small.spans(sentences[1].tokens)).toEqual(sentences[1].spans);
  });

  it('npm run -s ner:eval scores a CoNLL file with the English tagger, in the shared JSON shape', () => {
    const root = path.join(__dirname, '..', '..');
    const file = path.join(root, 'test', 'fixtures', 'ner', 'conll.txt');
    const out = execFileSync('npm', ['run', '-s', 'ner:eval', '--', file], { cwd: root, encoding: 'utf8' });
    const r = JSON.parse(out) as { language: string; format: string; byType: Record<string, unknown> };
    expect(r.language).toBe('en');
    expect(r.format).toBe('conll');
    expect(Object.keys(r.byType).sort()).toEqual(['LOC', 'ORG', 'PER']);
  });
});
