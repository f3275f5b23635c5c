import fs from 'node:fs';
import path from 'node:path';
import type { ParsedArticle } from '../../src/model/article';
import { parseInput } from '../../src/import/parse';

const FIXTURES = path.join(__dirname, '..', 'fixtures', 'parse');

function parseFixture(name: string): ParsedArticle {
  const source = path.join(FIXTURES, name);
  const result = parseInput({ source, bytes: fs.readFileSync(source) });
  expect(result.errors).toEqual([]);
  expect(result.articles).toHaveLength(1);
  return result.articles[0];
}

function linksOf(article: ParsedArticle, kind: string): string[] {
  return article.links.filter((l) => l.kind === kind).map((l) => l.url);
}

describe('seed file (2024 layout)', () => {
  const a = parseFixture('seed-000_bd3ada4a43040598.txt');

  it('reads the header and byline', () => {
    expect(a.url).toBe('https://cn.nytimes.com/world/20240520/putin-xi-china-russia');
    expect(a.title).toBe('习近平与普京贴面拥抱，无视西方压力坚定与俄罗斯结盟');
    expect(a.publishedAt).toBe('2024-05-20T09:02:29+08:00');
    expect(a.fetchedAt).toBe(new Date(1716169021000).toISOString());
    expect(a.language).toBe('zh');
    expect(a.section).toBe('world');
    expect(a.authors).toEqual(['David Pierson']);
    expect(a.contributors).toEqual(['Olivia Wang']);
    // The only translator credit is the newsroom (翻译：纽约时报中文网), which is not a person.
    expect(a.translators).toEqual([]);
  });

  it('reads figures and inline images with unwrapped URLs', () => {
    expect(a.images).toHaveLength(4);
    expect(a.images[0]).toEqual({
      url: 'https://static01.nyt.com/images/2024/05/18/multimedia/18xi-putin-diplo-01-bpzl/18xi-putin-diplo-01-bpzl-master1050.jpg',
      caption: '俄罗斯官方媒体提供的照片显示，中国领导人习近平和俄罗斯总统普京周四在北京。',
      credit: 'Mikhail Metzel/Sputnik',
      photographer: 'Mikhail Metzel',
      agency: 'Sputnik',
    });
    expect(a.images[1].caption).toBe('周五，乌克兰哈尔科夫遭到打击后的景象。');
  });

  it('keeps paragraphs plain and free of captions and footer credits', () => {
    expect(a.paragraphs).toHaveLength(22);
    expect(a.paragraphs[0]).toBe(
      '在访欧期间，中国领导人习近平被告诫需要约束俄罗斯，回国几天后，他利用与普京的峰会向西方传达了一个令人不安的现实：他对普京的支持仍然坚定不移。',
    );
    const body = a.paragraphs.join('\n');
    expect(body).not.toMatch(/<|>|对本文有报道贡献|翻译：|点击查看|周五，乌克兰哈尔科夫遭到打击后的景象/);
    expect(a.wordCount).toBeGreaterThan(1900);
  });

  it('classifies links', () => {
    expect(linksOf(a, 'profile')).toEqual([
      'https://ecfr.eu/profile/alicja-bachulska',
      'https://www.csis.org/people/jude-blanchette',
      'https://www.nytimes.com/by/david-pierson',
    ]);
    expect(linksOf(a, 'translation')).toEqual([
      'https://www.nytimes.com/2024/05/18/world/asia/putin-xi-china-russia.html',
    ]);
    expect(linksOf(a, 'article')).toContain(
      'https://cn.nytimes.com/world/20240507/xi-macron-europe-trade-war',
    );
    expect(linksOf(a, 'external')).toContain('https://data.worldbank.org/indicator/NY.GDP.MKTP.CD');
    const bank = a.links.filter((l) => l.url === 'https://data.worldbank.org/indicator/NY.GDP.MKTP.CD');
    expect(bank).toEqual([
      { url: 'https://data.worldbank.org/indicator/NY.GDP.MKTP.CD', text: '25万亿美元', kind: 'external' },
    ]);
    expect(a.links.find((l) => l.url.includes('ecfr.eu'))?.text).toBe('阿莉恰·巴胡尔斯卡');
  });
});

describe('1042700 (2024 layout, two authors, "for The New York Times" credit)', () => {
  const a = parseFixture('1042700.md');

  it('reads the fields', () => {
    expect(a.url).toBe('https://cn.nytimes.com/business/20240606/china-real-estate-restrictions');
    expect(a.title).toBe('中国政府拯救楼市的做法惹恼了谁');
    expect(a.publishedAt).toBe('2024-06-06T12:58:10+08:00');
    expect(a.language).toBe('zh');
    expect(a.section).toBe('business');
    expect(a.authors).toEqual(['Daisuke Wakabayashi', 'Claire Fu']);
    expect(a.contributors).toEqual([]);
    expect(a.translators).toEqual([]);
    expect(a.images).toHaveLength(5);
    expect(a.images[0]).toMatchObject({
      caption: '在解决占中国经济四分之一的房地产行业崩溃问题时，政府必须谨慎行事。',
      credit: 'Qilai Shen for The New York Times',
      photographer: 'Qilai Shen',
      agency: 'The New York Times',
    });
    expect(a.paragraphs[0]).toBe(
      '在过去十年的大部分时间里，中国遏制房地产投机的力度越来越大，范围越来越广。',
    );
  });

  it('classifies links', () => {
    expect(a.links.map((l) => `${l.kind} ${l.url}`)).toEqual([
      'article https://www.stcn.com/article/detail/1200804.html',
      'article https://cn.nytimes.com/business/20240524/china-property-crisis',
      'profile https://www.nytimes.com/by/daisuke-wakabayashi',
      'profile https://www.nytimes.com/by/claire-fu',
      'translation https://www.nytimes.com/2024/06/06/business/china-real-estate-restrictions.html',
    ]);
  });
});

describe('1042736 (2024 layout, contributors in two clauses, named translator)', () => {
  const a = parseFixture('1042736.md');

  it('reads the fields', () => {
    expect(a.url).toBe('https://cn.nytimes.com/technology/20240524/nicole-shanahan-rfk-jr-vp');
    expect(a.title).toBe('财富、毒品和性：走上美国政坛的“硅谷公主”的另一面');
    expect(a.publishedAt).toBe('2024-05-24T04:31:31+08:00');
    expect(a.section).toBe('technology');
    expect(a.language).toBe('zh');
    expect(a.authors).toEqual(['Kirsten Grind']);
    expect(a.contributors).toEqual(['Rebecca Davis O’Brien', 'Kitty Bennett']);
    expect(a.translators).toEqual(['晋其角']);
    expect(a.images).toHaveLength(3);
    expect(a.images[0]).toMatchObject({
      credit: 'Jim Wilson/The New York Times',
      photographer: 'Jim Wilson',
    });
    expect(linksOf(a, 'translation')).toEqual([
      'https://www.nytimes.com/2024/05/22/technology/nicole-shanahan-rfk-jr-vp.html',
    ]);
    expect(linksOf(a, 'profile')).toEqual(['https://www.nytimes.com/by/kirsten-grind']);
    expect(linksOf(a, 'article')).toContain(
      'https://www.wsj.com/articles/elon-musk-affair-sergey-brin-wife-divorce-11658674840',
    );
  });
});

describe('1047498 (2020 layout)', () => {
  const a = parseFixture('1047498.md');

  it('reads the <i> byline, <small> caption and last-paragraph credits', () => {
    expect(a.url).toBe('https://cn.nytimes.com/asia-pacific/20201201/north-korea-pandemic-china');
    expect(a.title).toBe('疫情进一步冲击对华贸易，朝鲜经济困境加深');
    expect(a.publishedAt).toBe('2020-12-01T10:28:55+08:00');
    expect(a.section).toBe('asia-pacific');
    expect(a.language).toBe('zh');
    expect(a.authors).toEqual(['Choe Sang-Hun']);
    expect(a.contributors).toEqual([]);
    expect(a.translators).toEqual(['晋其角']);
    expect(a.images).toEqual([
      {
        url: 'https://static01.nyt.com/images/2020/11/30/world/30virus-briefing-north-korea1/merlin_180625527_6d04bcf5-090f-45ae-950f-23ce599541d8-articleLarge.jpg',
        caption: '在朝鲜政府提供的图片中，金正恩周日与政府官员会面。',
        credit: null,
        photographer: null,
        agency: null,
      },
    ]);
    expect(a.paragraphs).toHaveLength(7);
    expect(a.paragraphs[6]).toBe('朝鲜坚称没有录得新冠病毒病例，但外界专家持怀疑态度。');
    expect(a.paragraphs.join('\n')).not.toMatch(
      /CHOE SANG-HUN|2020-12-01|首尔分社社长|翻译|金正恩周日与政府官员会面/,
    );
  });

  it('classifies links, with the English original as translation', () => {
    expect(linksOf(a, 'translation')).toEqual([
      'https://www.nytimes.com/live/2020/11/30/world/covid-19-coronavirus/the-pandemic-has-slashed-north-koreas-already-dwindling-trade-with-china',
    ]);
    expect(linksOf(a, 'article')).toEqual([
      'https://cn.nytimes.com/asia-pacific/20200821/north-korea-economy-coronavirus',
      'https://cn.nytimes.com/asia-pacific/20200706/north-korea-sanctions-coronavirus',
      'https://cn.nytimes.com/asia-pacific/20200401/north-korea-coronavirus',
    ]);
    // The same URL linked twice in the text is kept once, with the first anchor text.
    expect(a.links.find((l) => l.url.endsWith('20200821/north-korea-economy-coronavirus'))?.text).toBe(
      '经济困境正在加深',
    );
    expect(linksOf(a, 'external')).toEqual([
      'https://www.customs.gov.cn/customs/302249/zfxxgk/2799825/302274/302277/302276/3395832/index.html',
    ]);
  });
});

describe('1047510 (2020 layout, two translators)', () => {
  const a = parseFixture('1047510.md');

  it('reads the fields', () => {
    expect(a.url).toBe('https://cn.nytimes.com/usa/20201127/georgia-asian-american-voters');
    expect(a.title).toBe('佐治亚州“翻蓝”背后：亚裔选民的崛起');
    expect(a.publishedAt).toBe('2020-11-27T13:40:08+08:00');
    expect(a.section).toBe('usa');
    expect(a.authors).toEqual(['Sabrina Tavernise']);
    expect(a.translators).toEqual(['杜然', 'Harry Wong']);
    expect(a.images).toHaveLength(4);
    expect(a.images[0]).toEqual({
      url: 'https://static01.nyt.com/images/2020/11/21/us/21GEORGIA-ASIANS04/GEORGIA-ASIANS4-articleLarge.jpg',
      caption: '佐治亚州，民主党活动人士卡姆·阿什林家外的政治标语。',
      credit: null,
      photographer: null,
      agency: null,
    });
    expect(linksOf(a, 'translation')).toEqual([
      'https://www.nytimes.com/2020/11/25/us/georgia-asian-american-voters.html',
    ]);
    expect(linksOf(a, 'article')).toContain(
      'https://www.nytimes.com/interactive/2020/11/03/us/elections/results-house.html',
    );
  });
});

describe('1047497 (2020 layout, contributors reporting from several places)', () => {
  const a = parseFixture('1047497.md');

  it('reads the credits from the last paragraph and leaves the bio out of the body', () => {
    expect(a.authors).toEqual(['Hannah Beech']);
    expect(a.contributors).toEqual(['Chau Doan', 'Elaine Yu', 'Saw Nang']);
    expect(a.translators).toEqual([]);
    expect(a.publishedAt).toBe('2020-12-01T14:35:06+08:00');
    expect(a.paragraphs.join('\n')).not.toMatch(/东南亚分社社长|对本文有报道贡献/);
    expect(linksOf(a, 'translation')).toEqual([
      'https://www.nytimes.com/2020/11/30/world/asia/biden-trump-china-asia.html',
    ]);
  });
});
