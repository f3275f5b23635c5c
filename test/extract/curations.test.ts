import type { ExtractedArticle } from '../../src/model/article';
import { applyCurations, compileCurations, type CurationRule } from '../../src/import/resolve/curations';

const rule = (r: Partial<CurationRule> & Pick<CurationRule, 'action' | 'name'>): CurationRule => ({
  kind: 'Person',
  target: null,
  alias: null,
  articleUrl: null,
  ...r,
});

function article(): ExtractedArticle {
  return {
    source: 'test',
    url: 'https://example.org/a',
    title: 't',
    language: 'zh',
    publishedAt: null,
    section: null,
    paragraphs: [],
    wordCount: 0,
    authors: ['甲作者'],
    contributors: [],
    translators: [],
    images: [],
    links: [],
    persons: [
      { name: '白明', aliases: ['Jude Blanchette'], mentions: 2 },
      { name: '舒曼', aliases: [], mentions: 1 },
      { name: '错人', aliases: [], mentions: 1 },
    ],
    organizations: [{ name: '战略与国际研究中心', aliases: [], mentions: 1 }],
    places: [],
    quotes: [{ speaker: '错人', text: 'q' }],
    affiliations: [{ person: '舒曼', organization: '战略与国际研究中心', role: '研究员' }],
    experts: [
      { person: '错人', role: 'x', organization: null, quote: 'q' },
      { person: '舒曼', role: '研究员', organization: '战略与国际研究中心', quote: null },
    ],
    topics: [],
  };
}

describe('curations in the importer', () => {
  it('follows merges and renames to the end, in the order they were made', () => {
    const c = compileCurations([
      rule({ action: 'MERGE', name: '舒曼', target: '白明' }),
      rule({ action: 'RENAME', name: '白明', target: 'Jude Blanchette (白明)' }),
    ]);
    expect(c.renames.get('Person')!.get('舒曼')).toBe('Jude Blanchette (白明)');
    const out = applyCurations(article(), c);
    const merged = out.persons.find((p) => p.name === 'Jude Blanchette (白明)')!;
    expect(merged.mentions).toBe(3);
    expect(merged.aliases).toEqual(expect.arrayContaining(['白明', '舒曼', 'Jude Blanchette']));
    expect(out.persons.map((p) => p.name)).not.toContain('舒曼');
    expect(out.experts.map((e) => e.person)).toContain('Jude Blanchette (白明)');
    expect(out.affiliations[0].person).toBe('Jude Blanchette (白明)');
  });

  it('drops a split alias and a rejected entity with its quotes and expert statements', () => {
    const c = compileCurations([
      rule({ action: 'SPLIT_ALIAS', name: '白明', alias: 'jude blanchette' }),
      rule({ action: 'REJECT', name: '错人', articleUrl: 'https://example.org/a' }),
    ]);
    const out = applyCurations(article(), c);
    expect(out.persons.find((p) => p.name === '白明')!.aliases).toEqual([]);
    expect(out.persons.map((p) => p.name)).not.toContain('错人');
    expect(out.quotes).toEqual([]);
    expect(out.experts.map((e) => e.person)).toEqual(['舒曼']);
    // Rejected in another article only: kept here.
    const elsewhere = compileCurations([
      rule({ action: 'REJECT', name: '错人', articleUrl: 'https://example.org/b' }),
    ]);
    expect(applyCurations(article(), elsewhere).persons.map((p) => p.name)).toContain('错人');
  });

  it('changes nothing without curations', () => {
    const a = article();
    expect(applyCurations(a, compileCurations([]))).toBe(a);
  });
});
