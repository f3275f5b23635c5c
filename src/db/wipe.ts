import neo4j, { type Driver } from 'neo4j-driver';

/**
 * Deletes every relationship and node of a database, for tests and benchmarks. Relationships go
 * first, in batches: detaching a hub such as 中国 (100k MENTIONS) in one inner transaction would
 * overflow the transaction memory pool. Nodes are still detached, in case another process added
 * relationships meanwhile. `CALL … IN TRANSACTIONS` needs an auto-commit transaction (session.run).
 */
export async function wipeDatabase(
  driver: Driver,
  database: string,
  rowsPerTransaction = 10000,
): Promise<void> {
  const session = driver.session({ database });
  try {
    const params = { rows: neo4j.int(rowsPerTransaction) };
    await session.run('MATCH ()-[r]->() CALL (r) { DELETE r } IN TRANSACTIONS OF $rows ROWS', params);
    await session.run('MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF $rows ROWS', params);
  } finally {
    await session.close();
  }
}
