import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloServer } from '@apollo/server';
import { expressMiddleware } from '@as-integrations/express5';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginLandingPageDisabled,
} from '@apollo/server/plugin/disabled';
import { ApolloServerPluginLandingPageLocalDefault } from '@apollo/server/plugin/landingPage/default';
import cors from 'cors';
import express from 'express';
import type { Driver } from 'neo4j-driver';
import pino, { type Logger } from 'pino';
import { GUIDE_PATH, renderGuide, STYLE_FILE, STYLE_PATH } from './browser-guide';
import { createContext, type ApiContext } from './context';
import { createDb } from './db';
import { LIMITS } from './limits';
import { formatError } from './plugins/errors';
import { costLimitPlugin, depthLimitRule } from './plugins/limits';
import { loggingPlugin } from './plugins/logging';
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
  const app = express();
  const httpServer = http.createServer(app);
  const server = new ApolloServer<ApiContext>({
    schema: await createSchema(),
    validationRules: [depthLimitRule(LIMITS.maxDepth)],
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer }),
      // We set no cache hints; the default cache-control plugin would still wrap every field.
      ApolloServerPluginCacheControlDisabled(),
      loggingPlugin(),
      costLimitPlugin<ApiContext>(LIMITS.maxCost),
      production
        ? ApolloServerPluginLandingPageDisabled()
        : ApolloServerPluginLandingPageLocalDefault({ embed: true, includeCookies: false }),
    ],
    formatError: formatError(production),
    includeStacktraceInErrorResponses: !production,
    hideSchemaDetailsFromClientErrors: production,
    introspection: !production,
    // The CLI and the benchmark child stop the server on SIGINT/SIGTERM themselves; Apollo's own
    // handlers would re-raise the signal and end the process before their clean-up (closing the
    // driver, `npm start -- --stop-neo4j` stopping Neo4j) ran.
    stopOnTerminationSignals: false,
  });
  await server.start();
  app.disable('x-powered-by');
  // CORS on every route, as Apollo's standalone server does: Neo4j Browser fetches the guide and
  // the style from its own origin, and GraphQL clients may run on any.
  app.use(cors());
  app.get(GUIDE_PATH, (req, res) => {
    res.type('html').send(renderGuide(`${req.protocol}://${req.get('host') ?? 'localhost'}`));
  });
  app.get(STYLE_PATH, (_req, res) => {
    res.type('text/plain').send(fs.readFileSync(STYLE_FILE, 'utf8'));
  });
  // GraphQL on every other path (the README names /graphql), as before.
  app.use(
    express.json({ limit: '50mb' }),
    expressMiddleware(server, {
      context: async ({ req, res }) => {
        // A caller's id (e.g. from a proxy) ties our log line to theirs; anything odd is replaced.
        const given = req.headers['x-request-id'];
        const requestId = typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
        res.setHeader('x-request-id', requestId);
        return createContext(createDb(options.driver, options.database), requestId, logger);
      },
    }),
  );
  await new Promise<void>((resolve, reject) => {
    httpServer.once('error', reject);
    httpServer.listen({ port: options.port, host: options.host }, () => resolve());
  });
  const address = httpServer.address() as AddressInfo;
  const host =
    !options.host || address.address === '::' || address.address === '0.0.0.0'
      ? 'localhost'
      : address.family === 'IPv6'
        ? `[${address.address}]`
        : address.address;
  const url = `http://${host}:${address.port}/`;
  const endpoint = new URL('graphql', url).toString();
  logger.info({ url: endpoint, production }, 'GraphQL API listening');
  return {
    url: endpoint,
    async stop() {
      await server.stop();
    },
  };
}
