import fs from 'node:fs';
import path from 'node:path';
import type { Driver } from 'neo4j-driver';
import pino from 'pino';
import { startApiServer, type ApiServer } from '../../src/api/server';
import { importPaths } from '../../src/import/pipeline';
import { TEST_DATABASE } from '../support/neo4j';

export const ROOT = path.resolve(__dirname, '..', '..');
export const SEED = path.join(ROOT, 'seeds', '000_bd3ada4a43040598.txt');
/** Corpus articles that link to each other and to the seed (copied from /work/shared/corpus/nyt-cn). */
export const CORPUS_FIXTURES = path.join(__dirname, 'fixtures', 'corpus');

export const SEED_URL = 'https://cn.nytimes.com/world/20240520/putin-xi-china-russia';
export const MACRON_URL = 'https://cn.nytimes.com/world/20240507/xi-macron-europe-trade-war';
export const TARIFFS_URL = 'https://cn.nytimes.com/business/20240515/biden-china-tariffs';

/** Imports the seed and the corpus fixtures through the real importer (parse, extract, resolve, write). */
export async function loadTestGraph(driver: Driver): Promise<void> {
  const files = fs.readdirSync(CORPUS_FIXTURES).map((name) => path.join(CORPUS_FIXTURES, name));
  const summary = await importPaths([SEED, ...files], { driver, database: TEST_DATABASE });
  if (summary.errors.length > 0) throw new Error(`import failed: ${JSON.stringify(summary.errors)}`);
}

// Responses are checked field by field in the tests, so their data is loosely typed on purpose.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Data = Record<string, any>;

export interface GraphQLResponse<T = Data> {
  status: number;
  headers: Headers;
  data?: T;
  errors?: { message: string; path?: string[]; extensions?: Record<string, unknown> }[];
}

export interface TestApi {
  url: string;
  server: ApiServer;
  gql<T = Data>(query: string, variables?: Record<string, unknown>): Promise<GraphQLResponse<T>>;
}

/** A real API server on a random port, over HTTP, with a silent logger unless one is given. */
export async function startTestApi(
  driver: Driver,
  options: { nodeEnv?: string; logger?: pino.Logger; apiKeys?: string; readRequiresKey?: boolean } = {},
): Promise<TestApi> {
  const server = await startApiServer({
    driver,
    database: TEST_DATABASE,
    port: 0,
    host: '127.0.0.1',
    nodeEnv: options.nodeEnv ?? 'development',
    logger: options.logger ?? pino({ level: 'silent' }),
    apiKeys: options.apiKeys ?? '',
    readRequiresKey: options.readRequiresKey ?? false,
  });
  return {
    url: server.url,
    server,
    async gql(query, variables) {
      const response = await fetch(server.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query, variables }),
      });
      const body = (await response.json()) as Omit<GraphQLResponse, 'status' | 'headers'>;
      return { status: response.status, headers: response.headers, ...body } as never;
    },
  };
}

/**
 * The real driver, with its query entry points counted: every executeQuery and every
 * transaction run through a session is one round trip to the server.
 */
export function countingDriver(driver: Driver): { driver: Driver; count(): number; reset(): void } {
  let count = 0;
  const proxy = new Proxy(driver, {
    get(target, property, receiver) {
      const value = Reflect.get(target, property, receiver);
      if (property === 'executeQuery') {
        return (...args: unknown[]) => {
          count += 1;
          return (value as (...a: unknown[]) => unknown).apply(target, args);
        };
      }
      if (property === 'session') {
        return (...args: unknown[]) => {
          const session = (value as (...a: unknown[]) => object).apply(target, args);
          return new Proxy(session, {
            get(s, p, r) {
              const member = Reflect.get(s, p, r);
              if (p === 'run' || p === 'executeRead' || p === 'executeWrite') {
                return (...a: unknown[]) => {
                  count += 1;
                  return (member as (...x: unknown[]) => unknown).apply(s, a);
                };
              }
              return typeof member === 'function' ? member.bind(s) : member;
            },
          });
        };
      }
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
  return {
    driver: proxy,
    count: () => count,
    reset: () => {
      count = 0;
    },
  };
}
