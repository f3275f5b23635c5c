import type { AliasMemory, ExtractedArticle } from '../../src/model/article';
import { createExtractor } from '../../src/import/extract';
import { learnAliases, resolveArticle } from '../../src/import/resolve';
import { entityKey } from '../../src/graph/keys';
import { article, goldArticle } from './helpers';

const extractor = createExtractor();
const extracted = (a: ReturnType<typeof article>): ExtractedArticle => ({ ...a, ...extractor.extract(a) });

describe('learnAliases', () => {
  const seed = extracted(goldArticle('1042757'));
  const learned = learnAliases(seed);

  it('learns bracketed and profile-link English names and full transliterated names', () => {
    expect(learned).toContainEqual({ kind: 'Person', name: '白明', aliases: ['Jude Blanchette'] });
    expect(learned).toContainEqual(
      expect.objectContaining({ kind: 'Person', name: '阿莉恰·巴胡尔斯卡', aliases: ['Alicja Bachulska'] }),
    );
    expect(learned.map((e) => e.name)).toContain('迈克尔·舒曼');
  });

  it('does not learn names that are not shaped like names', () => {
    const a = extracted(article(['会议很成功。']));
    a.persons = [
      { name: '案馆', aliases: ['Internet Archive'], mentions: 1 },
      { name: '郦英杰', aliases: ['Brent Christensen'], mentions: 1 },
    ];
    a.organizations = [{ name: '出版社', aliases: ['Doubleday'], mentions: 1 }];
    expect(learnAliases(a)).toEqual([{ kind: 'Person', name: '郦英杰', aliases: ['Brent Christensen'] }]);
  });

  it('never learns a bare surname', () => {
    const aliases = learned.flatMap((e) => e.aliases);
    expect(aliases).not.toContain('巴胡尔斯卡');
    expect(aliases).not.toContain('库尔特');
  });
});

describe('resolveArticle', () => {
  const memory: AliasMemory = { entries: learnAliases(extracted(goldArticle('1042757'))) };

  it('maps an English name onto the canonical name learned elsewhere', () => {
    const en = extracted(
      article(
        [
          'Jude Blanchette, a scholar at the Center for Strategic and International Studies, said the summit mattered.',
        ],
        {
          language: 'en',
        },
      ),
    );
    expect(en.persons.map((p) => p.name)).toContain('Jude Blanchette');
    const resolved = resolveArticle(en, memory);
    const person = resolved.persons.find((p) => p.name === '白明');
    expect(person?.aliases).toContain('Jude Blanchette');
    expect(resolved.persons.some((p) => p.name === 'Jude Blanchette')).toBe(false);
    expect(resolved.experts.map((e) => e.person)).toContain('白明');
    expect(resolved.affiliations.map((a) => a.person)).toContain('白明');
  });

  it('merges two mentions of one entity and keeps their counts', () => {
    const a = extracted(article(['会议很成功。']));
    a.persons = [
      { name: 'Jude Blanchette', aliases: [], mentions: 2 },
      { name: '白明', aliases: [], mentions: 3 },
    ];
    a.quotes = [{ speaker: 'Jude Blanchette', text: '会议很成功' }];
    const resolved = resolveArticle(a, memory);
    expect(resolved.persons).toEqual([{ name: '白明', aliases: ['Jude Blanchette'], mentions: 5 }]);
    expect(resolved.quotes).toEqual([{ speaker: '白明', text: '会议很成功' }]);
  });

  it('leaves a name alone when memory gives it two owners', () => {
    const ambiguous: AliasMemory = {
      entries: [
        { kind: 'Person', name: '李家超', aliases: ['John Lee'] },
        { kind: 'Person', name: '约翰·李', aliases: ['John Lee'] },
      ],
    };
    const a = extracted(article(['会议很成功。']));
    a.persons = [{ name: 'John Lee', aliases: [], mentions: 1 }];
    expect(resolveArticle(a, ambiguous).persons.map((p) => p.name)).toEqual(['John Lee']);
  });

  it('does not join different people through a surname', () => {
    const withShort: AliasMemory = { entries: [{ kind: 'Person', name: '迈克尔·舒曼', aliases: ['舒曼'] }] };
    const a = extracted(article(['会议很成功。']));
    a.persons = [{ name: '罗伯特·舒曼', aliases: ['舒曼'], mentions: 1 }];
    expect(resolveArticle(a, withShort).persons.map((p) => p.name)).toEqual(['罗伯特·舒曼']);
  });
});

describe('entityKey', () => {
  it('folds dot variants, width, case and book-title marks', () => {
    expect(entityKey('阿莉恰•巴胡尔斯卡')).toBe(entityKey('阿莉恰·巴胡尔斯卡'));
    expect(entityKey('《纽约时报》')).toBe(entityKey('纽约时报'));
    expect(entityKey('ＮＡＴＯ')).toBe(entityKey('nato'));
    expect(entityKey('北约')).not.toBe(entityKey('NATO'));
  });
});
