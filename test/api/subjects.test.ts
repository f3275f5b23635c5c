import { SUBJECTS_STORED } from '../../src/api/queries/subjects';
import { closeTestDriver, TEST_DATABASE, testDriver, wipeDatabase } from '../support/neo4j';
import { loadTestGraph, startTestApi, type Data, type TestApi } from './support';

/** `subjects` (what the graph knows about) and `subject(name:)`, against the real Neo4j. */
const driver = testDriver();
let api: TestApi;

beforeAll(async () => {
  await wipeDatabase(driver);
  await loadTestGraph(driver);
  api = await startTestApi(driver);
}, 300_000);

afterAll(async () => {
  await api?.server.stop();
  await closeTestDriver();
});

const EDGES = `edges { cursor articleCount node { __typename key name } }
  pageInfo { hasNextPage hasPreviousPage endCursor }`;

async function list(args: string): Promise<Data> {
  const res = await api.gql(`{ subjects(${args}) { ${EDGES} } }`);
  expect(res.errors).toBeUndefined();
  return res.data!.subjects;
}

/** The live count: distinct imported articles tied to the entity, in an optional window. */
async function liveCount(kind: string, key: string, from?: string, to?: string): Promise<number> {
  const result = await driver.executeQuery(
    `MATCH (n {key: $key})-[:MENTIONS|HAS_TOPIC|AUTHORED|CONTRIBUTED_TO|TRANSLATED|QUOTED_AS_EXPERT]-(a:Article {imported: true})
     WHERE $kind IN labels(n)
       AND ($from IS NULL OR datetime(a.publishedAt) >= datetime($from))
       AND ($to IS NULL OR datetime(a.publishedAt) <= datetime($to))
     RETURN count(DISTINCT a) AS n`,
    { kind, key, from: from ?? null, to: to ?? null },
    { database: TEST_DATABASE },
  );
  return Number(result.records[0].get('n'));
}

describe('subjects', () => {
  it('lists every kind, most articles first, with the stored counts equal to the live ones', async () => {
    const page = await list('first: 15');
    expect(page.edges).toHaveLength(15);
    const counts = page.edges.map((e: Data) => e.articleCount);
    expect([...counts].sort((a, b) => b - a)).toEqual(counts);
    expect(counts[0]).toBeGreaterThan(1);
    for (const edge of page.edges) {
      expect(edge.articleCount).toBe(await liveCount(edge.node.__typename, edge.node.key));
    }
    // Places (中国), people and topics all appear in the one list.
    const kinds = new Set(page.edges.map((e: Data) => e.node.__typename));
    expect(kinds.size).toBeGreaterThan(1);
  });

  it('filters by kind', async () => {
    for (const kind of ['PERSON', 'ORGANIZATION', 'PLACE', 'TOPIC']) {
      const page = await list(`kind: ${kind}, first: 10`);
      expect(page.edges.length).toBeGreaterThan(0);
      const expected = kind[0] + kind.slice(1).toLowerCase();
      for (const edge of page.edges) expect(edge.node.__typename).toBe(expected);
    }
  });

  it('pages through with cursors: no gaps, no repeats, the same order as one page', async () => {
    const whole = await list('kind: PERSON, first: 40');
    const keys: string[] = [];
    let after: string | null = null;
    for (let i = 0; i < 20; i++) {
      const page: Data = await list(`kind: PERSON, first: 3${after ? `, after: "${after}"` : ''}`);
      keys.push(...page.edges.map((e: Data) => e.node.key));
      expect(page.pageInfo.hasPreviousPage).toBe(after !== null);
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(keys.slice(0, whole.edges.length)).toEqual(whole.edges.map((e: Data) => e.node.key));
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('counts only the articles published in a time window', async () => {
    const from = '2024-05-01T00:00:00Z';
    const to = '2024-05-10T00:00:00Z';
    const page = await list(`from: "${from}", to: "${to}", first: 10`);
    expect(page.edges.length).toBeGreaterThan(0);
    for (const edge of page.edges) {
      expect(edge.articleCount).toBe(await liveCount(edge.node.__typename, edge.node.key, from, to));
    }
    const all = await list('first: 1');
    expect(page.edges[0].articleCount).toBeLessThanOrEqual(all.edges[0].articleCount);
    expect((await list('to: "2020-01-01T00:00:00Z"')).edges).toEqual([]);
  });

  it('rejects a cursor it did not issue and a window that ends before it starts', async () => {
    const bad = await api.gql('{ subjects(after: "nonsense") { edges { cursor } } }');
    expect(bad.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    const window = await api.gql(
      '{ subjects(from: "2024-06-01T00:00:00Z", to: "2024-05-01T00:00:00Z") { edges { cursor } } }',
    );
    expect(window.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('reads the stored counts through the articleCount indexes', async () => {
    const result = await driver.executeQuery(
      `EXPLAIN ${SUBJECTS_STORED}`,
      { kind: null, limit: 10, after: null, maxCount: 1000 },
      { database: TEST_DATABASE },
    );
    const operators: string[] = [];
    const walk = (plan: { operatorType: string; children: unknown[] }) => {
      operators.push(plan.operatorType);
      for (const child of plan.children) walk(child as typeof plan);
    };
    walk(result.summary.plan as never);
    expect(operators.filter((op) => /NodeIndexSeekByRange|NodeIndexScan/.test(op)).length).toBe(4);
    expect(operators.some((op) => /NodeByLabelScan|AllNodesScan/.test(op))).toBe(false);
  });
});

describe('subject(name:)', () => {
  it('finds a place, a person or a topic by any name or alias', async () => {
    const res = await api.gql(`{
      ukraine: subject(name: "乌克兰") { __typename name }
      blanchette: subject(name: "Jude Blanchette") { __typename name aliases }
      nobody: subject(name: "no such subject anywhere") { __typename }
    }`);
    expect(res.errors).toBeUndefined();
    expect(res.data!.ukraine).toEqual({ __typename: 'Place', name: '乌克兰' });
    expect(res.data!.blanchette).toEqual({
      __typename: 'Person',
      name: '白明',
      aliases: ['Jude Blanchette'],
    });
    expect(res.data!.nobody).toBeNull();
    const topics = await list('kind: TOPIC, first: 1');
    const topic = topics.edges[0].node;
    const byName = await api.gql(`{ subject(name: ${JSON.stringify(topic.name)}) { __typename key } }`);
    expect(byName.data!.subject.key).toBe(topic.key);
  });
});
