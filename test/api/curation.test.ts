import fs from 'node:fs';
import path from 'node:path';
import { importPaths } from '../../src/import/pipeline';
import { closeTestDriver, TEST_DATABASE, testDriver, wipeDatabase } from '../support/neo4j';
import { CORPUS_FIXTURES, loadTestGraph, SEED, SEED_URL, startTestApi, type TestApi } from './support';

/**
 * Curation against the real Neo4j: every mutation refused without a valid key (nothing written),
 * each change visible through the API and recorded, and all of them kept by a re-import with
 * --reextract (the importer reads the Curation nodes).
 */
const KEY = 'alice:alice-secret-key-0123456789';
const SECRET = 'alice-secret-key-0123456789';

const driver = testDriver();
let api: TestApi;

async function gql(query: string, variables: Record<string, unknown> = {}, key: string | null = SECRET) {
  const response = await fetch(api.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(key ? { authorization: `Bearer ${key}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const body = (await response.json()) as { data?: any; errors?: { message: string; extensions?: any }[] };
  return { status: response.status, ...body };
}

async function count(query: string): Promise<number> {
  const { records } = await driver.executeQuery(query, {}, { database: TEST_DATABASE });
  return Number(records[0].get(0));
}

const graphSize = () =>
  Promise.all([
    count('MATCH (n) RETURN count(n)'),
    count('MATCH ()-[r]->() RETURN count(r)'),
    count('MATCH (c:Curation) RETURN count(c)'),
  ]);

beforeAll(async () => {
  await wipeDatabase(driver);
  await loadTestGraph(driver);
  api = await startTestApi(driver, { apiKeys: KEY });
}, 300_000);

afterAll(async () => {
  await api?.server.stop();
  await closeTestDriver();
});

const MERGE = `mutation($name: String!, $into: String!) {
  mergeEntities(kind: PERSON, name: $name, into: $into, note: "same person") {
    curation { action name target by at } entity { name aliases } } }`;

describe('curation', () => {
  it('refuses every mutation without a valid key, and writes nothing', async () => {
    const before = await graphSize();
    const mutations = [
      [MERGE, { name: '迈克尔·舒曼', into: '白明' }],
      ['mutation { renameEntity(kind: PERSON, name: "白明", to: "X") { entity { name } } }', {}],
      [
        'mutation { splitAlias(kind: PERSON, name: "白明", alias: "Jude Blanchette") { entity { name } } }',
        {},
      ],
      ['mutation { markExtractionWrong(kind: PLACE, name: "中国") { entity { name } } }', {}],
    ] as const;
    for (const [query, variables] of mutations) {
      for (const key of [null, 'not-the-right-key-at-all']) {
        const res = await gql(query, variables, key);
        expect(res.status).toBe(401);
        expect(res.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
        expect(res.data).toBeUndefined();
      }
    }
    expect(await graphSize()).toEqual(before);
    // Reads stay open.
    const read = await gql('{ person(name: "白明") { name } }', {}, null);
    expect(read.data.person.name).toBe('白明');
  });

  it('refuses mutations when no key is configured, and reads too when configured so', async () => {
    const closed = await startTestApi(driver, { apiKeys: '' });
    const locked = await startTestApi(driver, { apiKeys: KEY, readRequiresKey: true });
    try {
      const res = await fetch(closed.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${SECRET}` },
        body: JSON.stringify({
          query: 'mutation { renameEntity(kind: PERSON, name: "白明", to: "X") { entity { name } } }',
        }),
      });
      const body = (await res.json()) as { errors: { message: string }[] };
      expect(res.status).toBe(401);
      expect(body.errors[0].message).toMatch(/NEWSGRAPH_API_KEYS/);
      expect((await locked.gql('{ stats { articleCount } }')).errors?.[0].extensions?.code).toBe(
        'UNAUTHENTICATED',
      );
      const withKey = await fetch(locked.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-api-key': SECRET },
        body: JSON.stringify({ query: '{ stats { articleCount } }' }),
      });
      expect(
        ((await withKey.json()) as { data: { stats: { articleCount: number } } }).data.stats.articleCount,
      ).toBeGreaterThan(0);
    } finally {
      await closed.server.stop();
      await locked.server.stop();
    }
  });

  it('merges, renames, splits an alias and rejects an extraction, recording each', async () => {
    const schumanArticles = await count(
      "MATCH (:Person {name: '迈克尔·舒曼'})-[r:QUOTED_AS_EXPERT|SAID]->() RETURN count(r)",
    );
    expect(schumanArticles).toBeGreaterThan(0);

    const merged = await gql(MERGE, { name: '迈克尔·舒曼', into: '白明' });
    expect(merged.errors).toBeUndefined();
    expect(merged.data.mergeEntities.curation).toMatchObject({
      action: 'MERGE',
      name: '迈克尔·舒曼',
      target: '白明',
      by: 'alice',
    });
    expect(merged.data.mergeEntities.entity.aliases).toContain('迈克尔·舒曼');
    expect(await count("MATCH (p:Person {name: '迈克尔·舒曼'}) RETURN count(p)")).toBe(0);
    const bySchuman = await gql('{ person(name: "迈克尔·舒曼") { name } }', {}, null);
    expect(bySchuman.data.person.name).toBe('白明');
    // His expert quote now belongs to 白明.
    const experts = await gql(
      '{ article(url: "' + SEED_URL + '") { experts { person { name } } } }',
      {},
      null,
    );
    const names = experts.data.article.experts.map((e: { person: { name: string } }) => e.person.name);
    expect(names).toContain('白明');
    expect(names).not.toContain('迈克尔·舒曼');

    const renamed = await gql(
      'mutation { renameEntity(kind: PERSON, name: "娜塔莎·库尔特", to: "Natasha Kuhrt") { entity { name aliases } } }',
    );
    expect(renamed.errors).toBeUndefined();
    expect(renamed.data.renameEntity.entity).toMatchObject({ name: 'Natasha Kuhrt' });
    expect(renamed.data.renameEntity.entity.aliases).toContain('娜塔莎·库尔特');
    expect((await gql('{ person(name: "娜塔莎·库尔特") { name } }', {}, null)).data.person.name).toBe(
      'Natasha Kuhrt',
    );

    const split = await gql(
      'mutation { splitAlias(kind: PERSON, name: "白明", alias: "Jude Blanchette") { entity { name aliases } } }',
    );
    expect(split.errors).toBeUndefined();
    expect(split.data.splitAlias.entity.aliases).not.toContain('Jude Blanchette');
    expect((await gql('{ person(name: "Jude Blanchette") { name } }', {}, null)).data.person).toBeNull();

    const rejected = await gql(
      `mutation($url: String) { markExtractionWrong(kind: PLACE, name: "俄罗斯", articleUrl: $url) {
        curation { action articleUrl } } }`,
      { url: SEED_URL },
    );
    expect(rejected.errors).toBeUndefined();
    const mentions = await gql(`{ article(url: "${SEED_URL}") { mentions { entity { name } } } }`, {}, null);
    expect(
      mentions.data.article.mentions.map((m: { entity: { name: string } }) => m.entity.name),
    ).not.toContain('俄罗斯');

    const bad = await gql(
      'mutation { splitAlias(kind: PERSON, name: "白明", alias: "Nobody") { entity { name } } }',
    );
    expect(bad.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');

    const log = await gql('{ curations { action name by at } }', {}, null);
    expect(log.data.curations.map((c: { action: string }) => c.action)).toEqual([
      'REJECT',
      'SPLIT_ALIAS',
      'RENAME',
      'MERGE',
    ]);
    expect(log.data.curations.every((c: { by: string }) => c.by === 'alice')).toBe(true);
  });

  it('keeps every curation through a re-import with --reextract', async () => {
    const files = fs.readdirSync(CORPUS_FIXTURES).map((name) => path.join(CORPUS_FIXTURES, name));
    const summary = await importPaths([SEED, ...files], { driver, database: TEST_DATABASE, force: true });
    expect(summary.errors).toEqual([]);
    expect(summary.updated + summary.new).toBeGreaterThan(0);

    expect(await count("MATCH (p:Person {name: '迈克尔·舒曼'}) RETURN count(p)")).toBe(0);
    expect((await gql('{ person(name: "迈克尔·舒曼") { name } }', {}, null)).data.person.name).toBe('白明');
    const experts = await gql(
      `{ article(url: "${SEED_URL}") { experts { person { name } } mentions { entity { name } } } }`,
      {},
      null,
    );
    const names = experts.data.article.experts.map((e: { person: { name: string } }) => e.person.name);
    expect(names).toContain('白明');
    expect(names).not.toContain('迈克尔·舒曼');
    expect(names).toContain('Natasha Kuhrt');
    expect(names).not.toContain('娜塔莎·库尔特');
    expect(
      experts.data.article.mentions.map((m: { entity: { name: string } }) => m.entity.name),
    ).not.toContain('俄罗斯');
    const baiming = await gql('{ person(name: "白明") { aliases } }', {}, null);
    expect(baiming.data.person.aliases).not.toContain('Jude Blanchette');
    expect(await count('MATCH (c:Curation) RETURN count(c)')).toBe(4);
  }, 300_000);
});
