import type { Db } from './db';

export interface Loaders {
  db: Db;
}

export function createLoaders(db: Db): Loaders {
  return { db };
}
