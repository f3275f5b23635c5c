import 'dotenv/config';
import path from 'node:path';

/** Every setting comes from the environment; defaults are documented in README.md and .env.example. */
export interface Config {
  neo4jUri: string;
  /** True when the user set NEO4J_URI: then we use that server and never launch one. */
  neo4jUriFromEnv: boolean;
  neo4jUser: string;
  neo4jPassword: string;
  neo4jDatabase: string;
  port: number;
  logLevel: string;
  nodeEnv: string;
  /** Where the Maven-based launcher keeps Neo4j's jars, data, logs and pid file. */
  neo4jHome: string;
  neo4jBoltPort: number;
  neo4jHttpPort: number;
  importBatchSize: number;
  /** Longer article bodies are rejected before extraction. */
  maxArticleChars: number;
  /** Server-side timeout of each import write transaction. */
  importTxTimeoutMs: number;
}

function int(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number.parseInt(raw, 10);
  if (!Number.isFinite(value)) throw new Error(`${name} must be an integer, got "${raw}"`);
  return value;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const boltPort = int('NEO4J_BOLT_PORT', 7687);
  return {
    neo4jUri: env.NEO4J_URI || `bolt://127.0.0.1:${boltPort}`,
    neo4jUriFromEnv: Boolean(env.NEO4J_URI),
    neo4jUser: env.NEO4J_USER || 'neo4j',
    neo4jPassword: env.NEO4J_PASSWORD || 'newsgraph-dev',
    neo4jDatabase: env.NEO4J_DATABASE || 'neo4j',
    port: int('PORT', 4000),
    logLevel: env.LOG_LEVEL || 'info',
    nodeEnv: env.NODE_ENV || 'development',
    neo4jHome: path.resolve(env.NEO4J_HOME_DIR || path.join(__dirname, '..', '.neo4j')),
    neo4jBoltPort: boltPort,
    neo4jHttpPort: int('NEO4J_HTTP_PORT', 7474),
    importBatchSize: int('IMPORT_BATCH_SIZE', 250),
    maxArticleChars: int('MAX_ARTICLE_CHARS', 300_000),
    importTxTimeoutMs: int('IMPORT_TX_TIMEOUT_MS', 120_000),
  };
}
