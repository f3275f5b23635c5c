import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import neo4j from 'neo4j-driver';
import { loadConfig } from '../config';

/**
 * Gets a real Neo4j server running, the way a user would:
 *   1. NEO4J_URI (or NEO4J_TEST_URI for the test instance) when set: use it, never launch one.
 *   2. a Docker engine that answers: `docker compose up` (docker-compose.yml).
 *   3. otherwise a Neo4j Community server resolved from Maven Central into a git-ignored cache
 *      (.neo4j/), started in the background with a pid file, and reused by later starts.
 * Two instances exist so that `npm test` never touches the data a developer imported:
 * `dev` (Bolt 7687, HTTP 7474) and `test` (Bolt 7688, HTTP 7475). A third, `faults` (Bolt 7689,
 * HTTP 7476), is a throwaway server that the fault-injection benchmark kills on purpose.
 */

export type InstanceName = 'dev' | 'test' | 'faults';

export const INSTANCE_NAMES: readonly InstanceName[] = ['dev', 'test', 'faults'];

export interface Neo4jTarget {
  uri: string;
  user: string;
  password: string;
  via: 'env' | 'docker' | 'maven';
  /** True when a running server was found and reused. */
  reused: boolean;
  version?: string;
}

type Log = (message: string) => void;

const NEO4J_VERSION = '5.26.30';
const ENTRY_POINT = 'org.neo4j.server.CommunityEntryPoint';

interface InstanceSettings {
  name: InstanceName;
  boltPort: number;
  httpPort: number;
  dir: string;
  heap: string;
  pageCache: string;
  envUri: string | undefined;
  composeService: string;
}

function instanceSettings(name: InstanceName): InstanceSettings {
  const config = loadConfig();
  const env = process.env;
  if (name === 'faults') {
    return {
      name,
      boltPort: Number(env.NEO4J_FAULTS_BOLT_PORT || 7689),
      httpPort: Number(env.NEO4J_FAULTS_HTTP_PORT || 7476),
      dir: path.join(config.neo4jHome, 'faults'),
      heap: env.NEO4J_FAULTS_HEAP || '1g',
      pageCache: env.NEO4J_FAULTS_PAGECACHE || '256m',
      envUri: undefined,
      composeService: 'neo4j-faults',
    };
  }
  if (name === 'test') {
    return {
      name,
      boltPort: Number(env.NEO4J_TEST_BOLT_PORT || 7688),
      httpPort: Number(env.NEO4J_TEST_HTTP_PORT || 7475),
      dir: path.join(config.neo4jHome, 'test'),
      // 2g, not 1g: a 10k-article import spent 1.7-2.5 ms of JVM CPU per article in G1 (concurrent
      // marking with the old generation near its threshold) at 1g, about 0.9 ms at 2g.
      heap: env.NEO4J_TEST_HEAP || '2g',
      pageCache: env.NEO4J_TEST_PAGECACHE || '1g',
      envUri: env.NEO4J_TEST_URI || undefined,
      composeService: 'neo4j-test',
    };
  }
  return {
    name,
    boltPort: config.neo4jBoltPort,
    httpPort: config.neo4jHttpPort,
    dir: path.join(config.neo4jHome, 'dev'),
    heap: env.NEO4J_HEAP || '2g',
    pageCache: env.NEO4J_PAGECACHE || '4g',
    envUri: config.neo4jUriFromEnv ? config.neo4jUri : undefined,
    composeService: 'neo4j',
  };
}

function credentials(): { user: string; password: string } {
  const config = loadConfig();
  return { user: config.neo4jUser, password: config.neo4jPassword };
}

/** The ports a launched instance listens on (Bolt and HTTP, on 127.0.0.1). */
export function instancePorts(name: InstanceName): { bolt: number; http: number } {
  const settings = instanceSettings(name);
  return { bolt: settings.boltPort, http: settings.httpPort };
}

/** Connection settings for an instance, without starting anything. */
export function targetFor(name: InstanceName): { uri: string; user: string; password: string } {
  const settings = instanceSettings(name);
  return { uri: settings.envUri ?? `bolt://127.0.0.1:${settings.boltPort}`, ...credentials() };
}

/** Resolves with the server version when Bolt answers with our credentials, or null. */
export async function probeBolt(uri: string, user: string, password: string): Promise<string | null> {
  const driver = neo4j.driver(uri, neo4j.auth.basic(user, password), {
    connectionTimeout: 2000,
    maxConnectionPoolSize: 1,
    logging: { level: 'error', logger: () => undefined },
  });
  try {
    const info = await driver.getServerInfo();
    return info.agent ?? 'neo4j';
  } catch (error) {
    const code = (error as { code?: string }).code ?? '';
    if (code.includes('Unauthorized') || code.includes('AuthenticationRateLimit')) {
      throw new Error(
        `Neo4j at ${uri} answers but rejects user "${user}": set NEO4J_USER/NEO4J_PASSWORD to its credentials.`,
      );
    }
    return null;
  } finally {
    await driver.close();
  }
}

function dockerEngineAnswers(): boolean {
  if (process.env.NEWSGRAPH_NO_DOCKER) return false;
  const result = spawnSync('docker', ['info', '--format', '{{.ServerVersion}}'], {
    timeout: 5000,
    stdio: 'ignore',
  });
  return result.status === 0;
}

function projectRoot(): string {
  return path.resolve(__dirname, '..', '..');
}

function runtimeDir(): string {
  return path.join(loadConfig().neo4jHome, `runtime-${NEO4J_VERSION}`);
}

function pidFile(settings: InstanceSettings): string {
  return path.join(settings.dir, 'run', 'neo4j.pid');
}

function consoleLog(settings: InstanceSettings): string {
  return path.join(settings.dir, 'logs', 'console.log');
}

function tail(file: string, lines = 30): string {
  try {
    return fs.readFileSync(file, 'utf8').split('\n').slice(-lines).join('\n');
  } catch {
    return '(no log yet)';
  }
}

/** The pid from our pid file when that process is alive and really is our Neo4j. */
function runningPid(settings: InstanceSettings): number | null {
  let pid: number;
  try {
    pid = Number.parseInt(fs.readFileSync(pidFile(settings), 'utf8'), 10);
  } catch {
    return null;
  }
  if (!Number.isInteger(pid) || pid <= 0) return null;
  try {
    process.kill(pid, 0);
  } catch {
    return null;
  }
  // A stale pid file may name a recycled pid: only claim a process that runs our entry point.
  try {
    const cmdline = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8');
    if (!cmdline.includes(ENTRY_POINT) || !cmdline.includes(settings.dir)) return null;
  } catch {
    // No /proc (macOS): trust the pid file.
  }
  return pid;
}

async function ensureRuntime(log: Log): Promise<string> {
  const dir = runtimeDir();
  const lib = path.join(dir, 'lib');
  const marker = path.join(dir, '.complete');
  if (fs.existsSync(marker)) return lib;
  fs.mkdirSync(dir, { recursive: true });
  fs.copyFileSync(
    path.join(projectRoot(), 'src', 'neo4j-launcher', 'runtime-pom.xml'),
    path.join(dir, 'pom.xml'),
  );
  log(`Resolving Neo4j Community ${NEO4J_VERSION} from Maven Central into ${dir} (first start only)...`);
  const started = Date.now();
  const result = spawnSync('mvn', ['-q', '-B', 'dependency:copy-dependencies', '-DoutputDirectory=lib'], {
    cwd: dir,
    stdio: ['ignore', 'pipe', 'pipe'],
    encoding: 'utf8',
    timeout: 10 * 60_000,
  });
  if (result.error) {
    throw new Error(
      `Could not run Maven (${result.error.message}). Install Java 17 and Maven, or start Neo4j yourself and set NEO4J_URI.`,
    );
  }
  if (result.status !== 0) {
    throw new Error(
      `Maven could not resolve Neo4j ${NEO4J_VERSION}:\n${(result.stdout + result.stderr).slice(-3000)}`,
    );
  }
  fs.writeFileSync(marker, `${new Date().toISOString()}\n`);
  log(`Resolved Neo4j in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
  return lib;
}

/** Hosts Neo4j Browser may fetch guides and styles from (`:play <url>`, `:style <url>`). */
export const BROWSER_CONTENT_HOSTS = ['localhost', '127.0.0.1'];

/**
 * The generated neo4j.conf. The advertised addresses are the ones the server listens on: Neo4j
 * Browser reads them from the discovery endpoint (`GET http://<http>/`) and would otherwise
 * connect to the default Bolt port 7687, someone else's server on a shared machine.
 */
function neo4jConf(settings: InstanceSettings): string {
  return [
    '# Written by src/neo4j-launcher on every start; edit the launcher or its env vars instead.',
    'server.default_listen_address=127.0.0.1',
    'server.default_advertised_address=127.0.0.1',
    `server.bolt.listen_address=127.0.0.1:${settings.boltPort}`,
    `server.bolt.advertised_address=127.0.0.1:${settings.boltPort}`,
    `server.http.listen_address=127.0.0.1:${settings.httpPort}`,
    `server.http.advertised_address=127.0.0.1:${settings.httpPort}`,
    'server.https.enabled=false',
    `server.memory.pagecache.size=${settings.pageCache}`,
    `server.directories.data=${path.join(settings.dir, 'data')}`,
    `server.directories.logs=${path.join(settings.dir, 'logs')}`,
    `server.directories.plugins=${path.join(settings.dir, 'plugins')}`,
    `server.directories.import=${path.join(settings.dir, 'import')}`,
    `server.directories.run=${path.join(settings.dir, 'run')}`,
    'dbms.security.auth_enabled=true',
    // Transaction logs: Neo4j preallocates each log file at its rotation size (256 MB) and keeps
    // two days of them; for a development graph, small files and only the latest one are plenty.
    'db.tx_log.preallocate=false',
    'db.tx_log.rotation.size=16M',
    'db.tx_log.rotation.retention_policy=1 files',
    // The Browser guide (`:play http://localhost:4000/browser-guide`) and style come from our API
    // server. Neo4j 5.26 still declares this setting by its old name (Browser calls it the allowlist).
    `browser.remote_content_hostname_whitelist=${BROWSER_CONTENT_HOSTS.join(',')}`,
    'dbms.usage_report.enabled=false',
    '',
  ].join('\n');
}

function confFile(settings: InstanceSettings): string {
  return path.join(settings.dir, 'conf', 'neo4j.conf');
}

function writeConfig(settings: InstanceSettings): void {
  for (const sub of ['conf', 'data', 'logs', 'plugins', 'run', 'import']) {
    fs.mkdirSync(path.join(settings.dir, sub), { recursive: true });
  }
  fs.writeFileSync(confFile(settings), neo4jConf(settings));
}

/** True when the running server was started with another configuration than the launcher's. */
function configIsStale(settings: InstanceSettings): boolean {
  try {
    return fs.readFileSync(confFile(settings), 'utf8') !== neo4jConf(settings);
  } catch {
    return false;
  }
}

function javaArgs(settings: InstanceSettings, lib: string): string[] {
  return [
    `-Xms${settings.heap}`,
    `-Xmx${settings.heap}`,
    '-XX:+UseG1GC',
    '-XX:-OmitStackTraceInFastThrow',
    '-XX:+UnlockExperimentalVMOptions',
    '-XX:+TrustFinalNonStaticFields',
    '-XX:+DisableExplicitGC',
    '-Djdk.nio.maxCachedBufferSize=1024',
    '-Dio.netty.tryReflectionSetAccessible=true',
    '--add-opens=java.base/java.nio=ALL-UNNAMED',
    '--add-opens=java.base/java.io=ALL-UNNAMED',
    '--add-opens=java.base/sun.nio.ch=ALL-UNNAMED',
    '-cp',
    `${lib}/*`,
    ENTRY_POINT,
    `--home-dir=${settings.dir}`,
    `--config-dir=${path.join(settings.dir, 'conf')}`,
  ];
}

function setInitialPassword(settings: InstanceSettings, lib: string, password: string): void {
  if (fs.existsSync(path.join(settings.dir, 'data', 'dbms', 'auth.ini'))) return;
  const result = spawnSync(
    'java',
    ['-cp', `${lib}/*`, 'org.neo4j.cli.AdminTool', 'dbms', 'set-initial-password', password],
    {
      env: { ...process.env, NEO4J_HOME: settings.dir, NEO4J_CONF: path.join(settings.dir, 'conf') },
      encoding: 'utf8',
      timeout: 120_000,
    },
  );
  if (result.status !== 0) {
    throw new Error(`neo4j-admin set-initial-password failed:\n${result.stdout}${result.stderr}`);
  }
}

async function waitForBolt(
  uri: string,
  user: string,
  password: string,
  timeoutMs: number,
  alive: () => boolean,
  logFile: string,
): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const version = await probeBolt(uri, user, password);
    if (version) return version;
    if (!alive()) {
      throw new Error(`Neo4j exited during start-up. Last lines of ${logFile}:\n${tail(logFile)}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(
    `Neo4j did not answer on ${uri} within ${timeoutMs / 1000} s. Last lines of ${logFile}:\n${tail(logFile)}`,
  );
}

function compose(args: string[]): void {
  const result = spawnSync('docker', ['compose', ...args], { cwd: projectRoot(), stdio: 'inherit' });
  if (result.status !== 0) throw new Error(`docker compose ${args.join(' ')} failed`);
}

export async function startNeo4j(name: InstanceName, log: Log = console.error): Promise<Neo4jTarget> {
  const settings = instanceSettings(name);
  const { user, password } = credentials();
  const timeoutMs = Number(process.env.NEO4J_START_TIMEOUT_MS || 180_000);

  if (settings.envUri) {
    const version = await probeBolt(settings.envUri, user, password);
    if (!version) {
      throw new Error(
        `Neo4j does not answer at ${settings.envUri} (from ${name === 'test' ? 'NEO4J_TEST_URI' : 'NEO4J_URI'}). ` +
          'Start that server, or unset the variable to let `npm run neo4j:start` launch one.',
      );
    }
    return { uri: settings.envUri, user, password, via: 'env', reused: true, version };
  }

  const uri = `bolt://127.0.0.1:${settings.boltPort}`;
  const existingPid = runningPid(settings);
  if (existingPid) {
    if (configIsStale(settings)) {
      log(
        `Neo4j (${name}, pid ${existingPid}) runs with an older neo4j.conf; restart it to apply the new one: ` +
          `npm run neo4j:stop -- --instance ${name} && npm run neo4j:start -- --instance ${name}`,
      );
    }
    const version = await waitForBolt(
      uri,
      user,
      password,
      timeoutMs,
      () => runningPid(settings) !== null,
      consoleLog(settings),
    );
    return { uri, user, password, via: 'maven', reused: true, version };
  }

  const foreign = await probeBolt(uri, user, password);
  if (foreign) {
    log(`Neo4j already answers on ${uri} (not started by this launcher); using it.`);
    return { uri, user, password, via: 'env', reused: true, version: foreign };
  }

  if (settings.name !== 'faults' && dockerEngineAnswers()) {
    log(`Starting Neo4j with docker compose (service ${settings.composeService})...`);
    compose(['up', '-d', '--wait', settings.composeService]);
    const version = await waitForBolt(uri, user, password, timeoutMs, () => true, 'docker compose logs');
    return { uri, user, password, via: 'docker', reused: false, version };
  }

  const lib = await ensureRuntime(log);
  writeConfig(settings);
  setInitialPassword(settings, lib, password);
  const logFile = consoleLog(settings);
  const out = fs.openSync(logFile, 'a');
  const child = spawn('java', javaArgs(settings, lib), {
    cwd: settings.dir,
    detached: true,
    stdio: ['ignore', out, out],
  });
  fs.closeSync(out);
  if (!child.pid) throw new Error('Could not start java: is Java 17 on the PATH?');
  fs.writeFileSync(pidFile(settings), String(child.pid));
  child.unref();
  let exited = false;
  child.on('exit', () => (exited = true));
  log(`Starting Neo4j ${NEO4J_VERSION} (${name}, pid ${child.pid}, Bolt ${uri}, log ${logFile})...`);
  const started = Date.now();
  const version = await waitForBolt(uri, user, password, timeoutMs, () => !exited, logFile);
  log(
    `Neo4j answered after ${((Date.now() - started) / 1000).toFixed(1)} s. Browser: http://127.0.0.1:${settings.httpPort}/browser/`,
  );
  return { uri, user, password, via: 'maven', reused: false, version };
}

/**
 * The pid of the instance's Neo4j JVM when this launcher started it and it is running (benchmarks
 * read its CPU time); null otherwise, e.g. for a server from Docker or NEO4J_URI.
 */
export function neo4jPid(name: InstanceName): number | null {
  return runningPid(instanceSettings(name));
}

export async function stopNeo4j(name: InstanceName, log: Log = console.error): Promise<boolean> {
  const settings = instanceSettings(name);
  const pid = runningPid(settings);
  if (!pid) {
    fs.rmSync(pidFile(settings), { force: true });
    if (!settings.envUri && settings.name !== 'faults' && dockerEngineAnswers()) {
      compose(['stop', settings.composeService]);
      return true;
    }
    log(`No Neo4j started by this launcher is running (${name}).`);
    return false;
  }
  process.kill(pid, 'SIGTERM');
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline && runningPid(settings) === pid) {
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  if (runningPid(settings) === pid) {
    log(`Neo4j (pid ${pid}) did not stop within 60 s; killing it.`);
    process.kill(pid, 'SIGKILL');
  }
  fs.rmSync(pidFile(settings), { force: true });
  log(`Stopped Neo4j (${name}, pid ${pid}).`);
  return true;
}

export interface Neo4jStatus {
  instance: InstanceName;
  uri: string;
  answering: boolean;
  version: string | null;
  pid: number | null;
}

export async function neo4jStatus(name: InstanceName): Promise<Neo4jStatus> {
  const settings = instanceSettings(name);
  const { uri, user, password } = targetFor(name);
  const version = await probeBolt(uri, user, password);
  return { instance: name, uri, answering: version !== null, version, pid: runningPid(settings) };
}
