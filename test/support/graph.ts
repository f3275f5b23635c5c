import type { Driver } from 'neo4j-driver';
import { TEST_DATABASE } from './neo4j';

/**
 * The whole graph as sorted text lines (nodes with properties, relationships with properties and
 * endpoint keys), for comparing two graphs exactly. `source` is left out: it names the file a
 * copy came from, which differs between runs by design.
 */
export async function graphSnapshot(driver: Driver): Promise<string[]> {
  const nodes = await driver.executeQuery(
    'MATCH (n) RETURN labels(n) AS labels, properties(n) AS props',
    {},
    { database: TEST_DATABASE },
  );
  const rels = await driver.executeQuery(
    `MATCH (a)-[r]->(b)
     RETURN type(r) AS type, properties(r) AS props,
            coalesce(a.url, a.key) AS from, coalesce(b.url, b.key) AS to`,
    {},
    { database: TEST_DATABASE },
  );
  const stable = (props: Record<string, unknown>) => {
    const { source: _source, ...rest } = props;
    return JSON.stringify(Object.entries(rest).sort(([x], [y]) => x.localeCompare(y)));
  };
  return [
    ...nodes.records.map((r) => `${(r.get('labels') as string[]).join(':')} ${stable(r.get('props'))}`),
    ...rels.records.map(
      (r) => `${r.get('from')} -${r.get('type')} ${stable(r.get('props'))}-> ${r.get('to')}`,
    ),
  ].sort();
}

export async function countOf(
  driver: Driver,
  cypher: string,
  params: Record<string, unknown> = {},
): Promise<number> {
  const result = await driver.executeQuery(cypher, params, { database: TEST_DATABASE });
  return Number(result.records[0].get(0));
}
