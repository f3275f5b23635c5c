import { closeTestDriver, testDriver } from '../support/neo4j';
import { startTestApi, type TestApi } from './support';

/**
 * Hostile and malformed requests against a production server: each gets a 4xx with a clear
 * message within 2 s, and never an HTML page or a stack trace.
 */
const driver = testDriver();
let api: TestApi;
let dev: TestApi;

beforeAll(async () => {
  api = await startTestApi(driver, { nodeEnv: 'production' });
  dev = await startTestApi(driver, { nodeEnv: 'development' });
});

afterAll(async () => {
  await api.server.stop();
  await dev.server.stop();
  await closeTestDriver();
});

interface Answer {
  status: number;
  ms: number;
  contentType: string;
  body: { errors?: { message: string; extensions?: Record<string, unknown> }[]; data?: unknown };
}

async function post(url: string, body: string, contentType = 'application/json'): Promise<Answer> {
  const started = performance.now();
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': contentType }, body });
  const text = await response.text();
  const ms = performance.now() - started;
  return {
    status: response.status,
    ms,
    contentType: response.headers.get('content-type') ?? '',
    body: JSON.parse(text),
  };
}

const query = (q: string, variables?: Record<string, unknown>) =>
  post(api.url, JSON.stringify({ query: q, variables }));

function expectRejected(answer: Answer, pattern: RegExp): void {
  expect(answer.status).toBeGreaterThanOrEqual(400);
  expect(answer.status).toBeLessThan(500);
  expect(answer.ms).toBeLessThan(2000);
  expect(answer.contentType).toMatch(/json/);
  const messages = (answer.body.errors ?? []).map((e) => e.message).join('\n');
  expect(messages).toMatch(pattern);
  expect(JSON.stringify(answer.body)).not.toMatch(/stacktrace|at .*\.(ts|js):\d+/);
}

/** 26 fragments, each spreading the next twice: 2^26 paths if expanded naively. */
function fragmentBomb(levels: number): string {
  const fragments = Array.from({ length: levels }, (_, i) =>
    i === levels - 1
      ? `fragment F${i} on Query { stats { articleCount } }`
      : `fragment F${i} on Query { ...F${i + 1} ...F${i + 1} }`,
  );
  return `query { ...F0 }\n${fragments.join('\n')}`;
}

describe('GraphQL hardening (production server)', () => {
  it('rejects a fragment bomb of 26 levels', async () => {
    expectRejected(await query(fragmentBomb(26)), /depth/i);
  });

  it('rejects a fragment cycle without overflowing the stack', async () => {
    const answer = await query(
      'query { ...A } fragment A on Query { ...B } fragment B on Query { stats { articleCount } ...A }',
    );
    expectRejected(answer, /within itself/);
  });

  it('rejects 1,000 aliases', async () => {
    const fields = Array.from({ length: 1000 }, (_, i) => `a${i}: stats { articleCount }`).join(' ');
    // 6,000 tokens: the parser stops at the token limit before the alias rule even runs.
    expectRejected(await query(`{ ${fields} }`), /aliases|tokens/i);
    const cheap = Array.from({ length: 1000 }, (_, i) => `a${i}: __typename`).join(' ');
    expectRejected(await query(`{ ${cheap} }`), /aliases limit/i);
    const some = Array.from({ length: 200 }, (_, i) => `a${i}: stats { articleCount }`).join(' ');
    expectRejected(await query(`{ ${some} }`), /aliases limit/i);
  });

  it('rejects invalid Int and DateTime variables as bad input', async () => {
    const int = await query('query($n: Int) { experts(topic: "x", first: $n) { score } }', { n: 'NaN' });
    expectRejected(int, /\$n.*Int/);
    const date = await query('query($from: DateTime) { experts(topic: "x", from: $from) { score } }', {
      from: 'x',
    });
    expectRejected(date, /\$from/);
  });

  it('answers 400 to operation types the schema does not define, and to unknown mutations', async () => {
    // The schema has curation mutations (issue 14) but no subscriptions.
    expectRejected(await query('mutation { x }'), /Cannot query field "x" on type "Mutation"/);
    expectRejected(await query('subscription { x }'), /no subscription operations/);
  });

  it('refuses a 5 MB query before parsing it', async () => {
    const huge = `{ ${'stats { articleCount } '.repeat(220_000)} }`;
    expect(huge.length).toBeGreaterThan(5_000_000);
    const answer = await query(huge);
    expectRejected(answer, /larger than the limit/);
    expect(answer.status).toBe(413);
  });

  it('refuses a query with too many tokens', async () => {
    const fields = Array.from({ length: 6000 }, () => 'articleCount').join(' ');
    expectRejected(await query(`{ stats { ${fields} } }`), /more that 5000 tokens/i);
  });

  it('answers malformed JSON with a 400 JSON error, in production and development', async () => {
    for (const url of [api.url, dev.url]) {
      const answer = await post(url, '{"query": "{ stats { articleCount } }"');
      expectRejected(answer, /Malformed JSON body/);
      expect(answer.status).toBe(400);
    }
  });

  it('still answers a normal query', async () => {
    const answer = await query('{ stats { articleCount } }');
    expect(answer.status).toBe(200);
    expect(answer.body.errors).toBeUndefined();
  });
});

describe('development mode', () => {
  it('keeps stack traces out of error responses unless API_STACKTRACES is set', async () => {
    const answer = await post(
      dev.url,
      JSON.stringify({ query: '{ experts(topic: "x", first: 1000) { score } }' }),
    );
    expect(answer.body.errors?.length).toBeGreaterThan(0);
    expect(JSON.stringify(answer.body)).not.toMatch(/stacktrace/);
  });
});
