import { canonicalUrl } from '../../src/graph/url';
import {
  classifyLink,
  sectionFromUrl,
  unwrapImageProxy,
  unwrapLinkWrapper,
} from '../../src/import/parse/url';

describe('canonicalUrl', () => {
  it.each([
    [
      'https://cn.nytimes.com/world/20240520/putin-xi-china-russia/',
      'https://cn.nytimes.com/world/20240520/putin-xi-china-russia',
    ],
    [
      'http://WWW.NYTimes.com/2020/11/30/world/asia/x.html?smid=url-share#top',
      'https://www.nytimes.com/2020/11/30/world/asia/x.html',
    ],
    ['https://cn.nytimes.com', 'https://cn.nytimes.com/'],
    ['https://cn.nytimes.com/?page=2', 'https://cn.nytimes.com/'],
    ['//static01.nyt.com/images/a.jpg', 'https://static01.nyt.com/images/a.jpg'],
    ['https://user:pw@example.com:443/a//b/', 'https://example.com/a/b'],
    ['https://example.com:8080/a', 'https://example.com:8080/a'],
  ])('%s -> %s', (raw, expected) => {
    expect(canonicalUrl(raw)).toBe(expected);
  });

  it('resolves relative URLs against the base and refuses them without one', () => {
    expect(canonicalUrl('/china/20240101/x/', 'https://cn.nytimes.com/world/20240520/y/')).toBe(
      'https://cn.nytimes.com/china/20240101/x',
    );
    expect(canonicalUrl('/china/20240101/x/')).toBeNull();
  });

  it.each([
    'javascript:alert(1)',
    'JavaScript:void(0)',
    'mailto:a@b.c',
    'data:text/html,<b>x</b>',
    'ftp://x.org/a',
    '',
  ])('drops non-web URL %p', (raw) => {
    expect(canonicalUrl(raw)).toBeNull();
  });
});

describe('unwrapImageProxy', () => {
  it('unwraps weserv URLs with and without a slash before the query', () => {
    expect(unwrapImageProxy('https://images.weserv.nl/?url=static01.nyt.com/images/2024/05/18/a.jpg')).toBe(
      'https://static01.nyt.com/images/2024/05/18/a.jpg',
    );
    expect(
      unwrapImageProxy('https://images.weserv.nl?url=static01.nyt.com/images/2020/11/30/b.jpg&w=600'),
    ).toBe('https://static01.nyt.com/images/2020/11/30/b.jpg');
    expect(unwrapImageProxy('https://wsrv.nl/?url=ssl:example.org/c.png')).toBe('https://example.org/c.png');
  });

  it('leaves other URLs alone', () => {
    expect(unwrapImageProxy('https://static01.nyt.com/images/a.jpg?quality=75')).toBe(
      'https://static01.nyt.com/images/a.jpg?quality=75',
    );
    expect(unwrapImageProxy('https://images.weserv.nl/')).toBe('https://images.weserv.nl/');
  });
});

describe('unwrapLinkWrapper', () => {
  it('recovers the target of a Check Point protected link', () => {
    const wrapped =
      'https://protect.checkpoint.com/v2/___https:/www.reuters.com/world/russias-dependence-2024-02-12/___.YzJ1OmNh';
    expect(unwrapLinkWrapper(wrapped)).toBe('https://www.reuters.com/world/russias-dependence-2024-02-12/');
  });
});

describe('classifyLink', () => {
  it.each([
    [
      'https://www.nytimes.com/2024/05/18/world/asia/putin-xi-china-russia.html',
      '点击查看本文英文版。',
      'translation',
    ],
    ['https://www.nytimes.com/2024/05/18/world/asia/x.html', 'Read in English', 'translation'],
    [
      'https://www.nytimes.com/2024/05/18/world/asia/x.html',
      'click here for the English version',
      'translation',
    ],
    ['https://ecfr.eu/profile/alicja-bachulska', '阿莉恰·巴胡尔斯卡', 'profile'],
    ['https://www.csis.org/people/jude-blanchette', '白明', 'profile'],
    ['https://www.nytimes.com/by/david-pierson', '点击查看更多关于他的信息。', 'profile'],
    ['https://cn.nytimes.com/author/chris-buckley', '储百亮', 'profile'],
    ['https://www.brookings.edu/experts/ryan-hass', 'Ryan Hass', 'profile'],
    ['https://www.chathamhouse.org/about-us/our-people/jane-doe', 'Jane Doe', 'profile'],
    ['https://cn.nytimes.com/world/20240507/xi-macron-europe-trade-war', '需要约束俄罗斯', 'article'],
    ['https://www.nytimes.com/2024/05/17/world/asia/putin-xi-china-russia.html', '普京参观', 'article'],
    [
      'https://www.nytimes.com/interactive/2020/11/03/us/elections/results-house.html',
      '全国唯一一个',
      'article',
    ],
    ['https://www.stcn.com/article/detail/1200804.html', '去年', 'article'],
    ['https://www.reuters.com/markets/china-russia-trade-record-high-2024-01-12', 'record', 'article'],
    ['https://www.washingtonpost.com/world/2021/06/22/wuhan-lab-leak', '保密', 'article'],
    ['https://data.worldbank.org/indicator/NY.GDP.MKTP.CD', '25万亿美元', 'external'],
    ['https://twitter.com/nytchinese', '@nytchinese', 'external'],
    ['https://cn.nytimes.com/morning-brief', '这里', 'external'],
    ['https://www.customs.gov.cn/customs/302249/index.html', '海关数据', 'external'],
    ['https://www.nytimes.com/people/topics', 'topics', 'external'],
  ])('%s (%s) is %s', (url, text, kind) => {
    expect(classifyLink(url, text)).toBe(kind);
  });
});

describe('sectionFromUrl', () => {
  it.each([
    ['https://cn.nytimes.com/world/20240520/putin-xi-china-russia', 'world'],
    ['https://www.nytimes.com/2024/05/17/world/asia/putin-xi-china-russia.html', 'world'],
    ['https://www.nytimes.com/live/2020/11/30/world/covid-19-coronavirus/x', 'world'],
    ['https://cn.nytimes.com/asia-pacific/20201201/north-korea-pandemic-china', 'asia-pacific'],
    ['https://example.org/just-a-slug', null],
    ['https://cn.nytimes.com/', null],
  ])('%s -> %s', (url, section) => {
    expect(sectionFromUrl(url)).toBe(section);
  });
});
