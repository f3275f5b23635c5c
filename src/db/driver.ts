import neo4j, { type Driver } from 'neo4j-driver';
import type { Config } from '../config';
import { installTcpNoDelay } from './nodelay';

export interface Neo4jConnection {
  uri: string;
  user: string;
  password: string;
}

export function createDriver(
  connection: Neo4jConnection,
  options: { maxConnectionPoolSize?: number } = {},
): Driver {
  // Before the first connection: without it every Bolt message over 1400 bytes waits ~40 ms.
  installTcpNoDelay();
  return neo4j.driver(connection.uri, neo4j.auth.basic(connection.user, connection.password), {
    maxConnectionPoolSize: options.maxConnectionPoolSize ?? 50,
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
