import { Writable } from 'node:stream';
import pino from 'pino';
import { LIMITS } from '../../src/graph/limits';
import { closeTestDriver, TEST_DATABASE, testDriver, wipeDatabase } from '../support/neo4j';
import {
  countingDriver,
  loadTestGraph,
  MACRON_URL,
  SEED_URL,
  startTestApi,
  TARIFFS_URL,
  type GraphQLResponse,
  type TestApi,
} from './support';

const driver = testDriver();
const counted = countingDriver(driver);
let api: TestApi;
const logLines: Record<string, unknown>[] = [];

beforeAll(async () => {
  await wipeDatabase(driver);
  await loadTestGraph(driver);
  const logStream = new Writable({
    write(chunk, _encoding, done) {
      for (const line of String(chunk).split('\n')) if (line) logLines.push(JSON.parse(line));
      done();
    },
  });
  api = await startTestApi(counted.driver, { logger: pino({ level: 'info' }, logStream) });
}, 300_000);

afterAll(async () => {
  await api?.server.stop();
  await closeTestDriver();
});

function codes(response: { errors?: { extensions?: Record<string, unknown> }[] }): unknown[] {
  return (response.errors ?? []).map((error) => error.extensions?.code);
}

describe('health and stats', () => {
  it('reports the live Neo4j server and counts', async () => {
    const res = await api.gql(
      '{ health { neo4jVersion neo4jEdition database nodeCount relationshipCount } stats { articleCount stubArticleCount personCount languages { value count } } }',
    );
    expect(res.errors).toBeUndefined();
    expect(res.data!.health.neo4jVersion).toMatch(/^5\./);
    expect(['community', 'enterprise']).toContain(res.data!.health.neo4jEdition);
    expect(res.data!.health.database).toBe(TEST_DATABASE);
    expect(res.data!.health.nodeCount).toBeGreaterThan(10);
    expect(res.data!.health.relationshipCount).toBeGreaterThan(10);
    expect(res.data!.stats.articleCount).toBeGreaterThanOrEqual(3);
    expect(res.data!.stats.languages[0]).toEqual({ value: 'zh', count: expect.any(Number) });
  });
});

describe('experts', () => {
  it('finds the analysts quoted in the seed on 乌克兰, with their organizations', async () => {
    const res = await api.gql(`{
      experts(topic: "乌克兰", first: 10) {
        person { name aliases } organizations { name } role articleCount score
        quotes(first: 3) { text article { url } }
      }
    }`);
    expect(res.errors).toBeUndefined();
    const hits = res.data!.experts as {
      person: { name: string; aliases: string[] };
      organizations: { name: string }[];
      score: number;
      quotes: { text: string; article: { url: string } }[];
    }[];
    expect(hits.length).toBeGreaterThanOrEqual(3);
    const scores = hits.map((hit) => hit.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    const blanchette = hits.find((hit) =>
      [hit.person.name, ...hit.person.aliases].includes('Jude Blanchette'),
    );
    expect(blanchette).toBeDefined();
    expect(blanchette!.organizations.map((o) => o.name)).toContain('战略与国际研究中心');
    expect(blanchette!.quotes.length).toBeGreaterThan(0);
    // Every analyst of the seed speaks for an organization.
    expect(hits.filter((hit) => hit.organizations.length > 0).length).toBeGreaterThanOrEqual(3);
  });

  it('limits the articles by date', async () => {
    const res = await api.gql('{ experts(topic: "乌克兰", to: "2020-01-01T00:00:00Z") { person { name } } }');
    expect(res.errors).toBeUndefined();
    expect(res.data!.experts).toEqual([]);
  });
});

describe('people and articles', () => {
  it('finds 白明 by his English name', async () => {
    const res = await api.gql(`{
      person(name: "Jude Blanchette") {
        name aliases
        affiliations { organization { name } role }
        coMentioned(first: 5) { entity { __typename name } count }
        topics(first: 3) { topic { name } weight }
        articles(first: 5) { totalCount edges { node { url } } }
      }
    }`);
    expect(res.errors).toBeUndefined();
    const person = res.data!.person;
    expect([person.name, ...person.aliases]).toEqual(expect.arrayContaining(['白明', 'Jude Blanchette']));
    expect(person.affiliations.map((a: { organization: { name: string } }) => a.organization.name)).toContain(
      '战略与国际研究中心',
    );
    expect(person.coMentioned.length).toBeGreaterThan(0);
    expect(person.articles.edges.map((e: { node: { url: string } }) => e.node.url)).toContain(SEED_URL);
  });

  it('lists what an article cites and what cites it, across corpus articles', async () => {
    const res = await api.gql(
      `query ($seed: String!, $tariffs: String!) {
        seed: article(url: $seed) {
          title publishedAt imported authors { name }
          mentions { entity { name } count } images { url } topics { topic { name } }
          cites { url imported } citedBy { url } translations { url }
        }
        tariffs: article(url: $tariffs) { citedBy { url title } }
      }`,
      { seed: `${SEED_URL}/?smid=url-share`, tariffs: TARIFFS_URL },
    );
    expect(res.errors).toBeUndefined();
    const seed = res.data!.seed;
    expect(seed.title).toBe('习近平与普京贴面拥抱，无视西方压力坚定与俄罗斯结盟');
    expect(seed.publishedAt).toBe('2024-05-20T09:02:29+08:00');
    expect(seed.authors.map((a: { name: string }) => a.name)).toEqual(['David Pierson']);
    const cites = seed.cites.map((a: { url: string }) => a.url);
    expect(cites).toEqual(expect.arrayContaining([MACRON_URL, TARIFFS_URL]));
    expect(seed.translations.length).toBe(1);
    expect(res.data!.tariffs.citedBy.map((a: { url: string }) => a.url)).toContain(SEED_URL);
    expect(res.data!.tariffs.citedBy.length).toBeGreaterThanOrEqual(2);
  });

  it('returns null for an unknown article or person', async () => {
    const res = await api.gql(
      '{ article(url: "https://example.com/none") { url } person(name: "Nobody Atall") { name } }',
    );
    expect(res.errors).toBeUndefined();
    expect(res.data).toEqual({ article: null, person: null });
  });
});

describe('search', () => {
  it('finds Chinese text in articles and entity names', async () => {
    const res = await api.gql(
      '{ search(text: "乌克兰", first: 20) { score article { url } entity { __typename name } } }',
    );
    expect(res.errors).toBeUndefined();
    const hits = res.data!.search as { article: { url: string } | null; entity: { name: string } | null }[];
    expect(hits.some((hit) => hit.entity?.name === '乌克兰')).toBe(true);
    expect(hits.some((hit) => hit.article?.url === SEED_URL)).toBe(true);
  });

  it('finds an entity by an English alias', async () => {
    const res = await api.gql('{ search(text: "Blanchette") { entity { name aliases } } }');
    expect(res.errors).toBeUndefined();
    expect(
      res.data!.search.some((hit: { entity: { name: string } | null }) => hit.entity?.name === '白明'),
    ).toBe(true);
  });
});

describe('connection', () => {
  it('finds a path between two people who share an article', async () => {
    const res = await api.gql(`{
      connection(from: "David Pierson", to: "Jude Blanchette", maxHops: 3) {
        length
        nodes { __typename ... on Article { url } ... on Entity { name } }
        steps { type from to }
        entities { name }
      }
    }`);
    expect(res.errors).toBeUndefined();
    const paths = res.data!.connection;
    expect(paths.length).toBeGreaterThan(0);
    expect(paths[0].length).toBe(2);
    expect(paths.map((p: { nodes: { url?: string }[] }) => p.nodes[1].url)).toContain(SEED_URL);
    expect(paths[0].entities.map((e: { name: string }) => e.name)).toEqual(['David Pierson', '白明']);
    for (const path of paths as { length: number; steps: { from: number; to: number }[] }[]) {
      expect(path.length).toBe(2);
      // Each step joins neighbours on the path, in the direction the relationship points.
      path.steps.forEach((step, i) => expect([step.from, step.to].sort()).toEqual([i, i + 1]));
    }
    // One walk per node sequence: Pierson wrote the seed (AUTHORED) and its footer names him (MENTIONS).
    expect(['AUTHORED', 'MENTIONS']).toContain(paths[0].steps[0].type);
  });
});

describe('pagination', () => {
  it('walks all articles with cursors, newest first, without gaps or repeats', async () => {
    const all = await api.gql('{ articles(first: 100) { totalCount edges { node { url publishedAt } } } }');
    const total = all.data!.articles.totalCount as number;
    expect(total).toBe(all.data!.articles.edges.length);
    const times = all.data!.articles.edges.map((e: { node: { publishedAt: string } }) =>
      Date.parse(e.node.publishedAt),
    );
    expect(times).toEqual([...times].sort((a, b) => b - a));

    const seen: string[] = [];
    let after: string | null = null;
    for (let page = 0; page < 50; page++) {
      const res: GraphQLResponse = await api.gql(
        'query ($after: String) { articles(first: 2, after: $after) { totalCount pageInfo { hasNextPage hasPreviousPage endCursor } edges { cursor node { url } } } }',
        { after },
      );
      expect(res.errors).toBeUndefined();
      const connection = res.data!.articles;
      expect(connection.totalCount).toBe(total);
      expect(connection.pageInfo.hasPreviousPage).toBe(after !== null);
      seen.push(...connection.edges.map((e: { node: { url: string } }) => e.node.url));
      if (!connection.pageInfo.hasNextPage) break;
      after = connection.pageInfo.endCursor;
    }
    expect(seen).toEqual(all.data!.articles.edges.map((e: { node: { url: string } }) => e.node.url));
  });

  it('treats an explicit null page size as the default', async () => {
    const res = await api.gql('query ($n: Int) { articles(first: $n) { edges { cursor } } }', { n: null });
    expect(res.errors).toBeUndefined();
    expect(res.data!.articles.edges.length).toBeGreaterThan(0);
  });

  it('filters by entity, text and date', async () => {
    const res = await api.gql(`{
      byEntity: articles(filter: { mentions: "Jude Blanchette" }) { edges { node { url } } }
      byText: articles(filter: { text: "贴面拥抱" }) { edges { node { url } } }
      old: articles(filter: { to: "2021-01-01T00:00:00Z" }) { totalCount }
    }`);
    expect(res.errors).toBeUndefined();
    expect(res.data!.byEntity.edges.map((e: { node: { url: string } }) => e.node.url)).toContain(SEED_URL);
    expect(res.data!.byText.edges.map((e: { node: { url: string } }) => e.node.url)).toContain(SEED_URL);
    expect(res.data!.old.totalCount).toBe(0);
  });
});

describe('bad input', () => {
  it.each([
    [
      'a page over the maximum',
      `{ articles(first: ${LIMITS.maxPageSize + 1}) { totalCount } }`,
      /first must be between/,
    ],
    ['a negative page', '{ search(text: "中国", first: -1) { score } }', /first must be between/],
    ['a made-up cursor', '{ articles(after: "not-a-cursor") { totalCount } }', /after is not a cursor/],
    ['an empty name', '{ person(name: "   ") { name } }', /name must not be empty/],
    ['a URL that is not one', '{ article(url: "not a url") { title } }', /url must be an http\(s\) URL/],
    ['nothing to search for', '{ search(text: "*** ") { score } }', /text must contain/],
    [
      'too many hops',
      `{ connection(from: "a", to: "b", maxHops: ${LIMITS.maxHops + 1}) { length } }`,
      /maxHops must be between/,
    ],
    [
      'an inverted date range',
      '{ experts(topic: "乌克兰", from: "2024-06-01T00:00:00Z", to: "2024-01-01T00:00:00Z") { score } }',
      /from must not be later than to/,
    ],
    [
      'a nested page over the maximum',
      '{ person(name: "白明") { coMentioned(first: 1000) { count } } }',
      /first must be between/,
    ],
  ])('rejects %s with BAD_USER_INPUT', async (_name, query, message) => {
    const res = await api.gql(query);
    expect(codes(res)).toEqual(['BAD_USER_INPUT']);
    expect(res.errors![0].message).toMatch(message);
  });

  it('rejects arguments of the wrong type before running anything', async () => {
    const res = await api.gql('{ experts(topic: "乌克兰", from: "yesterday") { score } }');
    expect(codes(res)[0]).toMatch(/BAD_USER_INPUT|GRAPHQL_VALIDATION_FAILED/);
  });
});

describe('limits', () => {
  it('rejects a query deeper than the depth limit', async () => {
    const res = await api.gql(
      `{ article(url: "${SEED_URL}") { cites { cites { cites { cites { cites { cites { cites { cites { cites { cites { url } } } } } } } } } } } }`,
    );
    expect(codes(res)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
    expect(res.errors![0].message).toMatch(/depth limit of 10 exceeded/);
  });

  it('rejects a query whose estimated cost is over the limit, without touching Neo4j', async () => {
    counted.reset();
    const res = await api.gql(`{
      articles(first: 100) { edges { node { cites { citedBy { mentions { entity { name } } } } } } }
    }`);
    expect(codes(res)).toEqual(['QUERY_TOO_COMPLEX']);
    expect(res.errors![0].message).toMatch(/exceeds the limit of/);
    expect(counted.count()).toBe(0);
  });
});

describe('round trips', () => {
  const nested = (first: number) => `{
    articles(first: ${first}) {
      edges { node {
        title body authors { name }
        mentions { count entity { name ... on Person { coMentioned(first: 3) { count } } } }
        quotes { text speaker { name } article { url } }
        images { url } topics { weight topic { name } }
        cites { url authors { name } } citedBy { url }
      } }
    }
    experts(topic: "乌克兰") { person { name affiliations { role } } quotes { text } }
  }`;

  it('runs a bounded number of Cypher queries, whatever the result size', async () => {
    counted.reset();
    const small = await api.gql(nested(1));
    expect(small.data!.articles.edges.length).toBe(1);
    expect(small.errors).toBeUndefined();
    const fewRows = counted.count();

    counted.reset();
    const large = await api.gql(nested(10));
    expect(large.errors).toBeUndefined();
    const manyRows = counted.count();

    expect(large.data!.articles.edges.length).toBeGreaterThan(1);
    // 1 articles + 1 experts + 1 per nested field kind (body, credits twice, mentions,
    // coMentioned, quotes, articles, images, topics, cites, citedBy, affiliations).
    expect(manyRows).toBeLessThanOrEqual(14);
    expect(manyRows).toBe(fewRows);
  });
});

describe('look-ahead', () => {
  it('answers an entity and its co-mentions in one query, as the field itself would', async () => {
    counted.reset();
    const one = await api.gql(
      'query ($kind: EntityKind) { person(name: "Jude Blanchette") { name coMentioned(first: 5, kind: $kind) { count entity { name } } } }',
      { kind: 'PLACE' },
    );
    expect(one.errors).toBeUndefined();
    expect(counted.count()).toBe(1);
    expect(one.data!.person.coMentioned.length).toBeGreaterThan(0);

    // The first selection comes with the entity, the second through its own query.
    counted.reset();
    const two = await api.gql(`{ person(name: "Jude Blanchette") {
      x: coMentioned(first: 3) { count entity { name } }
      y: coMentioned(first: 5) { count entity { name } }
    } }`);
    expect(two.errors).toBeUndefined();
    expect(counted.count()).toBe(2);
    expect(two.data!.person.y.slice(0, 3)).toEqual(two.data!.person.x);
  });

  it('answers an article and the lists it is asked for in one query, as the fields themselves would', async () => {
    const fields = `title body authors { name } translators { name }
      mentions { count entity { name } } quotes { text speaker { name } } experts { role person { name } }
      images { url credit } topics { weight topic { name } } references { url }
      cites { url title } citedBy { url } translations { url }`;
    counted.reset();
    const direct = await api.gql(`query ($u: String!) { article(url: $u) { ${fields} } }`, { u: SEED_URL });
    expect(direct.errors).toBeUndefined();
    expect(counted.count()).toBe(1);
    // The same fields under a list are no look-ahead: one query per field kind.
    counted.reset();
    const listed = await api.gql(
      `{ articles(filter: { mentions: "白明" }, first: 5) { edges { node { url ${fields} } } } }`,
    );
    expect(listed.errors).toBeUndefined();
    expect(counted.count()).toBeGreaterThan(5);
    const node = listed.data!.articles.edges.find(
      (e: { node: { url: string } }) => e.node.url === SEED_URL,
    ).node;
    const { url: _url, ...rest } = node;
    expect(direct.data!.article).toEqual(rest);
    expect(direct.data!.article.cites.length).toBeGreaterThan(1);
    expect(direct.data!.article.mentions.length).toBeGreaterThan(5);

    // Unknown URLs are null in one query too; without list fields the plain article query runs.
    counted.reset();
    const missing = await api.gql(
      '{ article(url: "https://www.nytimes.com/nope.html") { title cites { url } } }',
    );
    expect(missing.data!.article).toBeNull();
    expect(counted.count()).toBe(1);
  });
});

describe('logging', () => {
  it('logs each request with its id and duration, and echoes the id', async () => {
    const response = await fetch(api.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-request-id': 'test-request-42' },
      body: JSON.stringify({ query: 'query Named { stats { articleCount } }' }),
    });
    expect(response.headers.get('x-request-id')).toBe('test-request-42');
    const line = logLines.find((l) => l.requestId === 'test-request-42' && l.msg === 'graphql request');
    expect(line).toMatchObject({ operationName: 'Named', cypherCalls: 1, errors: 0 });
    expect(typeof line!.durationMs).toBe('number');
  });
});

describe('development and production modes', () => {
  it('serves the playground in development only', async () => {
    const dev = await fetch(api.url, { headers: { accept: 'text/html' } });
    expect(dev.status).toBe(200);
    expect(await dev.text()).toMatch(/GraphiQL/);
    const prod = await startTestApi(driver, { nodeEnv: 'production' });
    try {
      const res = await fetch(prod.url, { headers: { accept: 'text/html' } });
      const text = await res.text();
      expect(text).not.toMatch(/sandbox/i);
      expect(text).not.toMatch(/GraphiQL/);
    } finally {
      await prod.server.stop();
    }
  });

  it('never shows Cypher, stack traces or driver internals in production', async () => {
    // A database that does not exist makes every query fail inside the driver.
    const { startApiServer } = await import('../../src/api/server');
    const servers = await Promise.all(
      ['production', 'development'].map((nodeEnv) =>
        startApiServer({
          driver,
          database: 'no-such-database',
          port: 0,
          host: '127.0.0.1',
          nodeEnv,
          logger: pino({ level: 'silent' }),
        }),
      ),
    );
    try {
      const [prod, dev] = await Promise.all(
        servers.map(async (server) => {
          const response = await fetch(server.url, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ query: '{ person(name: "白明") { name } }' }),
          });
          return response.text();
        }),
      );
      expect(JSON.parse(prod)).toEqual({
        data: { person: null },
        errors: [
          {
            message: 'Internal server error',
            path: ['person'],
            extensions: { code: 'INTERNAL_SERVER_ERROR' },
          },
        ],
      });
      expect(prod).not.toMatch(/MATCH|Neo4j|neo4j|stacktrace|at |Alias/);
      // The same failure in development does explain itself.
      expect(dev).toMatch(/no-such-database/);

      const bad = await fetch(servers[0].url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ articles(first: 1000) { totalCount } }' }),
      });
      const body = (await bad.json()) as GraphQLResponse;
      expect(body.errors![0]).toEqual({
        message: expect.stringMatching(/first must be between/),
        locations: expect.anything(),
        path: ['articles'],
        extensions: { code: 'BAD_USER_INPUT', argument: 'first' },
      });
    } finally {
      await Promise.all(servers.map((server) => server.stop()));
    }
  });
});

describe('topics, organizations and places', () => {
  it('serves a topic with its articles, experts and related topics', async () => {
    const seed = await api.gql(`{ article(url: "${SEED_URL}") { topics { topic { name } weight } } }`);
    const name = seed.data!.article.topics[0].topic.name as string;
    const res = await api.gql(
      `query ($name: String!) {
        topic(name: $name) {
          name articleCount
          articles(first: 5) { totalCount edges { node { url } } }
          experts(first: 5) { person { name } score }
          relatedTopics(first: 5) { topic { name } articleCount weight }
        }
      }`,
      { name },
    );
    expect(res.errors).toBeUndefined();
    const topic = res.data!.topic;
    expect(topic.name).toBe(name);
    expect(topic.articleCount).toBe(topic.articles.totalCount);
    expect(topic.articles.edges.map((e: { node: { url: string } }) => e.node.url)).toContain(SEED_URL);
    expect(topic.relatedTopics.length).toBeGreaterThan(0);
  });

  it('serves an organization with its members and a place with its co-mentions', async () => {
    const res = await api.gql(`{
      organization(name: "战略与国际研究中心") { name members { person { name } role } articles { totalCount } }
      place(name: "乌克兰") { name coMentioned(first: 5, kind: PERSON) { entity { __typename name } count } }
    }`);
    expect(res.errors).toBeUndefined();
    expect(res.data!.organization.members.map((m: { person: { name: string } }) => m.person.name)).toContain(
      '白明',
    );
    expect(res.data!.organization.articles.totalCount).toBeGreaterThan(0);
    const coMentioned = res.data!.place.coMentioned as { entity: { __typename: string } }[];
    expect(coMentioned.length).toBeGreaterThan(0);
    expect(coMentioned.every((c) => c.entity.__typename === 'Person')).toBe(true);
  });
});
