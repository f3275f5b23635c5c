import fs from 'node:fs';
import path from 'node:path';
import { parseInput } from '../../src/import/parse';

const FIXTURES = path.join(__dirname, '..', 'fixtures', 'parse');
const parseFixture = (name: string) => {
  const source = path.join(FIXTURES, name);
  return parseInput({ source, bytes: fs.readFileSync(source) });
};

describe('English HTML page with JSON-LD NewsArticle', () => {
  const { articles, errors } = parseFixture('english-article.html');
  const a = articles[0];

  it('reads metadata from JSON-LD', () => {
    expect(errors).toEqual([]);
    expect(articles).toHaveLength(1);
    expect(a.url).toBe('https://www.example-news.com/2024/05/17/business/ports-summer-delays.html');
    expect(a.title).toBe('Ports Brace for a Long Summer of Delays');
    expect(a.publishedAt).toBe('2024-05-17T14:05:00-04:00');
    expect(a.language).toBe('en');
    expect(a.section).toBe('business');
    expect(a.authors).toEqual(['Jane Harper', "Tom O'Neill"]);
    expect(a.contributors).toEqual(['Keith Bradsher']);
  });

  it('reads the body without navigation, header, scripts or credits', () => {
    expect(a.paragraphs).toEqual([
      'Shipping companies are warning of a long summer of delays as container volumes climb faster than ports can handle them.',
      '“We are seeing the same bottlenecks as in 2021,” said Maria Lopez, an analyst at the Brookings Institution.',
      'The backlog follows the closing of the Port of Baltimore and new tariff rules.',
      'Click to subscribe Freight rates have nearly doubled since March.',
    ]);
    expect(a.wordCount).toBe(62);
    expect(a.images).toEqual([
      {
        url: 'https://static.example-news.com/images/2024/05/17/ports-1.jpg',
        caption: 'Container ships waiting off the coast of Long Beach, Calif.',
        credit: 'Mario Tama/Getty Images',
        photographer: 'Mario Tama',
        agency: 'Getty Images',
      },
    ]);
  });

  it('classifies links and drops javascript: and navigation links', () => {
    expect(a.links).toEqual([
      { url: 'https://www.brookings.edu/people/maria-lopez', text: 'Brookings Institution', kind: 'profile' },
      {
        url: 'https://www.example-news.com/2024/04/02/business/baltimore-bridge-port.html',
        text: 'the closing of the Port of Baltimore',
        kind: 'article',
      },
      { url: 'https://www.federalregister.gov/documents/tariffs', text: 'tariff rules', kind: 'external' },
    ]);
  });
});

describe('RSS 2.0 feed with one broken item', () => {
  const { articles, errors } = parseFixture('feed-rss.xml');
  const source = path.join(FIXTURES, 'feed-rss.xml');

  it('imports the good items and reports the broken one by position', () => {
    expect(articles.map((a) => a.source)).toEqual([`${source}#item-1`, `${source}#item-3`]);
    expect(errors).toEqual([
      { source: `${source}#item-2`, message: expect.stringMatching(/malformed feed item.*titl/) },
    ]);
  });

  it('reads full text from content:encoded and from escaped description', () => {
    const [rhine, heat] = articles;
    expect(rhine).toMatchObject({
      url: 'https://www.example-news.com/2024/08/12/world/europe/rhine-drought-barges.html',
      title: 'Drought Shrinks the Rhine, Stranding Barges',
      publishedAt: '2024-08-12T09:30:00+00:00',
      language: 'en',
      section: 'world',
      authors: ['Melissa Eddy'],
      contributors: ['Christopher F. Schuetze'],
    });
    expect(rhine.paragraphs).toHaveLength(2);
    expect(heat).toMatchObject({
      url: 'https://www.example-news.com/2024/08/11/world/europe/heat-wave-power-grid.html',
      authors: ['Liz Alderman'],
      publishedAt: '2024-08-11T18:00:00+00:00',
      language: 'en',
      paragraphs: [
        'Electricity prices spiked across southern Europe as air-conditioning demand hit records.',
        'Grid operators asked factories to cut use during the afternoon peak.',
      ],
    });
  });
});

describe('Atom feed', () => {
  const { articles, errors } = parseFixture('feed-atom.xml');

  it('reads entries in both languages', () => {
    expect(errors).toEqual([]);
    expect(articles.map((a) => [a.url, a.title, a.language, a.publishedAt, a.authors])).toEqual([
      [
        'https://tech.example.org/2024/06/01/chip-plants',
        'Chip Makers Race to Build & Expand Plants',
        'en',
        '2024-06-01T08:00:00+02:00',
        ['Don Clark'],
      ],
      [
        'https://cn.example.org/business/20240601/china-chips',
        '中国芯片企业加速扩产',
        'zh',
        '2024-06-01T16:00:00+08:00',
        [],
      ],
    ]);
  });

  it('reports a truncated last entry without losing the others', () => {
    const xml = fs.readFileSync(path.join(FIXTURES, 'feed-atom.xml'), 'utf8');
    const cut = xml.slice(0, xml.lastIndexOf('<content'));
    const result = parseInput({ source: 'atom.xml', bytes: Buffer.from(cut) });
    expect(result.articles.map((a) => a.source)).toEqual(['atom.xml#item-1']);
    expect(result.errors).toEqual([
      { source: 'atom.xml#item-2', message: 'feed entry is truncated (no closing </entry>)' },
    ]);
  });
});
