import fs from 'node:fs';
import path from 'node:path';
import type { Driver } from 'neo4j-driver';

export const SCHEMA_FILE = path.resolve(__dirname, '..', '..', 'cypher', 'schema.cypher');

/** Splits a .cypher file into statements: `//` comment lines dropped, `;` at a line end ends one. */
export function splitCypher(text: string): string[] {
  const statements: string[] = [];
  let current: string[] = [];
  for (const line of text.split('\n')) {
    const trimmed = line.trim();
    if (trimmed === '' || trimmed.startsWith('//')) continue;
    current.push(line);
    if (trimmed.endsWith(';')) {
      statements.push(current.join('\n').trim().replace(/;$/, ''));
      current = [];
    }
  }
  if (current.length > 0) statements.push(current.join('\n').trim());
  return statements;
}

/**
 * Applies cypher/schema.cypher. Every statement is IF NOT EXISTS, so this is safe at every
 * start; it then waits for the indexes to come online so that the first queries can use them.
 */
export async function migrate(driver: Driver, database: string, file = SCHEMA_FILE): Promise<number> {
  const statements = splitCypher(fs.readFileSync(file, 'utf8'));
  const session = driver.session({ database });
  try {
    for (const statement of statements) await session.run(statement);
    await session.run('CALL db.awaitIndexes(300)');
  } finally {
    await session.close();
  }
  return statements.length;
}
