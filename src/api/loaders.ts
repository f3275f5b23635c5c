import DataLoader from 'dataloader';
import type { Db } from './db';

export type BatchFn<V> = (db: Db, keys: readonly string[]) => Promise<V[]>;

/**
 * Per-request DataLoaders, one per batch query and argument set, created on first use. All
 * siblings that ask for the same field with the same arguments share one round trip, so a
 * request makes a bounded number of queries however many rows it returns.
 */
export class Loaders {
  private readonly loaders = new Map<string, DataLoader<string, unknown>>();

  constructor(private readonly db: Db) {}

  /** `name` must identify the batch function and every argument it closes over. */
  load<V>(name: string, key: string, batch: BatchFn<V>): Promise<V> {
    return this.loader(name, batch).load(key) as Promise<V>;
  }

  /**
   * A value a parent's query already fetched (look-ahead), so the field's `load` with the same
   * name and key makes no round trip. The value must be exactly what the batch would return.
   */
  prime<V>(name: string, key: string, value: V, batch: BatchFn<V>): void {
    this.loader(name, batch).prime(key, value);
  }

  private loader<V>(name: string, batch: BatchFn<V>): DataLoader<string, unknown> {
    let loader = this.loaders.get(name);
    if (!loader) {
      loader = new DataLoader<string, unknown>((keys) => batch(this.db, keys), { maxBatchSize: 1000 });
      this.loaders.set(name, loader);
    }
    return loader;
  }
}

export function createLoaders(db: Db): Loaders {
  return new Loaders(db);
}
