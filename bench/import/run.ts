import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Driver } from 'neo4j-driver';
import { loadConfig } from '../../src/config';
import { createDriver } from '../../src/db/driver';
import { wipeDatabase } from '../../src/db/wipe';
import { migrate } from '../../src/db/migrate';
import { startNeo4j, targetFor } from '../../src/neo4j-launcher/launcher';
import type { ChildReport, ChildRequest } from './child';
import { competitorsNow, startMonitor, type Contention } from './contention';
import { DEFAULT_SEED, defaultCorpusDir, existingCorpus, generateCorpus, type Manifest } from './generate';
import { mainThreadProfile, summarizeProfile, type ProfileSummary } from './profile';

/**
 * Import benchmark against the TEST Neo4j instance (Bolt 7688), which it wipes first.
 *
 *   npx tsx bench/import/run.ts [--count 10000] [--batch-size N]
 *   npx tsx bench/import/run.ts --count 2000 --sweep [--sizes 50,100,250,500] [--repeat 2]
 *   --baseline  also run parse+extract alone (dry run, no Neo4j): the CPU ceiling of the importer
 *   --profile   run the importer under --cpu-prof and report where its CPU time went
 *   --node-options "--max-old-space-size=256"  extra flags for the importer's node process
 *   --keep      leave the imported graph in the test instance (by default it is wiped again at the end,
 *               because the test suite shares the instance and its per-file wipe is not sized for 10k)
 *
 * The corpus is generated on first use (bench/corpus/import-<count>), the importer runs in a child
 * process so its peak RSS is its own, and the results are merged into bench/results/import-<date>.json.
 */

const ROOT = path.resolve(__dirname, '..', '..');
const RESULTS_DIR = path.join(ROOT, 'bench', 'results');
const PROFILE_DIR = path.join(ROOT, 'bench', 'corpus', 'profiles');
const DATABASE = process.env.NEO4J_TEST_DATABASE || 'neo4j';
const TARGETS = { articlesPerSecond: 500, peakRssMB: 400 };

interface Args {
  count: number;
  batchSize: number;
  sweep: boolean;
  sizes: number[];
  repeat: number;
  seed: string;
  corpus?: string;
  baseline: boolean;
  profile: boolean;
  nodeOptions: string[];
  keep: boolean;
}

function parseArgs(argv: string[]): Args {
  const args: Args = {
    count: 10_000,
    batchSize: loadConfig().importBatchSize,
    sweep: false,
    sizes: [50, 100, 250, 500],
    repeat: 1,
    seed: DEFAULT_SEED,
    baseline: false,
    profile: false,
    nodeOptions: [],
    keep: false,
  };
  const int = (flag: string, raw: string | undefined) => {
    const value = Number(raw);
    if (!Number.isSafeInteger(value) || value < 1) throw new Error(`${flag} needs a positive integer`);
    return value;
  };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    switch (flag) {
      case '--count':
        args.count = int(flag, argv[++i]);
        break;
      case '--batch-size':
        args.batchSize = int(flag, argv[++i]);
        break;
      case '--sweep':
        args.sweep = true;
        break;
      case '--sizes':
        args.sizes = (argv[++i] ?? '').split(',').map((s) => int(flag, s));
        break;
      case '--repeat':
        args.repeat = int(flag, argv[++i]);
        break;
      case '--seed':
        args.seed = argv[++i] ?? DEFAULT_SEED;
        break;
      case '--baseline':
        args.baseline = true;
        break;
      case '--keep':
        args.keep = true;
        break;
      case '--profile':
        args.profile = true;
        break;
      case '--node-options':
        args.nodeOptions = (argv[++i] ?? '').split(/\s+/).filter(Boolean);
        break;
      case '--corpus':
        args.corpus = argv[++i];
        break;
      default:
        throw new Error(`unknown argument ${flag}`);
    }
  }
  return args;
}

const log = (message: string) => console.error(message);

function round(value: number, digits = 1): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

async function ensureCorpus(args: Args): Promise<{ dir: string; manifest: Manifest }> {
  const dir = path.resolve(args.corpus ?? defaultCorpusDir(args.count));
  const existing = existingCorpus(dir, args.count, args.seed);
  if (existing) {
    log(`corpus: reusing ${path.relative(ROOT, dir)} (${existing.count} articles)`);
    return { dir, manifest: existing };
  }
  log(`corpus: generating ${args.count} articles into ${path.relative(ROOT, dir)} ...`);
  const manifest = await generateCorpus({ count: args.count, out: dir, seed: args.seed, log });
  log(
    `corpus: ${manifest.files} files, ${round(manifest.bytes / 1024 / 1024)} MB in ${manifest.elapsedMs} ms`,
  );
  return { dir, manifest };
}

async function run(driver: Driver, query: string): Promise<Record<string, unknown>[]> {
  const session = driver.session({ database: DATABASE });
  try {
    const result = await session.run(query);
    return result.records.map((r) => r.toObject());
  } finally {
    await session.close();
  }
}

async function wipe(driver: Driver): Promise<void> {
  await wipeDatabase(driver, DATABASE, 20000);
}

interface GraphStats {
  nodes: number;
  relationships: number;
  labels: Record<string, number>;
  relationshipTypes: Record<string, number>;
  importedArticles: number;
  stubArticles: number;
  crossLinks: {
    /** In-body links between two imported (generated) articles: the cross-links that resolved. */
    toImported: number;
    toStubs: number;
    /** Cross-links the generator wrote; toImported should equal it. */
    expected: number;
    resolvedShare: number;
  };
  translationLinks: number;
}

async function graphStats(driver: Driver, manifest: Manifest): Promise<GraphStats> {
  const num = (v: unknown) => Number(v ?? 0);
  const [totals] = await run(
    driver,
    `CALL () { MATCH (n) RETURN count(n) AS nodes }
     CALL () { MATCH ()-[r]->() RETURN count(r) AS relationships }
     RETURN nodes, relationships`,
  );
  const labels = await run(
    driver,
    'MATCH (n) UNWIND labels(n) AS label RETURN label, count(*) AS n ORDER BY label',
  );
  const types = await run(driver, 'MATCH ()-[r]->() RETURN type(r) AS type, count(*) AS n ORDER BY type');
  const [articles] = await run(
    driver,
    `CALL () { MATCH (a:Article {imported: true}) RETURN count(a) AS imported }
     CALL () { MATCH (a:Article {imported: false}) RETURN count(a) AS stubs }
     RETURN imported, stubs`,
  );
  const [links] = await run(
    driver,
    `CALL () { MATCH (:Article {imported: true})-[r:LINKS_TO]->(:Article {imported: true}) RETURN count(r) AS toImported }
     CALL () { MATCH (:Article {imported: true})-[r:LINKS_TO]->(:Article {imported: false}) RETURN count(r) AS toStubs }
     CALL () { MATCH (:Article {imported: true})-[r:TRANSLATION_OF]->() RETURN count(r) AS translations }
     RETURN toImported, toStubs, translations`,
  );
  return {
    nodes: num(totals.nodes),
    relationships: num(totals.relationships),
    labels: Object.fromEntries(labels.map((r) => [String(r.label), num(r.n)])),
    relationshipTypes: Object.fromEntries(types.map((r) => [String(r.type), num(r.n)])),
    importedArticles: num(articles.imported),
    stubArticles: num(articles.stubs),
    crossLinks: {
      toImported: num(links.toImported),
      toStubs: num(links.toStubs),
      expected: manifest.crossLinks,
      resolvedShare: round(num(links.toImported) / Math.max(manifest.crossLinks, 1), 3),
    },
    translationLinks: num(links.translations),
  };
}

/** Runs the importer in a fresh process and waits for its report. */
function importInChild(
  request: ChildRequest,
  profile = false,
  nodeOptions: string[] = [],
): Promise<{ report: ChildReport; wallMs: number }> {
  const started = performance.now();
  const flags = [...nodeOptions, ...(profile ? ['--cpu-prof', '--cpu-prof-dir', PROFILE_DIR] : [])];
  // Emptied first, so that the profiles found afterwards are this child's.
  if (profile) fs.rmSync(PROFILE_DIR, { recursive: true, force: true });
  if (profile) fs.mkdirSync(PROFILE_DIR, { recursive: true });
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...flags, '--import', 'tsx', path.join(__dirname, 'child.ts')], {
      cwd: ROOT,
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    let answer: { ok: true; report: ChildReport } | { ok: false; error: string } | undefined;
    child.on('message', (message) => {
      answer = message as typeof answer;
    });
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      const wallMs = performance.now() - started;
      if (answer?.ok) resolve({ report: answer.report, wallMs });
      else if (answer) reject(new Error(`importer failed: ${answer.error}`));
      else reject(new Error(`importer exited (code ${code}, signal ${signal}) without a report`));
    });
    child.send(request);
  });
}

/** Resident memory of the test Neo4j JVM, when it was launched from .neo4j/ by the launcher. */
function neo4jMemory(): { rssMB: number; peakRssMB: number } | null {
  try {
    const pid = fs.readFileSync(path.join(loadConfig().neo4jHome, 'test', 'run', 'neo4j.pid'), 'utf8').trim();
    const status = fs.readFileSync(`/proc/${Number(pid)}/status`, 'utf8');
    const kb = (key: string) => Number(new RegExp(`${key}:\\s+(\\d+) kB`).exec(status)?.[1] ?? NaN);
    return { rssMB: round(kb('VmRSS') / 1024), peakRssMB: round(kb('VmHWM') / 1024) };
  } catch {
    return null;
  }
}

interface Measurement {
  batchSize: number;
  nodeOptions: string[];
  articles: number;
  failed: number;
  /** articles / child process wall time (spawn to exit: startup, read, parse, extract, write, finalize). */
  articlesPerSecond: number;
  /** articles / importPaths elapsedMs (read through finalize, without process startup). */
  importerArticlesPerSecond: number;
  relationshipsPerSecond: number;
  nodesCreated: number;
  relationshipsCreated: number;
  wallMs: number;
  importerElapsedMs: number;
  stageMs: Record<string, number>;
  /** Share of importer time per stage; write overlaps extract, so shares can sum past 1. */
  stageShare: Record<string, number>;
  peakRssMB: number;
  sampledPeakRssMB: number;
  baselineRssMB: number;
  rssTimeline: ChildReport['timeline'];
  cpuUserMs: number;
  cpuSystemMs: number;
  queryTimes: ChildReport['queryTimes'];
  firstErrors: { source: string; message: string }[];
  profile?: ProfileSummary;
  contention: Contention;
  /** The graph held another number of imported articles afterwards: a test run wiped or wrote to it. */
  interfered: boolean;
  /** CPU cost per article, which other work on the machine does not inflate the way it does wall time. */
  cpuMsPerArticle: { importer: number; neo4j: number | null };
  /**
   * What the CPU costs allow on an otherwise idle 2-core machine: `pipelined` if importer and Neo4j each
   * keep one core busy (the importer overlaps extraction with writes), `serial` if they take turns.
   */
  quietEstimate: { pipelinedArticlesPerSecond: number; serialArticlesPerSecond: number } | null;
}

async function measure(
  driver: Driver,
  target: { uri: string; user: string; password: string },
  corpus: string,
  batchSize: number,
  count: number,
  options: { dryRun?: boolean; profile?: boolean; nodeOptions?: string[] } = {},
): Promise<Measurement> {
  if (!options.dryRun) {
    log(`wiping the TEST instance ${target.uri} (database ${DATABASE}): all its data is deleted`);
    await wipe(driver);
    await migrate(driver, DATABASE);
  }
  const what = options.dryRun ? 'parsing and extracting (dry run, no Neo4j)' : 'importing';
  log(`${what} ${count} articles with batch size ${batchSize} in a child process ...`);
  const monitor = startMonitor();
  const { report, wallMs } = await importInChild(
    {
      paths: [corpus],
      uri: target.uri,
      user: target.user,
      password: target.password,
      database: DATABASE,
      batchSize,
      timelineEvery: Math.max(100, Math.round(count / 10)),
      dryRun: options.dryRun,
    },
    options.profile,
    options.nodeOptions,
  );
  const contention = monitor.stop(report.cpuUserMs + report.cpuSystemMs);
  if (contention.otherCpuShare > 0.1 || contention.competitors.length) {
    log(
      `  WARNING: other work took ${Math.round(contention.otherCpuShare * 100)}% of the machine during this run` +
        (contention.competitors.length ? `:\n    ${contention.competitors.join('\n    ')}` : ''),
    );
  }
  const s = report.summary;
  const articles = s.new + s.updated + s.unchanged;
  const n = Math.max(articles, 1);
  let interfered = false;
  if (!options.dryRun) {
    const [row] = await run(driver, 'MATCH (a:Article {imported: true}) RETURN count(a) AS n');
    interfered = Number(row.n) !== articles;
    if (interfered) log(`  WARNING: the graph holds ${String(row.n)} imported articles, not ${articles}`);
  }
  const importerCpu = report.cpuUserMs + report.cpuSystemMs;
  const neoCpu = contention.neo4jCpuMs;
  const profileFile = options.profile ? mainThreadProfile(PROFILE_DIR) : null;
  const elapsed = s.elapsedMs;
  return {
    batchSize,
    nodeOptions: options.nodeOptions ?? [],
    articles,
    failed: s.failed,
    articlesPerSecond: round(articles / (wallMs / 1000)),
    importerArticlesPerSecond: round(articles / (elapsed / 1000)),
    relationshipsPerSecond: round(s.relationshipsCreated / (elapsed / 1000)),
    nodesCreated: s.nodesCreated,
    relationshipsCreated: s.relationshipsCreated,
    wallMs: round(wallMs, 0),
    importerElapsedMs: round(elapsed, 0),
    stageMs: Object.fromEntries(Object.entries(s.stageMs).map(([k, v]) => [k, round(v, 0)])),
    stageShare: Object.fromEntries(Object.entries(s.stageMs).map(([k, v]) => [k, round(v / elapsed, 3)])),
    peakRssMB: report.maxRssMB,
    sampledPeakRssMB: report.sampledPeakRssMB,
    baselineRssMB: report.baselineRssMB,
    rssTimeline: report.timeline,
    cpuUserMs: report.cpuUserMs,
    cpuSystemMs: report.cpuSystemMs,
    queryTimes: report.queryTimes,
    firstErrors: s.firstErrors,
    profile: profileFile ? summarizeProfile(profileFile, ROOT) : undefined,
    contention,
    interfered,
    cpuMsPerArticle: {
      importer: round(importerCpu / n, 2),
      neo4j: neoCpu === null ? null : round(neoCpu / n, 2),
    },
    quietEstimate:
      neoCpu === null || options.dryRun
        ? null
        : {
            pipelinedArticlesPerSecond: round((1000 * n) / Math.max(importerCpu, neoCpu)),
            serialArticlesPerSecond: round((1000 * n) / (importerCpu + neoCpu)),
          },
  };
}

/**
 * Which importer was measured. The tree is shared and the importer changes under the benchmark, so the
 * commit alone does not say it: the digest covers the working-tree files the import runs.
 */
function importerVersion() {
  const git = (...args: string[]) =>
    spawnSync('git', args, { cwd: ROOT, encoding: 'utf8' }).stdout?.trim() ?? '';
  const hash = createHash('sha256');
  const walk = (dir: string) => {
    for (const entry of fs
      .readdirSync(dir, { withFileTypes: true })
      .sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name.endsWith('.ts')) hash.update(full).update(fs.readFileSync(full));
    }
  };
  for (const dir of ['src/import', 'src/model', 'src/db']) walk(path.join(ROOT, dir));
  return {
    commit: git('rev-parse', '--short', 'HEAD'),
    uncommittedImporterFiles: git('status', '--porcelain', '--', 'src/import', 'src/model')
      .split('\n')
      .filter(Boolean).length,
    importerDigest: hash.digest('hex').slice(0, 12),
  };
}

function machine() {
  const cpus = os.cpus();
  return {
    node: process.version,
    cpus: cpus.length,
    cpuModel: cpus[0]?.model ?? 'unknown',
    memoryGB: round(os.totalmem() / 1024 ** 3),
    loadAverage: os.loadavg().map((v) => round(v, 2)),
    neo4jTestHeap: process.env.NEO4J_TEST_HEAP || '2g',
    neo4jTestPageCache: process.env.NEO4J_TEST_PAGECACHE || '1g',
  };
}

/** Merges one result into the day's file: `runs` and `sweeps` keyed by what was measured. */
function saveResults(section: 'runs' | 'sweeps', label: string, value: unknown): string {
  const date = new Date().toISOString().slice(0, 10);
  const file = path.join(RESULTS_DIR, `import-${date}.json`);
  let doc: Record<string, unknown> = {};
  try {
    doc = JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, unknown>;
  } catch {
    // first result of the day
  }
  const entries = (doc[section] as Record<string, unknown> | undefined) ?? {};
  doc = { ...doc, date, [section]: { ...entries, [label]: value } };
  fs.mkdirSync(RESULTS_DIR, { recursive: true });
  fs.writeFileSync(file, JSON.stringify(doc, null, 2) + '\n');
  return file;
}

function runLabel(args: Args): string {
  return (
    (args.nodeOptions.length ? `, node ${args.nodeOptions.join(' ')}` : '') +
    (args.profile ? ', profiled' : '') +
    (args.baseline ? ', with baseline' : '')
  );
}

function table(rows: [string, string][]): string {
  const width = Math.max(...rows.map(([k]) => k.length));
  return rows.map(([k, v]) => `  ${k.padEnd(width)}  ${v}`).join('\n');
}

function verdict(value: number, ok: boolean): string {
  return `${value}${ok ? '' : '  (target missed)'}`;
}

function dominantStage(stageMs: Record<string, number>): string {
  return Object.entries(stageMs).sort((a, b) => b[1] - a[1])[0]?.[0] ?? 'none';
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  const { dir, manifest } = await ensureCorpus(args);
  const started = await startNeo4j('test', log);
  const target = targetFor('test');
  if (target.uri === targetFor('dev').uri) {
    throw new Error(`refusing to wipe ${target.uri}: it is the dev instance`);
  }
  const others = competitorsNow();
  if (others.length)
    log(`WARNING: other runs share this machine and may disturb the numbers:\n  ${others.join('\n  ')}`);
  const driver = createDriver(target, { maxConnectionPoolSize: 2 });
  const context = {
    machine: machine(),
    importer: importerVersion(),
    neo4j: {
      uri: target.uri,
      version: started.version ?? null,
      via: started.via,
      database: DATABASE,
      // A server this run started has a cold JIT: on 2026-11-27 the same import ran at 73 articles/s
      // right after a start and at 113/s on the server left running.
      startedByThisRun: !started.reused,
    },
    corpus: { dir: path.relative(ROOT, dir), ...manifest },
    targets: TARGETS,
    competitorsAtStart: others,
  };
  try {
    if (args.sweep) {
      const results: Measurement[] = [];
      // Round-robin over sizes, so that a burst of other work on the machine does not land on one size only.
      for (let r = 0; r < args.repeat; r++) {
        for (const size of args.sizes) {
          results.push(
            await measure(driver, target, dir, size, args.count, { nodeOptions: args.nodeOptions }),
          );
        }
      }
      const bySize = args.sizes.map((size) => {
        const runs = results.filter((m) => m.batchSize === size);
        const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
        return {
          batchSize: size,
          articlesPerSecond: median(runs.map((m) => m.articlesPerSecond)),
          runs: runs.map((m) => m.articlesPerSecond),
          otherCpuShare: runs.map((m) => m.contention.otherCpuShare),
          interferedRuns: runs.filter((m) => m.interfered).length,
          importerCpuMsPerArticle: median(runs.map((m) => m.cpuMsPerArticle.importer)),
          neo4jCpuMsPerArticle: median(runs.map((m) => m.cpuMsPerArticle.neo4j ?? NaN)),
          quietArticlesPerSecond: median(runs.map((m) => m.quietEstimate?.pipelinedArticlesPerSecond ?? NaN)),
          peakRssMB: Math.max(...runs.map((m) => m.peakRssMB)),
          stageMs: runs[0].stageMs,
        };
      });
      const best = bySize.reduce((a, b) => (b.articlesPerSecond > a.articlesPerSecond ? b : a));
      // Wall-clock rates swing with whatever else runs on the machine; CPU cost per article does not.
      const bestByCpu = bySize.reduce((a, b) =>
        b.quietArticlesPerSecond > a.quietArticlesPerSecond ? b : a,
      );
      const file = saveResults('sweeps', `${args.count} articles${runLabel(args)}`, {
        ...context,
        bySize,
        best: best.batchSize,
        bestByCpuCost: bestByCpu.batchSize,
        runs: results,
      });
      log(`\nbatch-size sweep, ${args.count} articles (median of ${args.repeat}):`);
      log(
        table(
          bySize.map((b) => [
            `batch ${b.batchSize}`,
            `${b.articlesPerSecond} articles/s (runs ${b.runs.join(', ')}; other work ` +
              `${b.otherCpuShare.map((x) => `${Math.round(x * 100)}%`).join(', ')}), CPU/article importer ` +
              `${b.importerCpuMsPerArticle} ms, Neo4j ${b.neo4jCpuMsPerArticle} ms (idle-machine estimate ` +
              `${b.quietArticlesPerSecond}/s), peak RSS ${b.peakRssMB} MB` +
              (b.interferedRuns ? `; ${b.interferedRuns} run(s) had the graph changed by a test run` : ''),
          ]),
        ),
      );
      log(`  fastest: ${best.batchSize}; cheapest in CPU: ${bestByCpu.batchSize}`);
      log(`  saved to ${path.relative(ROOT, file)}`);
      console.log(
        JSON.stringify({ bySize, best: best.batchSize, bestByCpuCost: bestByCpu.batchSize }, null, 2),
      );
      return;
    }

    const baseline = args.baseline
      ? await measure(driver, target, dir, args.batchSize, args.count, { dryRun: true })
      : undefined;
    const m = await measure(driver, target, dir, args.batchSize, args.count, {
      profile: args.profile,
      nodeOptions: args.nodeOptions,
    });
    const graph = await graphStats(driver, manifest);
    const interfered = m.interfered || graph.importedArticles !== m.articles;
    const result = {
      ...context,
      measurement: m,
      graph,
      neo4jMemory: neo4jMemory(),
      interfered,
      baseline: baseline && {
        note: 'parse + extract only (dry run, no Neo4j); its RSS holds every extracted article and means nothing',
        articlesPerSecond: baseline.articlesPerSecond,
        importerArticlesPerSecond: baseline.importerArticlesPerSecond,
        stageMs: baseline.stageMs,
        cpuUserMs: baseline.cpuUserMs,
      },
    };
    const file = saveResults(
      'runs',
      `${args.count} articles, batch ${args.batchSize}${runLabel(args)}`,
      result,
    );
    const stages = Object.entries(m.stageMs)
      .map(([k, v]) => `${k} ${v} ms (${Math.round(m.stageShare[k] * 100)}%)`)
      .join(', ');
    log(
      `\nimport benchmark: ${m.articles} articles, batch size ${m.batchSize}` +
        `${m.nodeOptions.length ? `, node ${m.nodeOptions.join(' ')}` : ''}, test instance wiped first`,
    );
    log(
      table([
        ['articles imported / failed', `${m.articles} / ${m.failed}`],
        [
          'articles/s end to end',
          `${verdict(m.articlesPerSecond, m.articlesPerSecond >= TARGETS.articlesPerSecond)} ` +
            `(importer only: ${m.importerArticlesPerSecond})`,
        ],
        ['relationships/s', String(m.relationshipsPerSecond)],
        [
          'neo4j',
          started.reused
            ? 'already running (warm)'
            : 'started by this run: cold JIT, expect slower numbers; run again for warm ones',
        ],
        ['nodes / relationships created', `${m.nodesCreated} / ${m.relationshipsCreated}`],
        [
          'peak importer RSS (MB)',
          `${verdict(m.peakRssMB, m.peakRssMB < TARGETS.peakRssMB)} (baseline ${m.baselineRssMB}, ` +
            `timeline ${m.rssTimeline.map((t) => t.rssMB).join(' > ')})`,
        ],
        ['stage time', `${stages}; dominant: ${dominantStage(m.stageMs)}`],
        [
          'slowest statements',
          m.queryTimes
            .slice(0, 4)
            .map((q) => `${q.query} ${q.ms} ms`)
            .join(', '),
        ],
        ...(baseline
          ? ([['parse+extract alone', `${baseline.articlesPerSecond} articles/s (no Neo4j)`]] as [
              string,
              string,
            ][])
          : []),
        ...(m.profile
          ? ([
              [
                'CPU by file',
                m.profile.topFiles
                  .slice(0, 5)
                  .map((f) => `${f.file} ${Math.round(f.share * 100)}%`)
                  .join(', '),
              ],
            ] as [string, string][])
          : []),
        [
          'machine',
          `${Math.round(m.contention.otherCpuShare * 100)}% of the CPU taken by other work, Neo4j used ` +
            `${m.contention.neo4jCpuMs ?? '?'} ms CPU, importer ${m.cpuUserMs + m.cpuSystemMs} ms`,
        ],
        [
          'CPU per article',
          `importer ${m.cpuMsPerArticle.importer} ms, Neo4j ${m.cpuMsPerArticle.neo4j ?? '?'} ms` +
            (m.quietEstimate
              ? `: an idle machine would allow ~${m.quietEstimate.pipelinedArticlesPerSecond} articles/s ` +
                `(${m.quietEstimate.serialArticlesPerSecond} if they never overlap)`
              : ''),
        ],
        ['graph after', `${graph.nodes} nodes, ${graph.relationships} relationships`],
        [
          'cross-links',
          `${graph.crossLinks.toImported} resolved of ${graph.crossLinks.expected} generated ` +
            `(${Math.round(graph.crossLinks.resolvedShare * 100)}%), ${graph.crossLinks.toStubs} to stubs`,
        ],
      ]),
    );
    if (m.firstErrors.length)
      log(`  first errors:\n    ${m.firstErrors.map((e) => `${e.source}: ${e.message}`).join('\n    ')}`);
    if (interfered)
      log(
        '  WARNING: the graph holds a different number of articles than were imported: another client wrote to it',
      );
    log(`  saved to ${path.relative(ROOT, file)}`);
    console.log(JSON.stringify(result, null, 2));
  } finally {
    if (!args.keep) {
      log('wiping the test instance again so that the test suite finds it empty (--keep to keep the graph)');
      await wipe(driver).catch((error: unknown) => log(`  could not wipe: ${String(error)}`));
    }
    await driver.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exitCode = 1;
});
