import { int, type Db } from '../db';
import { LIMITS } from '../../graph/limits';
import { articleProjection, entityProjection, type GraphNode } from './fragments';

/** What a path may walk: entity-article facts, affiliations and article links; never aliases. */
const PATH_RELS =
  'MENTIONS|HAS_TOPIC|AUTHORED|CONTRIBUTED_TO|TRANSLATED|QUOTED_AS_EXPERT|AFFILIATED_WITH|LINKS_TO|TRANSLATION_OF';

/**
 * The upper bound of a variable-length pattern must be a literal, so there is one fixed
 * statement per allowed hop count (1..max); the API validates maxHops before choosing one.
 */
function shortestPaths(maxHops: number): string {
  return `
MATCH (:Alias {key: $fromKey})-[:ALIAS_OF]->(source)
MATCH (:Alias {key: $toKey})-[:ALIAS_OF]->(target)
WHERE source <> target
MATCH p = allShortestPaths((source)-[:${PATH_RELS}*..${maxHops}]-(target))
// Parallel edges (one AFFILIATED_WITH per article) give the same walk many times: keep one.
WITH [n IN nodes(p) | elementId(n)] AS ids, head(collect(p)) AS p
ORDER BY length(p), ids
LIMIT $limit
RETURN
  [n IN nodes(p) | CASE WHEN n:Article THEN ${articleProjection('n')} ELSE ${entityProjection('n')} END] AS nodes,
  [i IN range(0, length(p) - 1) | {
    type: type(relationships(p)[i]),
    forward: startNode(relationships(p)[i]) = nodes(p)[i]
  }] AS steps`;
}

/** CONNECTION[h] finds shortest paths of at most h hops. */
export const CONNECTION: Readonly<Record<number, string>> = Object.fromEntries(
  Array.from({ length: LIMITS.maxHops }, (_, i) => [i + 1, shortestPaths(i + 1)]),
);

export interface PathRow {
  nodes: GraphNode[];
  steps: { type: string; forward: boolean }[];
}

export function shortestPathsBetween(
  db: Db,
  options: { fromKey: string; toKey: string; maxHops: number; limit: number },
): Promise<PathRow[]> {
  const query = CONNECTION[options.maxHops];
  if (!query) throw new Error(`no path query for ${options.maxHops} hops`);
  return db.read<PathRow>(query, {
    fromKey: options.fromKey,
    toKey: options.toKey,
    limit: int(options.limit),
  });
}
