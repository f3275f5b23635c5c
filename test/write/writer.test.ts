import { CORPUS_ARTICLES, topicIdf } from '../../src/graph/aggregates';
import type { ExtractedArticle } from '../../src/model/article';
import { createWriter } from '../../src/import/write/writer';
import { graphSnapshot } from '../support/graph';
import { closeTestDriver, TEST_DATABASE, testDriver, wipeDatabase } from '../support/neo4j';

const driver = testDriver();
const writer = createWriter(driver, TEST_DATABASE);

function article(url: string, overrides: Partial<ExtractedArticle> = {}): ExtractedArticle {
  return {
    source: `${url}.md`,
    url,
    title: `title of ${url}`,
    language: 'zh',
    publishedAt: '2024-05-20T09:02:29+08:00',
    fetchedAt: '2024-05-20T01:37:01.000Z',
    section: 'world',
    paragraphs: ['第一段。', '第二段。'],
    wordCount: 8,
    authors: ['David Pierson'],
    contributors: [],
    translators: [],
    images: [],
    links: [],
    persons: [],
    organizations: [],
    places: [],
    quotes: [],
    affiliations: [],
    experts: [],
    topics: [],
    ...overrides,
  };
}

const A = 'https://cn.nytimes.com/world/20240520/a';
const B = 'https://cn.nytimes.com/world/20240521/b';
const EN = 'https://www.nytimes.com/2024/05/20/world/asia/a.html';

const articleA = article(A, {
  links: [
    { url: B, text: '另一篇文章', kind: 'article' },
    { url: EN, text: '点击查看本文英文版', kind: 'translation' },
    { url: 'https://ecfr.eu/profile/alicja-bachulska', text: '阿莉恰·巴胡尔斯卡', kind: 'profile' },
  ],
  persons: [
    { name: '阿莉恰·巴胡尔斯卡', aliases: ['Alicja Bachulska'], mentions: 2 },
    { name: '普京', aliases: [], mentions: 5 },
  ],
  organizations: [{ name: '欧洲外交关系委员会', aliases: ['ECFR'], mentions: 1 }],
  places: [{ name: '乌克兰', aliases: ['Ukraine'], mentions: 3 }],
  quotes: [{ speaker: '阿莉恰·巴胡尔斯卡', text: '普京和习近平的首要目标都是反击他们所认为的生存之敌' }],
  affiliations: [
    { person: '阿莉恰·巴胡尔斯卡', organization: '欧洲外交关系委员会', role: '中国外交政策专家' },
  ],
  experts: [
    {
      person: '阿莉恰·巴胡尔斯卡',
      role: '中国外交政策专家',
      organization: '欧洲外交关系委员会',
      quote: '普京和习近平的首要目标都是反击他们所认为的生存之敌',
    },
  ],
  topics: [
    { name: '乌克兰', weight: 0.8 },
    { name: 'world', weight: 0.2 },
  ],
  images: [
    {
      url: 'https://static01.nyt.com/images/a.jpg',
      caption: '习近平和普京',
      credit: 'Mikhail Metzel/Sputnik',
      photographer: 'Mikhail Metzel',
      agency: 'Sputnik',
    },
  ],
});

const articleB = article(B, {
  authors: ['David Pierson', 'Keith Bradsher'],
  links: [{ url: A, text: '前文', kind: 'article' }],
  persons: [{ name: '普京', aliases: ['Vladimir Putin'], mentions: 1 }],
  places: [{ name: '乌克兰', aliases: [], mentions: 1 }],
  topics: [{ name: '乌克兰', weight: 0.5 }],
});

const snapshot = () => graphSnapshot(driver);

async function importAll(articles: ExtractedArticle[]) {
  for (const a of articles) await writer.writeBatch([a]);
  await writer.finalize();
}

beforeEach(async () => {
  await wipeDatabase();
});

afterAll(async () => {
  await closeTestDriver();
});

describe('write stage', () => {
  it('writes articles, stubs, people, entities, quotes, experts, images and links', async () => {
    await importAll([articleA]);
    const result = await driver.executeQuery(
      `MATCH (a:Article {url: $A})
       RETURN a.imported AS imported,
              [(a)-[:LINKS_TO]->(b) | [b.url, b.imported]] AS links,
              [(a)-[:TRANSLATION_OF]->(t) | t.url] AS translations,
              [(a)-[:REFERENCES]->(w) | w.kind] AS references,
              [(p:Person)-[:AUTHORED]->(a) | p.name] AS authors,
              [(p:Person)-[:QUOTED_AS_EXPERT]->(a) | [p.name, p.aliases]] AS experts,
              [(p:Person)-[:SAID]->(:Quote)-[:QUOTED_IN]->(a) | p.name] AS speakers,
              [(p:Person)-[r:AFFILIATED_WITH]->(o:Organization) | [p.name, r.role, o.name]] AS affiliations,
              [(a)-[:HAS_IMAGE]->(i)-[:PHOTOGRAPHED_BY]->(p) | p.name] AS photographers,
              [(a)-[:HAS_IMAGE]->(i)-[:CREDITED_TO]->(o) | o.name] AS agencies,
              [(:Alias {key: 'alicja bachulska'})-[:ALIAS_OF]->(p) | p.name] AS byAlias`,
      { A },
      { database: TEST_DATABASE },
    );
    const row = result.records[0].toObject();
    expect(row.imported).toBe(true);
    expect(row.links).toEqual([[B, false]]);
    expect(row.translations).toEqual([EN]);
    expect(row.references).toEqual(['profile']);
    expect(row.authors).toEqual(['David Pierson']);
    expect(row.experts).toEqual([['阿莉恰·巴胡尔斯卡', ['Alicja Bachulska']]]);
    expect(row.speakers).toEqual(['阿莉恰·巴胡尔斯卡']);
    expect(row.affiliations).toEqual([['阿莉恰·巴胡尔斯卡', '中国外交政策专家', '欧洲外交关系委员会']]);
    expect(row.photographers).toEqual(['Mikhail Metzel']);
    expect(row.agencies).toEqual(['Sputnik']);
    expect(row.byAlias).toEqual(['阿莉恰·巴胡尔斯卡']);
  });

  it('turns a stub into the article when it arrives', async () => {
    await importAll([articleA]);
    await importAll([articleB]);
    const result = await driver.executeQuery(
      'MATCH (b:Article {url: $B}) RETURN b.imported AS imported, b.title AS title, count { (b)<-[:LINKS_TO]-() } AS incoming',
      { B },
      { database: TEST_DATABASE },
    );
    expect(result.records).toHaveLength(1);
    expect(result.records[0].toObject()).toEqual({ imported: true, title: `title of ${B}`, incoming: 1 });
  });

  it('gives the same graph whatever the import order', async () => {
    await importAll([articleA, articleB]);
    const forward = await snapshot();
    await wipeDatabase();
    await importAll([articleB, articleA]);
    const backward = await snapshot();
    expect(backward).toEqual(forward);
    expect(forward.length).toBeGreaterThan(20);
  });

  it('changes nothing when the same articles are imported again', async () => {
    await importAll([articleA, articleB]);
    const before = await snapshot();
    const again = await writer.writeBatch([articleA, articleB]);
    await writer.finalize();
    expect(again.outcomes).toEqual(['unchanged', 'unchanged']);
    expect(await snapshot()).toEqual(before);
  });

  it('replaces derived facts of a changed article and drops what nothing supports any more', async () => {
    await importAll([articleA, articleB]);
    const changed = article(A, {
      fetchedAt: '2024-05-21T00:00:00.000Z',
      persons: [{ name: '马克龙', aliases: [], mentions: 1 }],
      places: [{ name: '法国', aliases: [], mentions: 1 }],
      topics: [{ name: '法国', weight: 0.9 }],
    });
    const result = await writer.writeBatch([changed]);
    await writer.finalize();
    expect(result.outcomes).toEqual(['updated']);
    const rows = await driver.executeQuery(
      `MATCH (a:Article {url: $A})
       RETURN [(a)-[:MENTIONS]->(n) | n.name] AS mentions,
              count { (a)-[:TRANSLATION_OF]->() } AS translations,
              count { (:Quote) } AS quotes,
              count { (:Person {key: '阿莉恰·巴胡尔斯卡'}) } AS expertLeft,
              count { (:Article {url: $EN}) } AS englishStub,
              count { ()-[:AFFILIATED_WITH]->() } AS affiliations`,
      { A, EN },
      { database: TEST_DATABASE },
    );
    const row = rows.records[0].toObject();
    expect((row.mentions as string[]).sort()).toEqual(['法国', '马克龙'].sort());
    expect(row).toMatchObject({ translations: 0, quotes: 0, expertLeft: 0, englishStub: 0, affiliations: 0 });
    // B still mentions 普京 and links to A: those stay.
    const putin = await driver.executeQuery(
      'MATCH (p:Person {key: "普京"}) RETURN p.aliases AS aliases',
      {},
      {
        database: TEST_DATABASE,
      },
    );
    expect(putin.records).toHaveLength(1);
  });

  it('keeps the later fetch of one URL whatever the order', async () => {
    const older = article(B, { title: 'older copy', fetchedAt: '2024-05-01T00:00:00.000Z' });
    const newer = article(B, { title: 'newer copy', fetchedAt: '2024-05-02T00:00:00.000Z' });
    await importAll([newer, older]);
    const first = await snapshot();
    await wipeDatabase();
    await importAll([older, newer]);
    expect(await snapshot()).toEqual(first);
    expect(first.join('\n')).toContain('newer copy');
  });

  it('counts what the IDF of the imported corpus needs, applied when read', async () => {
    await importAll([articleA, articleB]);
    const result = await driver.executeQuery(
      `MATCH (a:Article)-[r:HAS_TOPIC]->(t:Topic)
       RETURN a.url AS url, t.name AS topic, r.score AS score, t.articleCount AS df,
         r.score * ${topicIdf('t', CORPUS_ARTICLES)} AS weight, ${CORPUS_ARTICLES} AS total`,
      {},
      { database: TEST_DATABASE },
    );
    const byKey = new Map(result.records.map((r) => [`${r.get('url')} ${r.get('topic')}`, r.toObject()]));
    const shared = byKey.get(`${A} 乌克兰`)!;
    const rare = byKey.get(`${A} world`)!;
    expect(shared.df).toBe(2);
    expect(rare.df).toBe(1);
    expect(shared.total).toBe(2);
    // A topic in every article earns less per unit of score than one found in a single article.
    expect((shared.weight as number) / (shared.score as number)).toBeLessThan(
      (rare.weight as number) / (rare.score as number),
    );
  });
});
