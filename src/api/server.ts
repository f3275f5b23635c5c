import fs from 'node:fs';
import { randomUUID } from 'node:crypto';
import { ApolloServer } from '@apollo/server';
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginLandingPageDisabled,
} from '@apollo/server/plugin/disabled';
import type { Driver } from 'neo4j-driver';
import pino, { type Logger } from 'pino';
import { GUIDE_PATH, renderGuide, STYLE_FILE, STYLE_PATH } from './browser-guide';
import { createContext, type ApiContext } from './context';
import { createDb } from './db';
import { LIMITS } from '../graph/limits';
import { authPlugin, callerFor, parseApiKeys } from './plugins/auth';
import { formatError } from './plugins/errors';
import { startHttpServer } from './http';
import { aliasLimitRule, costLimitPlugin, depthLimitRule, supportedOperationRule } from './plugins/limits';
import { loggingPlugin } from './plugins/logging';
import { playgroundPlugin } from './plugins/playground';
import { createSchema } from './schema';

export { createSchema } from './schema';

export interface ApiServerOptions {
  driver: Driver;
  database: string;
  port: number;
  /** Defaults to all interfaces, like any Node server; benchmarks pass 127.0.0.1. */
  host?: string;
  logLevel?: string;
  nodeEnv?: string;
  /** A logger to use instead of a new pino instance (tests pass a silent or capturing one). */
  logger?: Logger;
  /** Stack traces in error responses (development only; default: API_STACKTRACES=1 in the environment). */
  exposeStacktraces?: boolean;
  /** `name:key,...` as in NEWSGRAPH_API_KEYS (its default); curation mutations need one of them. */
  apiKeys?: string;
  /** Queries need a key too (default: NEWSGRAPH_READ_REQUIRES_KEY=true). */
  readRequiresKey?: boolean;
}

export interface ApiServer {
  /** The GraphQL endpoint, e.g. http://localhost:4000/graphql. */
  url: string;
  stop(): Promise<void>;
}

const REQUEST_ID = /^[\w.:-]{1,100}$/;

export async function startApiServer(options: ApiServerOptions): Promise<ApiServer> {
  const production = (options.nodeEnv ?? process.env.NODE_ENV) === 'production';
  const logger =
    options.logger ?? pino({ level: options.logLevel ?? 'info', base: { service: 'newsgraph-api' } });
  const apiKeys = parseApiKeys(options.apiKeys ?? process.env.NEWSGRAPH_API_KEYS);
  const readRequiresKey = options.readRequiresKey ?? process.env.NEWSGRAPH_READ_REQUIRES_KEY === 'true';
  const server = new ApolloServer<ApiContext>({
    schema: await createSchema(),
    validationRules: [
      supportedOperationRule,
      depthLimitRule(LIMITS.maxDepth),
      aliasLimitRule(LIMITS.maxAliases),
    ],
    // The parser stops at the first token over the limit: a huge query is refused before it is parsed whole.
    parseOptions: { maxTokens: LIMITS.maxTokens },
    plugins: [
      // We set no cache hints; the default cache-control plugin would still wrap every field.
      ApolloServerPluginCacheControlDisabled(),
      loggingPlugin(),
      authPlugin<ApiContext>({ apiKeys, readRequiresKey }),
      costLimitPlugin<ApiContext>(LIMITS.maxCost),
      // GraphiQL from our own node_modules (works offline); `?sandbox` for Apollo Sandbox from its CDN.
      production ? ApolloServerPluginLandingPageDisabled() : playgroundPlugin<ApiContext>(),
    ],
    formatError: formatError(production),
    // Stack traces carry absolute server paths: only on request, and never in production.
    includeStacktraceInErrorResponses:
      !production && (options.exposeStacktraces ?? ['1', 'true'].includes(process.env.API_STACKTRACES ?? '')),
    hideSchemaDetailsFromClientErrors: production,
    introspection: !production,
    // The CLI and the benchmark child stop the server on SIGINT/SIGTERM themselves; Apollo's own
    // handlers would re-raise the signal and end the process before their clean-up (closing the
    // driver, `npm start -- --stop-neo4j` stopping Neo4j) ran.
    stopOnTerminationSignals: false,
  });
  const { url } = await startHttpServer(server, {
    port: options.port,
    host: options.host,
    maxBodyBytes: LIMITS.maxBodyBytes,
    // Neo4j Browser fetches the guide and the style from its own origin (CORS is open on every route).
    routes: {
      [GUIDE_PATH]: (req) => ({
        type: 'text/html; charset=utf-8',
        body: renderGuide(`http://${req.headers.host ?? 'localhost'}`),
      }),
      [STYLE_PATH]: () => ({ type: 'text/plain; charset=utf-8', body: fs.readFileSync(STYLE_FILE, 'utf8') }),
    },
    onError: (error) => logger.error({ err: error }, 'HTTP request failed'),
    context: async ({ req, res }) => {
      // A caller's id (e.g. from a proxy) ties our log line to theirs; anything odd is replaced.
      const given = req.headers['x-request-id'];
      const requestId = typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
      res.setHeader('x-request-id', requestId);
      const caller = callerFor(req.headers, apiKeys);
      return createContext(createDb(options.driver, options.database), requestId, logger, caller);
    },
  });
  const endpoint = new URL('graphql', url).toString();
  logger.info({ url: endpoint, production }, 'GraphQL API listening');
  return {
    url: endpoint,
    async stop() {
      await server.stop();
    },
  };
}
