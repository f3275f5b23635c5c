import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import type { Driver } from 'neo4j-driver';
import pino from 'pino';
import { createDb } from '../../src/api/db';
import { startApiServer } from '../../src/api/server';
import { createDriver } from '../../src/db/driver';
import { wipeDatabase } from '../../src/db/wipe';
import { migrate } from '../../src/db/migrate';
import { entityKey } from '../../src/graph/keys';
import { neo4jPid, startNeo4j, stopNeo4j } from '../../src/neo4j-launcher/launcher';
import { processCpuMs } from '../import/contention';

/**
 * API benchmark on its own Neo4j server: the launcher's test instance settings with another home
 * (.neo4j/bench-api) and ports (Bolt 7690, HTTP 7476), because tests and the import benchmark wipe
 * the shared test instance at any moment. It wipes and loads that server, and stops it at the end
 * unless --keep. Localhost only; every request loop is bounded by a count and a time budget.
 *
 *   npx tsx bench/api/run.ts [--corpus DIR] [--requests N] [--no-load] [--keep] [--only NAME]...
 *
 * Corpus: --corpus, else the import benchmark's generated corpus (bench/corpus/import-2k or
 * import-10k) if present, else the real articles in ../shared/corpus/nyt-cn; the seed is always added.
 * For each question it measures GraphQL over HTTP at concurrency 1, 8 and 32, then replays the exact
 * Cypher that request ran (recorded once, same parameters, same sequential/parallel shape) straight
 * through the driver, and reports the ratio of mean latencies. Results go to bench/results/api-<date>.json.
 */

const ROOT = path.resolve(__dirname, '..', '..');
const RESULTS_DIR = path.join(ROOT, 'bench', 'results');
const DATABASE = process.env.NEO4J_TEST_DATABASE || 'neo4j';
const CONCURRENCY = [1, 8, 32];
const TARGETS = {
  p95Ms: 30,
  p95Scenarios: ['experts(topic)', 'person{coMentioned}'],
  p95Concurrency: 8,
  ratio: 1.3,
};
const CELL_BUDGET_MS = 20_000;
const WARM_UP = { requests: 2_000, budgetMs: 5_000 };

interface Args {
  corpus?: string;
  requests: number;
  load: boolean;
  keep: boolean;
  /** Only the questions whose name contains one of these (case-insensitive). */
  only: string[];
}

/** Points the launcher's test instance at the benchmark's own home and ports (this process and its child). */
function useBenchInstance(): void {
  const home = path.join(ROOT, '.neo4j', 'bench-api');
  process.env.NEO4J_HOME_DIR = home;
  process.env.NEO4J_TEST_BOLT_PORT ||= '7690';
  process.env.NEO4J_TEST_HTTP_PORT ||= '7476';
  delete process.env.NEO4J_TEST_URI;
  // Share the Neo4j jars the launcher already resolved instead of resolving them again.
  const runtime = fs.readdirSync(path.join(ROOT, '.neo4j')).find((name) => name.startsWith('runtime-'));
  fs.mkdirSync(home, { recursive: true });
  if (runtime && !fs.existsSync(path.join(home, runtime))) {
    fs.symlinkSync(path.join(ROOT, '.neo4j', runtime), path.join(home, runtime));
  }
}

function parseArgs(argv: string[]): Args {
  const args: Args = { requests: 1000, load: true, keep: false, only: [] };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--corpus') args.corpus = path.resolve(argv[++i]);
    else if (argv[i] === '--requests') args.requests = Number(argv[++i]);
    else if (argv[i] === '--no-load') args.load = false;
    else if (argv[i] === '--keep') args.keep = true;
    else if (argv[i] === '--only') args.only.push(argv[++i].toLowerCase());
    else throw new Error(`unknown argument ${argv[i]}`);
  }
  if (!Number.isSafeInteger(args.requests) || args.requests < 10 || args.requests > 100_000) {
    throw new Error('--requests must be an integer between 10 and 100000');
  }
  return args;
}

function corpusFiles(dir: string): string[] {
  return (
    fs
      .readdirSync(dir)
      // Not dotfiles: the generator's .manifest.json describes the corpus, it is no article.
      .filter((name) => !name.startsWith('.') && /\.(md|txt|html?|xml|json)$/.test(name))
      .sort()
      .map((name) => path.join(dir, name))
  );
}

function chooseCorpus(args: Args): string {
  if (args.corpus) return args.corpus;
  for (const name of ['import-2k', 'import-10k']) {
    const dir = path.join(ROOT, 'bench', 'corpus', name);
    if (fs.existsSync(dir) && corpusFiles(dir).length > 0) return dir;
  }
  const real = path.resolve(ROOT, '..', 'shared', 'corpus', 'nyt-cn');
  if (fs.existsSync(real)) return real;
  throw new Error('no corpus: pass --corpus DIR');
}

async function load(driver: Driver, dir: string): Promise<{ articles: number; finalizeMs: number }> {
  const { importPaths } = await import('../../src/import/pipeline');
  await wipeDatabase(driver, DATABASE);
  const started = Date.now();
  const summary = await importPaths(
    [path.join(ROOT, 'seeds', '000_bd3ada4a43040598.txt'), ...corpusFiles(dir)],
    {
      driver,
      database: DATABASE,
    },
  );
  console.error(
    `imported ${summary.new + summary.updated} articles from ${path.relative(ROOT, dir)} in ${((Date.now() - started) / 1000).toFixed(1)} s (${summary.failed} failed); ` +
      `finalize (clean-up) ${(summary.stageMs.finalize / 1000).toFixed(1)} s`,
  );
  return { articles: summary.new + summary.updated, finalizeMs: Math.round(summary.stageMs.finalize) };
}

/** Benchmark inputs picked from the loaded graph, so every question has a non-empty answer. */
const PICK = {
  topic: `
    MATCH (p:Person)-[:QUOTED_AS_EXPERT]->(a:Article)-[:HAS_TOPIC|MENTIONS]->(t)
    WITH t, count(DISTINCT p) AS experts ORDER BY experts DESC, t.name LIMIT 1
    RETURN t.name AS value`,
  person: `
    MATCH (p:Person)<-[m:MENTIONS]-(:Article)
    WITH p, count(m) AS articles ORDER BY articles DESC, p.name LIMIT 1
    RETURN p.name AS value`,
  article: `
    MATCH (a:Article {imported: true})
    WITH a, COUNT { (a)-[:LINKS_TO]-() } AS links ORDER BY links DESC, a.url LIMIT 1
    RETURN a.url AS value`,
  pair3: `
    MATCH (p1:Person)-[:AUTHORED]->(:Article)-[:LINKS_TO]->(:Article)-[:MENTIONS]->(p2:Person)
    WHERE p1 <> p2 AND NOT EXISTS { (p1)-[:AUTHORED|MENTIONS]-(:Article)-[:MENTIONS]->(p2) }
    RETURN p1.name AS from, p2.name AS to LIMIT 1`,
  pair2: `
    MATCH (p1:Person)-[:AUTHORED]->(:Article)-[:MENTIONS]->(p2:Person) WHERE p1 <> p2
    RETURN p1.name AS from, p2.name AS to LIMIT 1`,
  expertsOnUkraine: `
    MATCH (:Alias {key: '乌克兰'})-[:ALIAS_OF]->()<-[:MENTIONS|HAS_TOPIC]-(:Article)<-[:QUOTED_AS_EXPERT]-(p)
    RETURN count(p) AS value`,
};

async function pick(driver: Driver, query: string): Promise<Record<string, unknown> | undefined> {
  const result = await driver.executeQuery(query, {}, { database: DATABASE });
  return result.records[0]?.toObject();
}

interface Recorded {
  query: string;
  params: Record<string, unknown>;
  start: number;
  end: number;
}

/**
 * A driver that records every query the API runs (auto-commit `session.run`, and `executeQuery`
 * should anything use it), to replay the same Cypher directly.
 */
function recordingDriver(driver: Driver): { driver: Driver; take(): Recorded[] } {
  let recorded: Recorded[] = [];
  const record = (query: string, params: Record<string, unknown>) => {
    const entry: Recorded = { query, params, start: performance.now(), end: 0 };
    recorded.push(entry);
    return () => {
      entry.end = performance.now();
    };
  };
  const proxy = new Proxy(driver, {
    get(target, property, receiver) {
      const value = Reflect.get(target, property, receiver);
      if (property === 'session') {
        return (...args: Parameters<Driver['session']>) => {
          const session = target.session(...args);
          return new Proxy(session, {
            get(s, p, r) {
              const member = Reflect.get(s, p, r);
              if (p !== 'run') return typeof member === 'function' ? member.bind(s) : member;
              return (query: string, params: Record<string, unknown>, config: unknown) => {
                const done = record(query, params);
                const result = s.run(query, params, config as never);
                result.then(done, done);
                return result;
              };
            },
          });
        };
      }
      if (property !== 'executeQuery') return typeof value === 'function' ? value.bind(target) : value;
      return async (query: string, params: Record<string, unknown>, config: unknown) => {
        const done = record(query, params);
        try {
          return await target.executeQuery(query, params, config as never);
        } finally {
          done();
        }
      };
    },
  });
  return {
    driver: proxy,
    take() {
      const taken = recorded;
      recorded = [];
      return taken;
    },
  };
}

/**
 * Groups recorded queries into waves that ran concurrently (DataLoader siblings): a query joins
 * the current wave when it started before any query of that wave had finished.
 */
function waves(recorded: Recorded[]): Recorded[][] {
  const sorted = [...recorded].sort((a, b) => a.start - b.start);
  const result: Recorded[][] = [];
  let current: Recorded[] = [];
  let firstEnd = Infinity;
  for (const entry of sorted) {
    if (current.length > 0 && entry.start >= firstEnd) {
      result.push(current);
      current = [];
      firstEnd = Infinity;
    }
    current.push(entry);
    firstEnd = Math.min(firstEnd, entry.end);
  }
  if (current.length > 0) result.push(current);
  return result;
}

interface Stats {
  requests: number;
  throughput: number;
  mean: number;
  p50: number;
  p95: number;
  p99: number;
  /** CPU milliseconds per request, by process (Linux /proc; null elsewhere or when not ours). */
  cpuMsPerRequest: { loadGenerator: number; apiServer: number | null; neo4j: number | null };
}

/** The processes whose CPU each cell accounts: the API server child and the Neo4j JVM. */
const cpuPids: { apiServer?: number; neo4j?: number } = {};
function cpuMsOf(pid: number | undefined): number | null {
  return pid ? processCpuMs(pid) : null;
}

function percentile(sorted: number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))];
}

async function measure(
  concurrency: number,
  total: number,
  once: () => Promise<void>,
  budgetMs = CELL_BUDGET_MS,
): Promise<Stats> {
  const latencies: number[] = [];
  let issued = 0;
  const started = performance.now();
  const deadline = started + budgetMs;
  const cpuBefore = {
    loadGenerator: process.cpuUsage(),
    apiServer: cpuMsOf(cpuPids.apiServer),
    neo4j: cpuMsOf(cpuPids.neo4j),
  };
  const worker = async () => {
    while (issued < total && performance.now() < deadline) {
      issued += 1;
      const t0 = performance.now();
      await once();
      latencies.push(performance.now() - t0);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  const elapsed = (performance.now() - started) / 1000;
  const sorted = [...latencies].sort((a, b) => a - b);
  const round = (n: number) => Math.round(n * 100) / 100;
  const perRequest = (before: number | null, after: number | null) =>
    before === null || after === null
      ? null
      : Math.round(((after - before) / latencies.length) * 1000) / 1000;
  const own = process.cpuUsage(cpuBefore.loadGenerator);
  const cpuMsPerRequest = {
    loadGenerator: Math.round(((own.user + own.system) / 1000 / latencies.length) * 1000) / 1000,
    apiServer: perRequest(cpuBefore.apiServer, cpuMsOf(cpuPids.apiServer)),
    neo4j: perRequest(cpuBefore.neo4j, cpuMsOf(cpuPids.neo4j)),
  };
  return {
    cpuMsPerRequest,
    requests: latencies.length,
    throughput: round(latencies.length / elapsed),
    mean: round(latencies.reduce((sum, x) => sum + x, 0) / latencies.length),
    p50: round(percentile(sorted, 0.5)),
    p95: round(percentile(sorted, 0.95)),
    p99: round(percentile(sorted, 0.99)),
  };
}

/** Starts bench/api/server-child.ts and waits for its URL. */
function startChildServer(): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(__dirname, 'server-child.ts')], {
    cwd: ROOT,
    // Production, as a deployment runs it (graphql-js also skips its development-only checks).
    env: { ...process.env, NODE_ENV: 'production' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error('API server did not start within 60 s')), 60_000);
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const ready = /READY (\S+)/.exec(out);
      if (ready) {
        clearTimeout(timer);
        resolve({ url: ready[1], child });
      }
    });
    child.on('exit', (code) => reject(new Error(`API server exited with code ${code}`)));
  });
}

/**
 * The load generator's HTTP client: node:http with keep-alive. fetch (undici) costs about 0.9 ms
 * more per request on the 2-core machine, in this process, and that is not the API's overhead.
 */
const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });

function postJson(endpoint: string, payload: unknown): Promise<unknown> {
  const target = new URL(endpoint);
  const body = JSON.stringify(payload);
  return new Promise((resolve, reject) => {
    const request = http.request(
      {
        host: target.hostname,
        port: target.port,
        path: target.pathname,
        method: 'POST',
        agent,
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => {
          try {
            resolve(JSON.parse(Buffer.concat(chunks).toString('utf8')));
          } catch (error) {
            reject(error as Error);
          }
        });
        response.on('error', reject);
      },
    );
    request.on('error', reject);
    request.end(body);
  });
}

interface Scenario {
  name: string;
  query: string;
  variables: Record<string, unknown>;
}

function cpuCell(cpu: Stats['cpuMsPerRequest'], withApi = true): string {
  const ms = (n: number | null) => (n === null ? '?' : n.toFixed(2));
  return [cpu.loadGenerator, ...(withApi ? [cpu.apiServer] : []), cpu.neo4j].map(ms).join('+');
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  // Latency on a shared machine means little without the load it was measured under.
  const loadBefore = os.loadavg();
  useBenchInstance();
  const target = await startNeo4j('test', (message) => console.error(message));
  const driver = createDriver(target, { maxConnectionPoolSize: 100 });
  try {
    await migrate(driver, DATABASE);
    const corpus = chooseCorpus(args);
    const loaded = args.load ? await load(driver, corpus) : null;

    const ukraine = Number((await pick(driver, PICK.expertsOnUkraine))?.value ?? 0);
    const topic = ukraine > 0 ? '乌克兰' : String((await pick(driver, PICK.topic))?.value ?? '乌克兰');
    // The seed's analyst is the typical question; the most mentioned person is the worst case.
    const person = 'Jude Blanchette';
    const hub = String((await pick(driver, PICK.person))?.value ?? '白明');
    const article = String((await pick(driver, PICK.article))?.value ?? '');
    const pair = (await pick(driver, PICK.pair3)) ??
      (await pick(driver, PICK.pair2)) ?? { from: '白明', to: '普京' };
    const inputs = { topic, person, hub, article, search: topic, from: pair.from, to: pair.to };
    console.error(`inputs: ${JSON.stringify(inputs)}`);

    const scenarios: Scenario[] = [
      {
        // No Cypher: what HTTP and Apollo's request pipeline cost on their own (no ratio).
        name: 'floor: { __typename }',
        query: '{ __typename }',
        variables: {},
      },
      {
        name: 'experts(topic)',
        query:
          'query ($t: String!) { experts(topic: $t, first: 10) { score role articleCount person { name } organizations { name } quotes(first: 2) { text } } }',
        variables: { t: topic },
      },
      {
        name: 'person{coMentioned}',
        query:
          'query ($n: String!) { person(name: $n) { name aliases coMentioned(first: 10) { count entity { __typename name } } } }',
        variables: { n: person },
      },
      {
        name: 'person{coMentioned} (hub)',
        query:
          'query ($n: String!) { person(name: $n) { name aliases coMentioned(first: 10) { count entity { __typename name } } } }',
        variables: { n: hub },
      },
      {
        name: 'article{cites citedBy mentions}',
        query:
          'query ($u: String!) { article(url: $u) { title cites { url title } citedBy { url title } mentions { count entity { __typename name } } } }',
        variables: { u: article },
      },
      {
        name: 'search',
        query:
          'query ($q: String!) { search(text: $q, first: 10) { score article { url title } entity { name } } }',
        variables: { q: inputs.search },
      },
      {
        name: 'connection(3 hops)',
        query:
          'query ($f: String!, $t: String!) { connection(from: $f, to: $t, maxHops: 3, first: 5) { length nodes { __typename ... on Entity { name } ... on Article { url } } } }',
        variables: { f: pair.from, t: pair.to },
      },
    ];

    // Recording happens in-process (to capture the Cypher); timing goes to a separate server process.
    const recorder = recordingDriver(driver);
    const recordingServer = await startApiServer({
      driver: recorder.driver,
      database: DATABASE,
      port: 0,
      host: '127.0.0.1',
      nodeEnv: 'production',
      logger: pino({ level: 'silent' }),
    });
    const { url, child } = await startChildServer();
    cpuPids.apiServer = child.pid;
    // The launcher's test settings with the bench home (useBenchInstance), as startNeo4j used.
    cpuPids.neo4j = neo4jPid('test') ?? undefined;
    const replayDb = createDb(driver, DATABASE);
    const post = async (scenario: Scenario, endpoint = url) => {
      const body = (await postJson(endpoint, { query: scenario.query, variables: scenario.variables })) as {
        errors?: unknown[];
        data?: unknown;
      };
      if (body.errors) throw new Error(`${scenario.name}: ${JSON.stringify(body.errors)}`);
      return body.data;
    };

    const results = [];
    try {
      const chosen = scenarios.filter(
        (s) => args.only.length === 0 || args.only.some((part) => s.name.toLowerCase().includes(part)),
      );
      for (const scenario of chosen) {
        const answer = await post(scenario);
        const empty =
          JSON.stringify(answer).length < 40 || /:\[\]\}*$|:null\}*$/.test(JSON.stringify(answer));
        if (empty && !scenario.name.startsWith('floor'))
          console.error(`warning: ${scenario.name} answers ${JSON.stringify(answer)}`);
        await post(scenario, recordingServer.url);
        recorder.take();
        await post(scenario, recordingServer.url);
        const plan = waves(recorder.take());
        const roundTrips = plan.reduce((n, wave) => n + wave.length, 0);
        // The same queries through the API's own Neo4j door (src/api/db.ts), without GraphQL and HTTP.
        const direct = async () => {
          for (const wave of plan) {
            await Promise.all(wave.map((q) => replayDb.read(q.query, q.params)));
          }
        };
        // Warm both paths to a steady state before measuring: query plans, the connection pool, and
        // the JIT of Node (server and driver) and of Neo4j, which took 1,000-2,000 requests to settle.
        await measure(8, WARM_UP.requests, async () => void (await post(scenario)), WARM_UP.budgetMs);
        await measure(8, WARM_UP.requests, direct, WARM_UP.budgetMs);
        for (const concurrency of CONCURRENCY) {
          const total = Math.max(args.requests, concurrency * 20);
          const graphql = await measure(concurrency, total, async () => void (await post(scenario)));
          const cypher = roundTrips > 0 ? await measure(concurrency, total, direct) : null;
          const ratio = cypher ? Math.round((graphql.mean / cypher.mean) * 100) / 100 : null;
          results.push({ scenario: scenario.name, concurrency, roundTrips, graphql, cypher, ratio });
          console.error(
            `${scenario.name} c=${concurrency}: p95 ${graphql.p95} ms, cypher p95 ${cypher?.p95 ?? '-'} ms, ratio ${ratio ?? '-'}`,
          );
        }
      }
    } finally {
      await recordingServer.stop();
      child.kill('SIGTERM');
    }

    const p95Met = results
      .filter((r) => TARGETS.p95Scenarios.includes(r.scenario) && r.concurrency === TARGETS.p95Concurrency)
      .every((r) => r.graphql.p95 <= TARGETS.p95Ms);
    const ratioMet = results.every((r) => r.ratio === null || r.ratio <= TARGETS.ratio);
    const neo4jVersion = (await pick(driver, 'CALL dbms.components() YIELD versions RETURN versions[0] AS v'))
      ?.v;
    const report = {
      date: new Date().toISOString(),
      node: process.version,
      machine: { cpus: os.cpus().length, loadAverageBefore: loadBefore, loadAverageAfter: os.loadavg() },
      neo4j: neo4jVersion,
      corpus: {
        dir: path.relative(ROOT, corpus),
        articles: loaded?.articles ?? null,
        finalizeMs: loaded?.finalizeMs ?? null,
        loaded: args.load,
      },
      inputs,
      nameKeys: { from: entityKey(String(pair.from)), to: entityKey(String(pair.to)) },
      targets: TARGETS,
      targetsMet: { p95: p95Met, ratio: ratioMet },
      results,
    };
    fs.mkdirSync(RESULTS_DIR, { recursive: true });
    const file = path.join(RESULTS_DIR, `api-${report.date.slice(0, 10)}.json`);
    fs.writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);

    const rows = [
      [
        'question',
        'conc',
        'req/s',
        'p50 ms',
        'p95 ms',
        'p99 ms',
        'cypher p50',
        'cypher p95',
        'trips',
        'ratio',
        'CPU ms/req gen+api+neo4j',
        'direct gen+neo4j',
      ],
      ...results.map((r) => [
        r.scenario,
        String(r.concurrency),
        String(r.graphql.throughput),
        String(r.graphql.p50),
        String(r.graphql.p95),
        String(r.graphql.p99),
        String(r.cypher?.p50 ?? '-'),
        String(r.cypher?.p95 ?? '-'),
        String(r.roundTrips),
        String(r.ratio ?? '-'),
        cpuCell(r.graphql.cpuMsPerRequest),
        r.cypher ? cpuCell(r.cypher.cpuMsPerRequest, false) : '-',
      ]),
    ];
    console.log(
      'CPU ms/req: CPU time per request of the load generator (HTTP client or driver), the API server and Neo4j.',
    );
    const widths = rows[0].map((_, i) => Math.max(...rows.map((row) => row[i].length)));
    for (const row of rows)
      console.log(
        row.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join('  '),
      );
    console.log(
      `\ntargets: p95 <= ${TARGETS.p95Ms} ms for ${TARGETS.p95Scenarios.join(', ')} at concurrency ${TARGETS.p95Concurrency}: ${p95Met ? 'met' : 'MISSED'}; ` +
        `GraphQL/Cypher mean ratio <= ${TARGETS.ratio}: ${ratioMet ? 'met' : 'MISSED'}`,
    );
    console.log(
      `load average before/after: ${loadBefore.map((x) => x.toFixed(1)).join(' ')} / ${os
        .loadavg()
        .map((x) => x.toFixed(1))
        .join(' ')} on ${os.cpus().length} CPUs`,
    );
    console.log(`wrote ${path.relative(ROOT, file)}`);
  } finally {
    agent.destroy();
    await driver.close();
    if (!args.keep) await stopNeo4j('test', (message) => console.error(message));
  }
}

main().catch((error: Error) => {
  console.error(error.stack ?? error.message);
  process.exit(1);
});
