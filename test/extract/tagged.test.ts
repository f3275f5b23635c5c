import { createExtractor } from '../../src/import/extract';
import { speechWindows, taggerScope } from '../../src/import/extract/tagged';
import { article } from './helpers';

const names = (xs: { name: string }[]): string[] => xs.map((x) => x.name);

describe('the tagger inside the Chinese extractor (NEWSGRAPH_NER=speech)', () => {
  const extractor = createExtractor();
  const saved = process.env.NEWSGRAPH_NER;
  beforeAll(() => {
    process.env.NEWSGRAPH_NER = 'speech';
  });
  afterAll(() => {
    if (saved === undefined) delete process.env.NEWSGRAPH_NER;
    else process.env.NEWSGRAPH_NER = saved;
  });

  it('is off unless NEWSGRAPH_NER asks for it', () => {
    delete process.env.NEWSGRAPH_NER;
    expect(taggerScope()).toBe('off');
    process.env.NEWSGRAPH_NER = 'speech';
    expect(taggerScope()).toBe('speech');
  });

  it('finds native Chinese names with no title or anchor next to them', () => {
    const x = extractor.extract(
      article(['张丽华认为，这项政策短期内很难见效。', '王建国说：“我们还在观察。”']),
    );
    expect(names(x.persons)).toEqual(expect.arrayContaining(['张丽华', '王建国']));
    expect(x.quotes.map((q) => q.speaker)).toContain('王建国');
  });

  it('does not let a name swallow the word after it', () => {
    const x = extractor.extract(article(['刘多和解的条件是什么？刘多认为，谈判还没有开始。']));
    for (const n of names(x.persons)) expect(n).not.toMatch(/^刘多.+/);
  });

  it('leaves rule and dictionary spans as they are (the tagger only fills gaps)', () => {
    const text = ['美国国务院发言人马修·米勒说，北京需要“认真对待”这一问题。'];
    const x = extractor.extract(article(text));
    expect(names(x.persons)).toContain('马修·米勒');
    expect(names(x.persons)).not.toContain('米勒说');
  });

  it('with `speech` reads only the clause before a speech verb, colon or quote', () => {
    const text = '去年的出口增长了百分之五。经济学家李明说，这是第一次。';
    const w = speechWindows(text);
    expect(w).toHaveLength(1);
    expect(text.slice(w[0][0], w[0][2])).toBe('经济学家李明');
    expect(speechWindows('去年的出口增长了百分之五。')).toEqual([]);
  });
});
