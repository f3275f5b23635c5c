import type { Extraction, NamedEntity } from '../../src/model/article';
import { createExtractor } from '../../src/import/extract';
import { article, goldArticle } from './helpers';

const extractor = createExtractor();

/** The entity known by `name` as its name or one of its aliases. */
function find(list: NamedEntity[], name: string): NamedEntity | undefined {
  return list.find((e) => e.name === name || e.aliases.includes(name));
}

const allNames = (x: Extraction): string[] =>
  [...x.persons, ...x.organizations, ...x.places].flatMap((e) => [e.name, ...e.aliases]);

describe('the seed article', () => {
  const seed = goldArticle('1042757');
  const x = extractor.extract(seed);

  it('finds the four analysts as experts with their organizations', () => {
    const byPerson = new Map(x.experts.map((e) => [e.person, e]));
    expect(byPerson.get('阿莉恰·巴胡尔斯卡')).toMatchObject({
      organization: '欧洲外交关系委员会',
      role: '中国外交政策专家',
    });
    expect(byPerson.get('白明')).toMatchObject({ organization: '战略与国际研究中心', role: '中国问题专家' });
    expect(byPerson.get('迈克尔·舒曼')).toMatchObject({
      organization: '大西洋理事会',
      role: '非常驻高级研究员',
    });
    expect(byPerson.get('娜塔莎·库尔特')).toMatchObject({ organization: '伦敦国王学院战争研究系' });
    expect(byPerson.get('白明')!.quote).toMatch(/^随着与美国的地缘政治竞争/);
    // Officeholders speak in office, not as analysts.
    expect(byPerson.has('克里斯特松')).toBe(false);
    expect(byPerson.has('肖尔茨')).toBe(false);
  });

  it('keeps English names from brackets and profile links as aliases', () => {
    expect(find(x.persons, '白明')!.aliases).toContain('Jude Blanchette');
    expect(find(x.persons, '阿莉恰·巴胡尔斯卡')!.aliases).toContain('Alicja Bachulska');
  });

  it('resolves surname-only mentions and pronoun speakers to the full name', () => {
    expect(find(x.persons, '库尔特')?.name).toBe('娜塔莎·库尔特');
    expect(find(x.persons, '巴胡尔斯卡')?.name).toBe('阿莉恰·巴胡尔斯卡');
    expect(x.persons.some((p) => p.name === '舒曼' || p.name === '库尔特')).toBe(false);
    const schuman = x.quotes.filter((q) => q.speaker === '迈克尔·舒曼').map((q) => q.text);
    expect(schuman.some((t) => t.startsWith('问题是，习近平正在'))).toBe(true);
    expect(x.quotes.some((q) => q.speaker === '习近平' && q.text.startsWith('问题是'))).toBe(false);
  });

  it('includes bylines, contributors, photographers and agencies', () => {
    expect(find(x.persons, 'David Pierson')).toBeDefined();
    expect(find(x.persons, 'Olivia Wang')).toBeDefined();
    expect(find(x.persons, 'Mikhail Metzel')).toBeDefined();
    expect(find(x.organizations, 'Sputnik')).toBeDefined();
  });

  it('ties offices to places', () => {
    expect(x.affiliations).toContainEqual({
      person: '肖尔茨',
      organization: '德国',
      role: '总理',
      organizationIsPlace: true,
    });
    expect(x.affiliations).toContainEqual(
      expect.objectContaining({ person: '克里斯特松', organization: '瑞典', organizationIsPlace: true }),
    );
  });

  it('rejects generic words and the generic 中国银行', () => {
    const names = allNames(x);
    for (const generic of ['中国银行', '西方', '专家', '分析人士']) expect(names).not.toContain(generic);
    expect(find(x.organizations, '北大西洋公约组织')!.aliases).toEqual(
      expect.arrayContaining(['北约', 'NATO']),
    );
  });

  it('weights topics including the section and the Ukraine war', () => {
    const topics = x.topics.map((t) => t.name);
    expect(topics).toContain('world');
    expect(topics).toEqual(expect.arrayContaining(['乌克兰战争', '制裁']));
    expect(topics.length).toBeGreaterThanOrEqual(5);
    expect(topics.length).toBeLessThanOrEqual(10);
    expect(x.topics.every((t) => t.weight > 0)).toBe(true);
  });
});

describe('unseen sentences', () => {
  it('recognises names the probe missed', () => {
    const x = extractor.extract(
      article([
        '欧盟委员会主席乌尔苏拉·冯德莱恩周二在布鲁塞尔说，欧洲必须减少对中国的依赖。',
        '清华大学国际关系研究院院长阎学通说，“中美关系正在进入一个新的阶段。”',
        '法国总统马克龙表示，他将在首尔与韩国领导人会面。',
        '据路透社报道，“谈判已经陷入僵局。”',
      ]),
    );
    expect(find(x.persons, '乌尔苏拉·冯德莱恩')).toBeDefined();
    expect(find(x.persons, '阎学通')).toBeDefined();
    expect(find(x.persons, '马克龙')).toBeDefined();
    expect(find(x.places, '首尔')).toBeDefined();
    expect(find(x.organizations, '路透社')).toBeDefined();
    expect(x.quotes).toContainEqual({ speaker: '路透社', text: '谈判已经陷入僵局。' });
    expect(x.affiliations).toContainEqual(
      expect.objectContaining({
        person: '马克龙',
        organization: '法国',
        role: '总统',
        organizationIsPlace: true,
      }),
    );
    expect(x.experts.map((e) => e.person)).toContain('阎学通');
    expect(x.experts.map((e) => e.person)).not.toContain('马克龙');
  });

  it('reads transliterated names with every character of the table', () => {
    const x = extractor.extract(article(['德国外交官汉斯·冯克莱斯特和约翰·穆勒纳尔周三抵达北京。']));
    expect(x.persons.map((p) => p.name)).toEqual(
      expect.arrayContaining(['汉斯·冯克莱斯特', '约翰·穆勒纳尔']),
    );
  });

  it('does not merge two people who share a surname', () => {
    const x = extractor.extract(
      article([
        '布鲁金斯学会的研究员罗伯特·舒曼和大西洋理事会的高级研究员迈克尔·舒曼都出席了会议。',
        '“这是一次重要的会议，”舒曼说。',
      ]),
    );
    const robert = find(x.persons, '罗伯特·舒曼')!;
    const michael = find(x.persons, '迈克尔·舒曼')!;
    expect(robert).toBeDefined();
    expect(michael).toBeDefined();
    expect(robert).not.toBe(michael);
    expect(robert.aliases).not.toContain('舒曼');
    expect(michael.aliases).not.toContain('舒曼');
    expect(find(x.persons, '舒曼')).toBeUndefined();
    expect(x.affiliations).toContainEqual(
      expect.objectContaining({ person: '迈克尔·舒曼', organization: '大西洋理事会', role: '高级研究员' }),
    );
    expect(x.affiliations).toContainEqual(
      expect.objectContaining({ person: '罗伯特·舒曼', organization: '布鲁金斯学会' }),
    );
  });

  it('counts a surname-only mention under the one person it can mean', () => {
    const x = extractor.extract(
      article([
        '大西洋理事会的高级研究员迈克尔·舒曼写道，贸易战不会结束。',
        '“这笔买卖并不划算，”舒曼补充道。',
      ]),
    );
    const michael = find(x.persons, '迈克尔·舒曼')!;
    expect(michael.mentions).toBe(2);
    expect(x.quotes).toEqual([{ speaker: '迈克尔·舒曼', text: '这笔买卖并不划算' }]);
  });

  it('resolves 他 to the last named person, not to a possessor', () => {
    const x = extractor.extract(
      article([
        '卡内基俄罗斯欧亚中心的中国问题专家亚历山大·加布耶夫说，代表团包括普京的高级官员。',
        '“就像一座冰山，”他说。',
      ]),
    );
    expect(x.quotes).toEqual([{ speaker: '亚历山大·加布耶夫', text: '就像一座冰山' }]);
  });

  it('does not take generic words or class nouns for entities', () => {
    const x = extractor.extract(
      article([
        '西方专家和分析人士认为，美国对帮助俄罗斯战争努力的中国银行实施制裁，许多中国公司和私人保安公司受到影响。',
      ]),
    );
    expect(x.persons).toEqual([]);
    expect(x.organizations).toEqual([]);
    expect(x.places.map((p) => p.name).sort()).toEqual(['中国', '俄罗斯', '美国'].sort());
  });

  it('does not take scare quotes for quotes', () => {
    const x = extractor.extract(article(['对习近平和普京来说，最重要的是他们所谓的“国际关系民主化”。']));
    expect(x.quotes).toEqual([]);
  });
});

describe('English articles', () => {
  it('finds persons, affiliations, experts and quotes', () => {
    const x = extractor.extract(
      article(
        [
          'Bonnie Glaser, a fellow at the German Marshall Fund, said Beijing was testing how far it could go.',
          '“China wants to show it can stand up to Washington,” Glaser said.',
          'President Biden met President Xi Jinping in San Francisco, according to the White House.',
        ],
        { language: 'en', title: 'Xi and Biden meet' },
      ),
    );
    expect(find(x.persons, 'Bonnie Glaser')).toBeDefined();
    expect(
      find(x.organizations, 'German Marshall Fund') ?? find(x.organizations, '德国马歇尔基金会'),
    ).toBeDefined();
    expect(x.affiliations).toContainEqual(
      expect.objectContaining({ person: 'Bonnie Glaser', role: 'fellow' }),
    );
    expect(x.experts.map((e) => e.person)).toContain('Bonnie Glaser');
    expect(x.quotes.find((q) => q.speaker === 'Bonnie Glaser')?.text).toMatch(/^China wants to show/);
    expect(find(x.persons, 'Glaser')?.name).toBe('Bonnie Glaser');
  });

  it('keeps titles, datelines and possessives out of names, and speakers on quotes across paragraphs', () => {
    const x = extractor.extract(
      article(
        [
          'CAIRO — Interior Minister Najem Gharsalli said the attackers had entered Tunisia’s Bardo National Museum on Wednesday.',
          '“We will not be intimidated by terrorists,” Mr. Gharsalli said. “This country will stand together.',
          '“The security forces are ready,” he added.',
          'Lotfi Azzouz, the country director of Amnesty International, said the government must protect civilians.',
          '“There is a consensus here,” Azzouz said.',
        ],
        { language: 'en', title: 'Gunmen attack museum' },
      ),
    );
    const persons = x.persons.map((p) => p.name);
    expect(persons).toEqual(expect.arrayContaining(['Najem Gharsalli', 'Lotfi Azzouz']));
    expect(persons.filter((p) => /Minister|Mr\.|Gunmen/.test(p))).toEqual([]);
    expect(x.places.map((p) => p.name)).toEqual(expect.arrayContaining(['Cairo', 'Tunisia']));
    expect(x.organizations.map((o) => o.name)).toEqual(
      expect.arrayContaining(['Amnesty International', 'Bardo National Museum']),
    );
    expect(x.affiliations).toContainEqual(
      expect.objectContaining({ person: 'Lotfi Azzouz', organization: 'Amnesty International' }),
    );
    const said = (who: string) => x.quotes.filter((q) => q.speaker === who).map((q) => q.text);
    expect(said('Najem Gharsalli')).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^We will not be intimidated/),
        expect.stringMatching(/^The security forces are ready/),
      ]),
    );
    expect(said('Lotfi Azzouz')).toEqual([expect.stringMatching(/^There is a consensus here/)]);
    expect(x.experts.map((e) => [e.person, e.organization])).toContainEqual([
      'Lotfi Azzouz',
      'Amnesty International',
    ]);
  });
});

describe('alias memory', () => {
  it('recognises a name learned in another article', () => {
    const text = ['葛来仪认为，北京正在试探华盛顿的底线。'];
    // The tagger finds the unanchored name on its own; only the memory knows its English alias.
    expect(find(createExtractor().extract(article(text)).persons, '葛来仪')?.aliases ?? []).not.toContain(
      'Bonnie Glaser',
    );
    const memory = { entries: [{ kind: 'Person' as const, name: '葛来仪', aliases: ['Bonnie Glaser'] }] };
    const learned = createExtractor({ memory }).extract(article(text));
    expect(find(learned.persons, '葛来仪')?.aliases).toContain('Bonnie Glaser');
  });

  it('picks up entries appended after the extractor was created', () => {
    const memory = { entries: [] as { kind: 'Person'; name: string; aliases: string[] }[] };
    const ex = createExtractor({ memory });
    const text = ['葛来仪认为，北京正在试探华盛顿的底线。'];
    expect(find(ex.extract(article(text)).persons, '葛来仪')?.aliases ?? []).not.toContain('Bonnie Glaser');
    memory.entries.push({ kind: 'Person', name: '葛来仪', aliases: ['Bonnie Glaser'] });
    expect(find(ex.extract(article(text)).persons, '葛来仪')?.aliases).toContain('Bonnie Glaser');
  });
});

describe('topics', () => {
  it('do not depend on what was extracted before and normalise synonyms', () => {
    const a = article(['俄乌战争进入第三年，西方对俄罗斯的制裁不断加码。俄乌战争改变了欧洲。'], {
      section: 'world',
    });
    const fresh = createExtractor().extract(a).topics;
    const ex = createExtractor();
    ex.extract(goldArticle('1042722'));
    expect(ex.extract(a).topics).toEqual(fresh);
    const names = fresh.map((t) => t.name);
    expect(names).toContain('乌克兰战争');
    expect(names).not.toContain('俄乌战争');
    expect(names).toContain('制裁');
  });
});

describe('odd input', () => {
  it('copes with empty, emoji, bracket-only and very long paragraphs', () => {
    const x = extractor.extract(
      article([
        '',
        '（）“”《》',
        '😀习近平😀说：“',
        '(Jude Blanchette)',
        '·'.repeat(50),
        '普京'.repeat(5000),
      ]),
    );
    expect(find(x.persons, '习近平')).toBeDefined();
    expect(find(x.persons, '普京')!.mentions).toBe(5000);
  });
});
