import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { Driver } from 'neo4j-driver';
import { createDriver } from '../../src/db/driver';
import { graphFingerprint, type GraphFingerprint } from '../../src/db/fingerprint';
import { migrate } from '../../src/db/migrate';
import { wipeDatabase } from '../../src/db/wipe';
import { neo4jPid, startNeo4j, stopNeo4j } from '../../src/neo4j-launcher/launcher';

/**
 * Fault injection: kills Neo4j, or the importer, in the middle of an import and checks that the
 * importer gives up with a non-zero exit in time and that a re-run converges to the one-shot graph.
 *
 *   npx tsx bench/faults/run.ts [--corpus DIR] [--batch-size 10] [--kill-after 20]
 *
 * It uses its own throwaway server, the launcher's `faults` instance (Bolt NEO4J_FAULTS_BOLT_PORT,
 * default 7689, data in .neo4j/faults), never the dev or test data, and stops it at the end.
 * Scenarios, each from an empty graph:
 *   reference   one import of the corpus: the fingerprint every scenario must end with
 *   kill-neo4j  SIGKILL the Neo4j JVM once `--kill-after` articles are stored; the importer must exit
 *               non-zero within 120 s; restart Neo4j, import again, compare
 *   kill-import SIGKILL the importer once `--kill-after` articles are stored; import again, compare
 * Prints JSON and a table and writes bench/results/faults-<date>.json.
 */

const ROOT = path.resolve(__dirname, '..', '..');
const RESULTS_DIR = path.join(ROOT, 'bench', 'results');
const DATABASE = 'neo4j';
const EXIT_LIMIT_MS = 120_000;

interface Args {
  corpus: string;
  batchSize: number;
  killAfter: number;
}

function parseArgs(argv: string[]): Args {
  const args: Args = {
    corpus: path.resolve(ROOT, '..', '..', 'shared', 'corpus', 'nyt-cn'),
    batchSize: 10,
    killAfter: 20,
  };
  for (let i = 0; i < argv.length; i++) {
    const value = argv[i + 1];
    if (argv[i] === '--corpus') args.corpus = path.resolve(value);
    else if (argv[i] === '--batch-size') args.batchSize = Number(value);
    else if (argv[i] === '--kill-after') args.killAfter = Number(value);
    else continue;
    i++;
  }
  if (!fs.existsSync(args.corpus))
    throw new Error(`${args.corpus}: no such corpus folder (pass --corpus DIR)`);
  return args;
}

interface ImportRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  ms: number;
  stderrTail: string;
}

/** `newsgraph import` in a child process against the faults instance; `killWhen` may end it early. */
function runImport(
  uri: string,
  args: Args,
  onStart?: (child: ReturnType<typeof spawn>) => void,
): Promise<ImportRun> {
  const started = Date.now();
  const child = spawn(
    process.execPath,
    [
      '--max-old-space-size=256',
      '--import',
      'tsx',
      path.join(ROOT, 'src', 'cli', 'main.ts'),
      'import',
      '--no-progress',
      '--batch-size',
      String(args.batchSize),
      args.corpus,
    ],
    { cwd: ROOT, env: { ...process.env, NEO4J_URI: uri }, stdio: ['ignore', 'ignore', 'pipe'] },
  );
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-4000);
  });
  onStart?.(child);
  return new Promise((resolve) => {
    child.on('exit', (code, signal) =>
      resolve({
        code,
        signal,
        ms: Date.now() - started,
        stderrTail: stderr.trim().split('\n').slice(-6).join('\n'),
      }),
    );
  });
}

async function storedArticles(driver: Driver): Promise<number> {
  try {
    const result = await driver.executeQuery(
      'MATCH (a:Article {imported: true}) RETURN count(a) AS n',
      {},
      { database: DATABASE },
    );
    return Number(result.records[0].get('n'));
  } catch {
    return -1;
  }
}

/** Resolves once the graph holds `count` imported articles (polled every 200 ms). */
async function whenStored(driver: Driver, count: number, give: () => boolean): Promise<void> {
  while (give()) {
    if ((await storedArticles(driver)) >= count) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

async function fresh(): Promise<Driver> {
  const target = await startNeo4j('faults');
  const driver = createDriver(target, { maxConnectionPoolSize: 4 });
  await migrate(driver, DATABASE);
  return driver;
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  let driver = await fresh();
  const uri = (await startNeo4j('faults')).uri;
  const scenarios: Record<string, unknown>[] = [];

  // Reference: the one-shot graph.
  await wipeDatabase(driver, DATABASE);
  const reference = await runImport(uri, args);
  const expected: GraphFingerprint = await graphFingerprint(driver, DATABASE);
  scenarios.push({ name: 'reference', exitCode: reference.code, importMs: reference.ms, ...expected });

  // Kill Neo4j mid-import.
  await wipeDatabase(driver, DATABASE);
  let running = true;
  let killedAt = 0;
  const dying = await runImport(uri, args, () => {
    void whenStored(driver, args.killAfter, () => running).then(() => {
      const pid = neo4jPid('faults');
      if (pid && running) {
        process.kill(pid, 'SIGKILL');
        killedAt = Date.now();
      }
    });
  });
  running = false;
  const exitAfterKillMs = killedAt ? Date.now() - killedAt : null;
  await driver.close().catch(() => undefined);
  await stopNeo4j('faults', () => undefined); // clears the stale pid file
  driver = await fresh();
  const afterKill = await storedArticles(driver);
  const rerun = await runImport(uri, args);
  const converged = await graphFingerprint(driver, DATABASE);
  scenarios.push({
    name: 'kill-neo4j',
    killedNeo4j: killedAt > 0,
    exitCode: dying.code,
    exitAfterKillMs,
    exitInTime: dying.code !== 0 && exitAfterKillMs !== null && exitAfterKillMs < EXIT_LIMIT_MS,
    message: dying.stderrTail,
    articlesKept: afterKill,
    rerunExitCode: rerun.code,
    ...converged,
    sameAsReference: converged.hash === expected.hash,
  });

  // Kill the importer mid-import.
  await wipeDatabase(driver, DATABASE);
  running = true;
  const killed = await runImport(uri, args, (child) => {
    void whenStored(driver, args.killAfter, () => running).then(() => {
      if (running) child.kill('SIGKILL');
    });
  });
  running = false;
  const kept = await storedArticles(driver);
  const again = await runImport(uri, args);
  const recovered = await graphFingerprint(driver, DATABASE);
  scenarios.push({
    name: 'kill-import',
    signal: killed.signal,
    articlesKept: kept,
    rerunExitCode: again.code,
    ...recovered,
    sameAsReference: recovered.hash === expected.hash,
  });

  await driver.close();
  await stopNeo4j('faults', () => undefined);

  const doc = {
    benchmark: 'faults',
    date: new Date().toISOString(),
    corpus: args.corpus,
    batchSize: args.batchSize,
    killAfter: args.killAfter,
    scenarios,
  };
  console.log(JSON.stringify(doc, null, 2));
  console.log('\n| scenario | exit | exit after kill | re-run | nodes | relationships | same as one-shot |');
  console.log('| --- | --- | --- | --- | --- | --- | --- |');
  for (const s of scenarios) {
    console.log(
      `| ${s.name} | ${s.exitCode ?? s.signal ?? ''} | ${s.exitAfterKillMs ?? ''} | ${s.rerunExitCode ?? ''} | ${s.nodes} | ${s.relationships} | ${s.sameAsReference ?? ''} |`,
    );
  }
  fs.mkdirSync(RESULTS_DIR, { recursive: true });
  fs.writeFileSync(
    path.join(RESULTS_DIR, `faults-${doc.date.slice(0, 10)}.json`),
    `${JSON.stringify(doc, null, 2)}\n`,
  );
}

main().catch(async (error: Error) => {
  console.error(error.stack ?? error.message);
  await stopNeo4j('faults', () => undefined).catch(() => undefined);
  process.exit(1);
});
