import type { Level, Logger } from 'pino';
import type { Db } from './db';
import { createLoaders, type Loaders } from './loaders';

/** Per request: the database handle, batching loaders (never shared across requests) and a log child. */
export interface ApiContext {
  db: Db;
  requestId: string;
  logger: Logger;
  /** Whether `logger` would write at this level, without making the request's child logger. */
  logs(level: Level): boolean;
  loaders: Loaders;
  /** Who presented a valid API key (plugins/auth.ts), or null: curations need one. */
  caller: string | null;
}

/**
 * `logger` is the request's child of `base`, made on first use: most requests log one line at
 * info, which a production level of warn or error drops, so the child is usually never needed.
 */
export function createContext(
  db: Db,
  requestId: string,
  base: Logger,
  caller: string | null = null,
): ApiContext {
  let logger: Logger | undefined;
  return {
    db,
    requestId,
    get logger() {
      logger ??= base.child({ requestId });
      return logger;
    },
    logs: (level) => base.isLevelEnabled(level),
    loaders: createLoaders(db),
    caller,
  };
}
