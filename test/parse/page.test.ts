import fs from 'node:fs';
import path from 'node:path';
import { parseInput } from '../../src/import/parse';

const FIXTURES = path.join(__dirname, '..', 'fixtures', 'parse');
const parseText = (html: string) => parseInput({ source: 'page.html', bytes: Buffer.from(html) });

describe('cn.nytimes.com article page (Open Graph, no JSON-LD)', () => {
  const source = path.join(FIXTURES, 'cn-nytimes-page.html');
  const { articles, errors } = parseInput({ source, bytes: fs.readFileSync(source) });
  const a = articles[0];

  it('reads metadata from meta tags and the byline, in Beijing time', () => {
    expect(errors).toEqual([]);
    expect(a.url).toBe('https://cn.nytimes.com/world/20240520/putin-xi-china-russia');
    expect(a.title).toBe('习近平与普京贴面拥抱，无视西方压力坚定与俄罗斯结盟');
    expect(a.publishedAt).toBe('2024-05-20T09:02:29+08:00');
    expect(a.section).toBe('world');
    expect(a.language).toBe('zh');
    expect(a.authors).toEqual(['David Pierson']);
    expect(a.contributors).toEqual(['Olivia Wang']);
    expect(a.translators).toEqual(['晋其角']);
  });

  it('reads the body, lead figure and footer links, but not navigation, share or related links', () => {
    expect(a.paragraphs).toHaveLength(2);
    expect(a.images).toEqual([
      {
        url: 'https://static01.nyt.com/images/2024/05/18/multimedia/18xi-putin-diplo-01-bpzl/18xi-putin-diplo-01-bpzl-master1050.jpg',
        caption: '俄罗斯官方媒体提供的照片显示，中国领导人习近平和俄罗斯总统普京周四在北京。',
        credit: 'Mikhail Metzel/Sputnik',
        photographer: 'Mikhail Metzel',
        agency: 'Sputnik',
      },
    ]);
    expect(a.links.map((l) => `${l.kind} ${l.url}`)).toEqual([
      'article https://cn.nytimes.com/world/20240507/xi-macron-europe-trade-war',
      'profile https://ecfr.eu/profile/alicja-bachulska',
      'translation https://www.nytimes.com/2024/05/18/world/asia/putin-xi-china-russia.html',
    ]);
  });
});

describe('JSON-LD variants', () => {
  it('finds a NewsArticle inside @graph, with string author and image', () => {
    const html = `<html><head><script type="application/ld+json">{"@context":"https://schema.org","@graph":[
      {"@type":"WebSite","name":"Example"},
      {"@type":["NewsArticle"],"headline":"Rates Hold Steady","mainEntityOfPage":{"@id":"https://news.example.org/business/2024/03/20/rates-hold/"},
       "datePublished":"2024-03-20T18:00:00Z","author":"By PAUL KRUGMAN","image":"https://img.example.org/rates.jpg?w=800"}]}</script>
      <script type="application/ld+json">{ not json</script></head>
      <body><main><p>The central bank left rates unchanged on Wednesday.</p></main></body></html>`;
    const { articles, errors } = parseText(html);
    expect(errors).toEqual([]);
    expect(articles[0]).toMatchObject({
      url: 'https://news.example.org/business/2024/03/20/rates-hold',
      title: 'Rates Hold Steady',
      publishedAt: '2024-03-20T18:00:00+00:00',
      authors: ['Paul Krugman'],
      section: 'business',
      language: 'en',
      paragraphs: ['The central bank left rates unchanged on Wednesday.'],
      images: [
        {
          url: 'https://img.example.org/rates.jpg',
          caption: null,
          credit: null,
          photographer: null,
          agency: null,
        },
      ],
    });
  });
});

describe('site chrome removal', () => {
  it('removes share bars and related links but keeps an article container whose class mentions sharing', () => {
    const html = `<html><head><meta property="og:url" content="https://example.com/2024/01/05/world/x.html">
      <title>Kept Article</title></head><body>
      <article class="story share-enabled"><p>First paragraph stays.</p>
        <div class="share-tools"><a href="https://twitter.com/intent/tweet?u=x">Share on X</a></div>
        <div class="article-body share-bar-visible"><p>Second paragraph stays.</p></div></article>
      <div class="related-links"><p>Related: another story</p></div></body></html>`;
    const { articles } = parseText(html);
    expect(articles[0].paragraphs).toEqual(['First paragraph stays.', 'Second paragraph stays.']);
    expect(articles[0].links).toEqual([]);
  });
});
