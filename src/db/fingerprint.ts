import { createHash } from 'node:crypto';
import type { Driver } from 'neo4j-driver';

/**
 * The whole graph as sorted text lines: each node with its labels and properties, each
 * relationship with its type, properties and endpoint keys (`url` or `key`). Two graphs are the
 * same when their lines are. `source` is left out: it names the file a copy came from, which
 * differs between runs by design. Used by the order-independence tests and the fault benchmark.
 */
async function nodeAndRelationshipLines(
  driver: Driver,
  database: string,
): Promise<{ nodes: string[]; relationships: string[] }> {
  const nodes = await driver.executeQuery(
    'MATCH (n) RETURN labels(n) AS labels, properties(n) AS props',
    {},
    { database },
  );
  const rels = await driver.executeQuery(
    `MATCH (a)-[r]->(b)
     RETURN type(r) AS type, properties(r) AS props,
            coalesce(a.url, a.key) AS from, coalesce(b.url, b.key) AS to`,
    {},
    { database },
  );
  const stable = (props: Record<string, unknown>) => {
    const { source: _source, ...rest } = props;
    return JSON.stringify(Object.entries(rest).sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0)));
  };
  return {
    nodes: nodes.records.map(
      (r) => `${[...(r.get('labels') as string[])].sort().join(':')} ${stable(r.get('props'))}`,
    ),
    relationships: rels.records.map(
      (r) => `${r.get('from')} -${r.get('type')} ${stable(r.get('props'))}-> ${r.get('to')}`,
    ),
  };
}

export async function graphLines(driver: Driver, database: string): Promise<string[]> {
  const { nodes, relationships } = await nodeAndRelationshipLines(driver, database);
  return [...nodes, ...relationships].sort();
}

export interface GraphFingerprint {
  nodes: number;
  relationships: number;
  /** sha256 over the sorted lines of graphLines. */
  hash: string;
}

export async function graphFingerprint(driver: Driver, database: string): Promise<GraphFingerprint> {
  const { nodes, relationships } = await nodeAndRelationshipLines(driver, database);
  const lines = [...nodes, ...relationships].sort();
  return {
    nodes: nodes.length,
    relationships: relationships.length,
    hash: createHash('sha256').update(lines.join('\n')).digest('hex'),
  };
}
