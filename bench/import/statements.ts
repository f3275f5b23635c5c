import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { Driver, ResultSummary } from 'neo4j-driver';
import { createDriver } from '../../src/db/driver';
import { migrate } from '../../src/db/migrate';
import { importPaths } from '../../src/import/pipeline';
import { createWriter } from '../../src/import/write/writer';
import type { ExtractedArticle } from '../../src/model/article';
import { neo4jPid, startNeo4j, targetFor } from '../../src/neo4j-launcher/launcher';
import { startMonitor } from './contention';
import { instrumentTransactions } from './instrument';
import { defaultCorpusDir } from './generate';
import { queryNames } from './query-names';

/**
 * The write stage alone, statement by statement, on the TEST instance (which it wipes).
 *
 *   npx tsx bench/import/statements.ts [--count 2000] [--batch-size 250] [--profile-batch 4] [--rounds 2]
 *
 * Extracts the corpus first (dry run, nothing overlaps the writes), then writes it batch by batch
 * `--rounds` times (the first round warms the JVM and the plan cache; the last is reported), and
 * reports per statement the server-side time (resultAvailableAfter + resultConsumedAfter), the
 * client-side time, rows and Neo4j JVM CPU per article for the writes alone. One batch of the last
 * round runs every statement under PROFILE: operators, rows, db hits and Eager operators.
 */

const DATABASE = process.env.NEO4J_TEST_DATABASE || 'neo4j';

interface Args {
  count: number;
  batchSize: number;
  profileBatch: number;
  rounds: number;
  out?: string;
  /** Record the last round with Java Flight Recorder into this file (needs jcmd). */
  jfr?: string;
  /** Indexes to drop after the schema is applied (what-if measurements only). */
  dropIndexes: string[];
}

function parseArgs(argv: string[]): Args {
  const args: Args = { count: 2000, batchSize: 250, profileBatch: 4, rounds: 2, dropIndexes: [] };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    const value = argv[++i];
    if (flag === '--count') args.count = Number(value);
    else if (flag === '--batch-size') args.batchSize = Number(value);
    else if (flag === '--profile-batch') args.profileBatch = Number(value);
    else if (flag === '--rounds') args.rounds = Number(value);
    else if (flag === '--out') args.out = value;
    else if (flag === '--jfr') args.jfr = path.resolve(value);
    else if (flag === '--drop-index') args.dropIndexes.push(value);
    else throw new Error(`unknown argument ${flag}`);
  }
  return args;
}

const log = (message: string) => console.error(message);

interface StatementStats {
  name: string;
  calls: number;
  rows: number;
  serverMs: number;
  clientMs: number;
  relationships: number;
  nodes: number;
  properties: number;
}

interface PlanLine {
  depth: number;
  operator: string;
  rows: number;
  dbHits: number;
  details: string;
}

interface ProfiledStatement {
  name: string;
  rows: number;
  dbHits: number;
  eager: boolean;
  planner: string;
  runtime: string;
  plan: PlanLine[];
}

type Plan = Exclude<ResultSummary['profile'], false>;

function flattenPlan(plan: Plan, depth = 0, out: PlanLine[] = []): PlanLine[] {
  const args = plan.arguments as Record<string, unknown>;
  out.push({
    depth,
    operator: plan.operatorType,
    rows: Number(plan.rows),
    dbHits: Number(plan.dbHits),
    details: String(args.Details ?? '').slice(0, 140),
  });
  for (const child of plan.children as Plan[]) flattenPlan(child, depth + 1, out);
  return out;
}

function instrument(driver: Driver, stats: Map<string, StatementStats>, profiled: ProfiledStatement[]) {
  const names = queryNames();
  const state = { profile: false, lastAnswer: 0 };
  const record = (name: string, rows: number, profile: boolean, started: number, summary: ResultSummary) => {
    state.lastAnswer = performance.now();
    const clientMs = state.lastAnswer - started;
    const entry = stats.get(name) ?? {
      name,
      calls: 0,
      rows: 0,
      serverMs: 0,
      clientMs: 0,
      relationships: 0,
      nodes: 0,
      properties: 0,
    };
    const counters = summary.counters.updates();
    entry.calls += 1;
    entry.rows += rows;
    entry.serverMs += Number(summary.resultAvailableAfter) + Number(summary.resultConsumedAfter);
    entry.clientMs += clientMs;
    entry.relationships += counters.relationshipsCreated;
    entry.nodes += counters.nodesCreated;
    entry.properties += counters.propertiesSet;
    stats.set(name, entry);
    if (profile && summary.profile) {
      const plan = flattenPlan(summary.profile);
      const args = summary.profile.arguments as Record<string, unknown>;
      profiled.push({
        name,
        rows,
        dbHits: plan.reduce((sum, line) => sum + line.dbHits, 0),
        eager: plan.some((line) => line.operator.startsWith('Eager')),
        planner: String(args.planner ?? ''),
        runtime: String(args.runtime ?? ''),
        plan,
      });
    }
  };
  const wrapped = instrumentTransactions(driver, (tx, query, params) => {
    const known = names.get(query);
    // Only the writer's own statements: a side subscription to a streamed result (the
    // aggregates step reads with for await) would make the driver buffer all its records.
    if (known === undefined) return tx.run(query, params);
    const name = known;
    const rows = Object.values(params ?? {}).find(Array.isArray)?.length ?? 0;
    const started = performance.now();
    const profile = state.profile;
    // The Result is returned as it is: callers may iterate it (for await) rather than await it.
    const result = tx.run(profile ? `PROFILE ${query}` : query, params);
    // then(), not summary(): summary() would consume the records other code awaits.
    result.then(
      (answer) => record(name, rows, profile, started, answer.summary),
      () => undefined,
    );
    return result;
  });
  return { driver: wrapped, state };
}

async function run(driver: Driver, query: string) {
  const session = driver.session({ database: DATABASE });
  try {
    return (await session.run(query)).records.map((r) => r.toObject());
  } finally {
    await session.close();
  }
}

async function wipe(driver: Driver) {
  await run(driver, 'MATCH ()-[r]->() CALL (r) { DELETE r } IN TRANSACTIONS OF 20000 ROWS');
  await run(driver, 'MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 20000 ROWS');
}

const round = (v: number, d = 1) => Math.round(v * 10 ** d) / 10 ** d;

/** CPU ms of the Neo4j JVM by thread group (JIT, GC, Bolt workers, ...), from /proc/<pid>/task. */
function jvmThreadCpu(pid: number | null): Map<string, number> {
  const byGroup = new Map<string, number>();
  if (!pid) return byGroup;
  for (const task of fs.readdirSync(`/proc/${pid}/task`)) {
    try {
      const comm = fs.readFileSync(`/proc/${pid}/task/${task}/comm`, 'utf8').trim();
      const stat = fs.readFileSync(`/proc/${pid}/task/${task}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const ms = (Number(fields[11]) + Number(fields[12])) * 10;
      const group = comm.replace(/[#-]?\d+$/, '').trim() || comm;
      byGroup.set(group, (byGroup.get(group) ?? 0) + ms);
    } catch {
      // the thread ended
    }
  }
  return byGroup;
}

function jcmd(pid: number, ...command: string[]) {
  const result = spawnSync('jcmd', [String(pid), ...command], { encoding: 'utf8' });
  if (result.status !== 0) log(`jcmd ${command.join(' ')} failed: ${result.stdout}${result.stderr}`);
}

function threadDelta(before: Map<string, number>, after: Map<string, number>, n: number) {
  return Object.fromEntries(
    [...after]
      .map(([group, ms]): [string, number] => [group, ms - (before.get(group) ?? 0)])
      .filter(([, ms]) => ms > 0)
      .sort((a, b) => b[1] - a[1])
      .map(([group, ms]) => [group, round(ms / n, 2)]),
  );
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  const corpus = defaultCorpusDir(args.count);
  if (!fs.existsSync(corpus))
    throw new Error(`no corpus at ${corpus}: run bench/import/run.ts --count ${args.count}`);
  log(`extracting ${corpus} (dry run) ...`);
  const extracted = await importPaths([corpus], { dryRun: true });
  const articles: ExtractedArticle[] = extracted.articles!;
  log(`  ${articles.length} articles in ${Math.round(extracted.elapsedMs)} ms`);

  await startNeo4j('test', log);
  const target = targetFor('test');
  if (target.uri === targetFor('dev').uri) throw new Error('refusing to wipe the dev instance');
  const base = createDriver(target, { maxConnectionPoolSize: 2 });
  const batches: ExtractedArticle[][] = [];
  for (let i = 0; i < articles.length; i += args.batchSize)
    batches.push(articles.slice(i, i + args.batchSize));

  let report: unknown;
  try {
    for (let round_ = 1; round_ <= args.rounds; round_++) {
      await wipe(base);
      await migrate(base, DATABASE);
      for (const index of args.dropIndexes) {
        if (!/^\w+$/.test(index)) throw new Error(`bad index name ${index}`);
        await run(base, `DROP INDEX ${index} IF EXISTS`);
      }
      const stats = new Map<string, StatementStats>();
      const profiled: ProfiledStatement[] = [];
      const last = round_ === args.rounds;
      const { driver, state } = instrument(base, stats, profiled);
      const writer = createWriter(driver, DATABASE);
      const pid = neo4jPid('test');
      const jfr = last && args.jfr && pid;
      if (jfr) jcmd(pid, 'JFR.start', 'name=import', 'settings=profile', `filename=${args.jfr}`);
      const threads0 = jvmThreadCpu(pid);
      const monitor = startMonitor();
      const cpu0 = process.cpuUsage();
      const started = performance.now();
      let relationships = 0;
      let profileMs = 0;
      let batchMs = 0;
      /** From the last statement's answer to the end of writeBatch: mostly the commit. */
      let commitMs = 0;
      for (const [index, batch] of batches.entries()) {
        const profileThis = last && index === args.profileBatch;
        state.profile = profileThis;
        const t0 = performance.now();
        const result = await writer.writeBatch(batch);
        if (profileThis) profileMs = performance.now() - t0;
        else {
          batchMs += performance.now() - t0;
          commitMs += performance.now() - state.lastAnswer;
        }
        relationships += result.relationshipsCreated;
        state.profile = false;
      }
      await writer.finalize();
      const wallMs = performance.now() - started - profileMs;
      if (jfr) jcmd(pid, 'JFR.stop', 'name=import');
      const cpu = process.cpuUsage(cpu0);
      const contention = monitor.stop((cpu.user + cpu.system) / 1000);
      const n = articles.length;
      const threads = threadDelta(threads0, jvmThreadCpu(pid), n);
      const statements = [...stats.values()].sort((a, b) => b.serverMs - a.serverMs);
      const summary = {
        round: round_,
        articles: n,
        batchSize: args.batchSize,
        wallMs: Math.round(wallMs),
        articlesPerSecond: round(n / (wallMs / 1000)),
        relationshipsPerSecond: round(relationships / (wallMs / 1000)),
        relationships,
        neo4jCpuMsPerArticle: contention.neo4jCpuMs === null ? null : round(contention.neo4jCpuMs / n, 2),
        importerCpuMsPerArticle: round((cpu.user + cpu.system) / 1000 / n, 2),
        otherCpuShare: contention.otherCpuShare,
        serverMsTotal: Math.round(statements.reduce((s, q) => s + q.serverMs, 0)),
        clientMsTotal: Math.round(statements.reduce((s, q) => s + q.clientMs, 0)),
        batchMsTotal: Math.round(batchMs),
        commitMsTotal: Math.round(commitMs),
        neo4jCpuMsPerArticleByThread: threads,
      };
      log(`round ${round_}: ${JSON.stringify(summary)}`);
      if (!last) continue;
      log('\nstatement                               calls    rows  server ms  client ms  rels');
      for (const q of statements) {
        log(
          `  ${q.name.padEnd(38)}${String(q.calls).padStart(5)}${String(q.rows).padStart(8)}` +
            `${String(Math.round(q.serverMs)).padStart(11)}${String(Math.round(q.clientMs)).padStart(11)}` +
            `${String(q.relationships).padStart(7)}`,
        );
      }
      log(`\nPROFILE of batch ${args.profileBatch} (db hits):`);
      for (const p of [...profiled].sort((a, b) => b.dbHits - a.dbHits)) {
        log(
          `  ${p.name}: ${p.rows} rows, ${p.dbHits} db hits${p.eager ? ', EAGER' : ''} (${p.planner}/${p.runtime})`,
        );
        for (const line of p.plan) {
          log(
            `      ${'  '.repeat(line.depth)}${line.operator} rows=${line.rows} hits=${line.dbHits}  ${line.details}`,
          );
        }
      }
      report = { summary, statements, profiled };
    }
  } finally {
    await wipe(base).catch(() => undefined);
    await base.close();
  }
  if (args.out) {
    fs.mkdirSync(path.dirname(args.out), { recursive: true });
    fs.writeFileSync(args.out, JSON.stringify(report, null, 2) + '\n');
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exitCode = 1;
});
