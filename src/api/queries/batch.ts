import type { Db } from '../db';

export interface Keyed<V> {
  key: string;
  value: V;
}

/**
 * Runs a batch query (`UNWIND $keys AS key ... RETURN key, value`) and lines the values up
 * with the keys, as DataLoader needs; keys without a row get `missing`.
 */
export async function byKey<V>(
  db: Db,
  query: string,
  keys: readonly string[],
  missing: V,
  params: Record<string, unknown> = {},
): Promise<V[]> {
  const rows = await db.read<Keyed<V>>(query, { ...params, keys: [...keys] });
  const values = new Map(rows.map((row) => [row.key, row.value]));
  return keys.map((key) => (values.has(key) ? values.get(key)! : missing));
}
