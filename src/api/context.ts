import type { Logger } from 'pino';
import type { Db } from './db';
import { createLoaders, type Loaders } from './loaders';

/** Per request: the database handle, batching loaders (never shared across requests) and a log child. */
export interface ApiContext {
  db: Db;
  requestId: string;
  logger: Logger;
  loaders: Loaders;
}

export function createContext(db: Db, requestId: string, logger: Logger): ApiContext {
  return { db, requestId, logger, loaders: createLoaders(db) };
}
