import { pathToFileURL } from 'node:url';
import fs from 'node:fs';
import path from 'node:path';
import iconv from 'iconv-lite';
import { parseInput } from '../../src/import/parse';

const FIXTURES = path.join(__dirname, '..', 'fixtures', 'parse');
const read = (name: string) => fs.readFileSync(path.join(FIXTURES, name));
const parse = (bytes: Buffer, source = 'input') => parseInput({ source, bytes });

describe('bad inputs give one clear error, never an exception', () => {
  it('empty file', () => {
    expect(parse(Buffer.alloc(0))).toEqual({
      articles: [],
      errors: [{ source: 'input', message: 'empty file' }],
      warnings: [],
    });
    expect(parse(Buffer.from('\ufeff  \n\n')).errors[0].message).toMatch(/^empty file/);
  });

  it('binary file', () => {
    const png = Buffer.concat([
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]),
      Buffer.from(Array.from({ length: 2000 }, (_, i) => (i * 37) % 256)),
    ]);
    const result = parse(png, 'photo.md');
    expect(result.articles).toEqual([]);
    expect(result.errors).toEqual([{ source: 'photo.md', message: expect.stringMatching(/^binary file/) }]);
  });

  it('no URL and no title', () => {
    const result = parse(Buffer.from('<html><body><p>Just a paragraph, nothing else.</p></body></html>'));
    expect(result.articles).toEqual([]);
    expect(result.errors[0].message).toMatch(/no URL and no title/);
  });

  describe('a page with a title but no URL of its own', () => {
    const page = Buffer.from('<html><head><title>Only a title</title></head><body><p>x</p></body></html>');

    it("is imported under its file's URL, with a warning rather than an error", () => {
      const result = parse(page, 'pages/only-title.html');
      expect(result.errors).toEqual([]);
      const expected = pathToFileURL(path.resolve('pages/only-title.html')).href;
      expect(result.articles.map((a) => [a.url, a.title])).toEqual([[expected, 'Only a title']]);
      expect(result.warnings).toEqual([
        { source: 'pages/only-title.html', message: expect.stringMatching(/no article URL.*--url/) },
      ]);
    });

    it('from stdin, under a hash of its content: the same page gets the same identity', () => {
      const first = parse(page, '-').articles[0].url;
      expect(first).toMatch(/^urn:sha256:[0-9a-f]{32}$/);
      expect(parse(Buffer.from(page), '-').articles[0].url).toBe(first);
      expect(parse(Buffer.from(page.toString().replace('<p>x', '<p>y')), '-').articles[0].url).not.toBe(
        first,
      );
    });

    it('under the URL given with --url, with no warning', () => {
      const result = parseInput({ source: 'a.html', bytes: page, url: 'http://Example.com/news/a/?x=1' });
      expect(result.articles[0].url).toBe('https://example.com/news/a');
      expect(result.warnings).toEqual([]);
    });
  });

  it('text that is no known format', () => {
    expect(parse(Buffer.from('just some words\nin a text file\n')).errors[0].message).toMatch(
      /unknown format/,
    );
  });
});

describe('truncated HTML', () => {
  const full = read('1047498.md');

  it('keeps what is recoverable when the header survived', () => {
    // Cut inside the fourth paragraph's markup, mid-way through a multi-byte character.
    const html = full.toString('utf8');
    const cut = Buffer.byteLength(html.slice(0, html.indexOf('中国是朝鲜唯一的主要贸易伙伴') + 5)) + 1;
    const { articles, errors } = parse(full.subarray(0, cut));
    expect(errors).toEqual([]);
    expect(articles[0].url).toBe('https://cn.nytimes.com/asia-pacific/20201201/north-korea-pandemic-china');
    expect(articles[0].title).toBe('疫情进一步冲击对华贸易，朝鲜经济困境加深');
    expect(articles[0].authors).toEqual(['Choe Sang-Hun']);
    expect(articles[0].paragraphs).toHaveLength(3);
    // The half character at the cut is dropped, not decoded as a legacy encoding.
    expect(articles[0].paragraphs[2]).toBe('中国是朝鲜');
  });

  it('fails when the header lost its URL', () => {
    const cut = full.indexOf('(https://cn.nytimes.com') + 20;
    const { articles, errors } = parse(full.subarray(0, cut));
    expect(articles).toEqual([]);
    expect(errors[0].message).toMatch(
      /no article URL found \(title: "疫情进一步冲击对华贸易，朝鲜经济困境加深"\)/,
    );
  });

  it('parses a page cut off in the middle of its body', () => {
    const page =
      '<html><head><meta property="og:url" content="https://example.com/2024/01/02/world/cut.html">' +
      '<title>A Cut Page</title></head><body><article><p>First paragraph.</p><p>Second para';
    const { articles, errors } = parse(Buffer.from(page));
    expect(errors).toEqual([]);
    expect(articles[0]).toMatchObject({
      title: 'A Cut Page',
      paragraphs: ['First paragraph.', 'Second para'],
    });
  });
});

describe('legacy encodings', () => {
  const utf8 = read('1042797.md').toString('utf8');

  it.each(['gbk', 'gb18030'])('decodes a %s file', (encoding) => {
    const { articles, errors } = parse(iconv.encode(utf8, encoding));
    expect(errors).toEqual([]);
    expect(articles[0].title).toBe('云南一家医院发生持刀袭击事件，致至少两死21伤');
    expect(articles[0].paragraphs[0]).toBe(
      '中国当局称，周二在中国一家医院发生的持刀袭击事件造成至少两人死亡，21人受伤。',
    );
    expect(articles[0].authors).toEqual(['John Yoon']);
  });

  it('decodes a Big5 file', () => {
    const traditional = [
      '<!--1715081822000-->',
      '[雲南一家醫院發生持刀襲擊事件，致至少兩死21傷](https://cn.nytimes.com/china/20240507/china-hospital-knife-stabbing-attack/zh-hant/)',
      '------',
      '',
      '<address>JOHN YOON</address><time pudate="2024-05-07 07:31:49">2024年5月7日</time><section>' +
        '<p>中國當局稱，週二在中國一家醫院發生的持刀襲擊事件造成至少兩人死亡，21人受傷。</p>' +
        '<p>雲南省鎮雄縣警方在一份聲明中表示，襲擊事件發生在上午11:30左右。警方還表示，他們已經逮捕了一名男子。</p>' +
        '</section><footer><p>翻譯：紐約時報中文網</p></footer>',
    ].join('\n');
    const bytes = iconv.encode(traditional, 'big5');
    expect(bytes.equals(Buffer.from(traditional))).toBe(false);
    const { articles, errors } = parse(bytes);
    expect(errors).toEqual([]);
    expect(articles[0].title).toBe('雲南一家醫院發生持刀襲擊事件，致至少兩死21傷');
    expect(articles[0].paragraphs[1]).toBe(
      '雲南省鎮雄縣警方在一份聲明中表示，襲擊事件發生在上午11:30左右。警方還表示，他們已經逮捕了一名男子。',
    );
    expect(articles[0].url).toBe(
      'https://cn.nytimes.com/china/20240507/china-hospital-knife-stabbing-attack/zh-hant',
    );
    expect(articles[0].section).toBe('china');
  });

  it('reads Windows line ends and leading blank lines', () => {
    const { articles, errors } = parse(Buffer.from(`\r\n\r\n${utf8.replace(/\n/g, '\r\n')}`));
    expect(errors).toEqual([]);
    expect(articles[0].url).toBe(
      'https://cn.nytimes.com/china/20240507/china-hospital-knife-stabbing-attack',
    );
    expect(articles[0].fetchedAt).toBe(new Date(1715081822000).toISOString());
  });

  it('honours a UTF-8 byte order mark', () => {
    const { articles } = parse(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(utf8)]));
    expect(articles[0].title).toBe('云南一家医院发生持刀袭击事件，致至少两死21伤');
    expect(articles[0].fetchedAt).toBe(new Date(1715081822000).toISOString());
  });
});

describe('hostile HTML', () => {
  const { articles, errors } = parse(read('script-heavy.html'), 'script-heavy.html');
  const a = articles[0];

  it('imports the text and nothing executable', () => {
    expect(errors).toEqual([]);
    expect(a.paragraphs).toEqual([
      'Schools in three counties closed on Friday as a storm dropped a foot of snow.',
      'Officials said roads would be cleared by Saturday.',
      'More in the forecast.',
    ]);
    const everything = JSON.stringify(a);
    expect(everything).not.toMatch(
      /INJECTED|STYLE TEXT|SVG MENU|FORM TEXT|NOSCRIPT|alert|onclick|onerror|javascript:/i,
    );
  });

  it('drops javascript: links and keeps real ones', () => {
    expect(a.links).toEqual([
      {
        url: 'https://news.example.com/2024/02/02/us/winter-forecast.html',
        text: 'the forecast',
        kind: 'article',
      },
    ]);
  });
});

describe('site navigation and invisible characters appended to a seed file', () => {
  const seed = read('1047498.md').toString('utf8').trimEnd();
  const junk =
    '<nav class="site-nav"><ul><li><a href="https://cn.nytimes.com/world/">国际频道导航</a></li><li><a href="https://cn.nytimes.com/china/">中国频道导航</a></li></ul></nav>' +
    '<svg viewBox="0 0 10 10"><title>纽约时报中文网</title></svg>' +
    '<div class="menu"><p>会员登录</p><p><a href="https://cn.nytimes.com/subscribe/">立即订阅</a></p></div>' +
    '<p>\u200b\u200b\ufeff</p>';
  const { articles, errors } = parse(Buffer.from(`${seed}${junk}\u200b\n`));

  it('keeps the junk out of paragraphs and links', () => {
    expect(errors).toEqual([]);
    const a = articles[0];
    expect(a.paragraphs).toHaveLength(7);
    expect(a.paragraphs.join('\n')).not.toMatch(/频道导航|会员登录|立即订阅|纽约时报中文网|[\u200b\ufeff]/);
    expect(a.links.filter((l) => /频道导航|立即订阅/.test(l.text) || /subscribe/.test(l.url))).toEqual([]);
    expect(a.links).toHaveLength(5);
  });
});
