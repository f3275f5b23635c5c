import neo4j, { type Driver } from 'neo4j-driver';
import type { Config } from '../config';
import { installTcpNoDelay } from './nodelay';

export interface Neo4jConnection {
  uri: string;
  user: string;
  password: string;
}

/**
 * How long the driver waits before it gives up, so that a dead or hung server ends an import with
 * an error instead of a hang: opening a socket, getting a connection from the pool, and retrying
 * a managed transaction (`executeRead`/`executeWrite`) after transient errors.
 */
export interface DriverTimeouts {
  connectionTimeoutMs: number;
  connectionAcquisitionTimeoutMs: number;
  maxTransactionRetryTimeMs: number;
}

export function driverTimeoutsFromEnv(env: NodeJS.ProcessEnv = process.env): DriverTimeouts {
  const ms = (name: string, fallback: number): number => {
    const raw = env[name];
    if (raw === undefined || raw === '') return fallback;
    const value = Number(raw);
    if (!Number.isInteger(value) || value <= 0)
      throw new Error(`${name} must be a positive integer, got "${raw}"`);
    return value;
  };
  return {
    connectionTimeoutMs: ms('NEO4J_CONNECT_TIMEOUT_MS', 5_000),
    connectionAcquisitionTimeoutMs: ms('NEO4J_ACQUIRE_TIMEOUT_MS', 20_000),
    maxTransactionRetryTimeMs: ms('NEO4J_TX_RETRY_MS', 15_000),
  };
}

export function createDriver(
  connection: Neo4jConnection,
  options: { maxConnectionPoolSize?: number; timeouts?: DriverTimeouts } = {},
): Driver {
  // Before the first connection: without it every Bolt message over 1400 bytes waits ~40 ms.
  installTcpNoDelay();
  const timeouts = options.timeouts ?? driverTimeoutsFromEnv();
  return neo4j.driver(connection.uri, neo4j.auth.basic(connection.user, connection.password), {
    maxConnectionPoolSize: options.maxConnectionPoolSize ?? 50,
    connectionTimeout: timeouts.connectionTimeoutMs,
    connectionAcquisitionTimeout: timeouts.connectionAcquisitionTimeoutMs,
    maxTransactionRetryTime: timeouts.maxTransactionRetryTimeMs,
    disableLosslessIntegers: true,
    logging: { level: 'error', logger: (_level, message) => console.error(`neo4j-driver: ${message}`) },
  });
}

export function connectionFromConfig(config: Config): Neo4jConnection {
  return { uri: config.neo4jUri, user: config.neo4jUser, password: config.neo4jPassword };
}

/** A message that tells the user how to get a server when Neo4j cannot be reached. */
export function unreachableMessage(uri: string, cause: unknown): string {
  const reason = cause instanceof Error ? cause.message : String(cause);
  return (
    `Cannot reach Neo4j at ${uri}: ${reason}\n` +
    'Start it with `npm run neo4j:start` (Docker if available, otherwise a local server from Maven Central), ' +
    'or set NEO4J_URI, NEO4J_USER and NEO4J_PASSWORD to a running server.'
  );
}

/** Driver error codes that mean the server is gone or unreachable, not that a statement failed. */
const UNAVAILABLE_CODES = new Set([
  'ServiceUnavailable',
  'SessionExpired',
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
]);

export function isUnavailableError(error: unknown): boolean {
  if (error instanceof Neo4jUnavailableError) return true;
  const code = (error as { code?: unknown })?.code;
  if (typeof code === 'string' && UNAVAILABLE_CODES.has(code)) return true;
  const message = error instanceof Error ? error.message : String(error);
  return /Connection acquisition timed out|Failed to connect to server|ECONNREFUSED|connection (was )?(closed|lost|terminated)/i.test(
    message,
  );
}

/** True when the server answers within `timeoutMs`: a liveness check before blaming one article. */
export async function neo4jAnswers(driver: Driver, database: string, timeoutMs = 5_000): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<boolean>((resolve) => {
    timer = setTimeout(() => resolve(false), timeoutMs);
  });
  try {
    return await Promise.race([
      driver.verifyConnectivity({ database }).then(
        () => true,
        () => false,
      ),
      timeout,
    ]);
  } finally {
    clearTimeout(timer);
  }
}

/** The importer stops: the database went away (or never answered) in the middle of a run. */
export class Neo4jUnavailableError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'Neo4jUnavailableError';
  }
}
