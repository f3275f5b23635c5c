import { migrate, splitCypher, SCHEMA_FILE } from '../../src/db/migrate';
import fs from 'node:fs';
import { closeTestDriver, TEST_DATABASE, testDriver, wipeDatabase } from '../support/neo4j';

const driver = testDriver();

async function schemaObjects(): Promise<string[]> {
  const constraints = await driver.executeQuery(
    'SHOW CONSTRAINTS YIELD name RETURN name',
    {},
    { database: TEST_DATABASE },
  );
  const indexes = await driver.executeQuery(
    'SHOW INDEXES YIELD name RETURN name',
    {},
    { database: TEST_DATABASE },
  );
  return [...constraints.records, ...indexes.records].map((r) => r.get('name') as string).sort();
}

beforeAll(async () => {
  await wipeDatabase();
});

afterAll(async () => {
  await closeTestDriver();
});

describe('a real Neo4j server', () => {
  it('answers with a 5.26 Community server', async () => {
    const result = await driver.executeQuery(
      'CALL dbms.components() YIELD name, versions, edition RETURN name, versions[0] AS version, edition',
      {},
      { database: TEST_DATABASE },
    );
    expect(result.records[0].get('version')).toMatch(/^5\.26\./);
    expect(result.records[0].get('edition')).toBe('community');
  });

  it('applies the schema twice without changing it', async () => {
    const statements = splitCypher(fs.readFileSync(SCHEMA_FILE, 'utf8'));
    expect(statements.length).toBeGreaterThan(10);
    await migrate(driver, TEST_DATABASE);
    const first = await schemaObjects();
    await migrate(driver, TEST_DATABASE);
    const second = await schemaObjects();
    expect(second).toEqual(first);
    expect(first).toEqual(
      expect.arrayContaining(['article_url', 'person_key', 'article_text', 'entity_names']),
    );
  });

  it('round-trips a write and rejects a duplicate key with a constraint error', async () => {
    const url = 'https://cn.nytimes.com/test/round-trip/';
    await driver.executeQuery(
      'CREATE (:Article {url: $url, title: $title})',
      { url, title: '往返测试' },
      { database: TEST_DATABASE },
    );
    const read = await driver.executeQuery(
      'MATCH (a:Article {url: $url}) RETURN a.title AS title',
      { url },
      { database: TEST_DATABASE },
    );
    expect(read.records.map((r) => r.get('title'))).toEqual(['往返测试']);

    await expect(
      driver.executeQuery('CREATE (:Article {url: $url})', { url }, { database: TEST_DATABASE }),
    ).rejects.toMatchObject({ code: 'Neo.ClientError.Schema.ConstraintValidationFailed' });
    const count = await driver.executeQuery(
      'MATCH (a:Article {url: $url}) RETURN count(a) AS n',
      { url },
      { database: TEST_DATABASE },
    );
    expect(count.records[0].get('n')).toBe(1);
  });

  it('segments Chinese text in the full-text index', async () => {
    await driver.executeQuery(
      'CREATE (:Article {url: $url, title: $title, body: $body})',
      {
        url: 'https://cn.nytimes.com/test/fulltext/',
        title: '乌克兰战争与制裁',
        body: '欧洲外交关系委员会的专家说',
      },
      { database: TEST_DATABASE },
    );
    // Index updates are eventually visible; poll briefly.
    let titles: string[] = [];
    for (let i = 0; i < 20 && titles.length === 0; i++) {
      const hits = await driver.executeQuery(
        'CALL db.index.fulltext.queryNodes("article_text", $q) YIELD node RETURN node.title AS title',
        { q: '乌克兰' },
        { database: TEST_DATABASE },
      );
      titles = hits.records.map((r) => r.get('title') as string);
      if (titles.length === 0) await new Promise((resolve) => setTimeout(resolve, 250));
    }
    expect(titles).toContain('乌克兰战争与制裁');
  });
});
