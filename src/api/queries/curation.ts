import { int, type Db } from '../db';
import { ENTITY_LABELS, entityProjection, type EntityLabel, type EntityNode } from './fragments';

/**
 * Curation: the API's only writes. Each mutation changes the graph and records a `(:Curation)`
 * node (who, when, what) in the same transaction; the importer reads those nodes and applies them
 * to every article it imports later (src/import/resolve/curations.ts), so a re-import keeps them.
 * Labels and relationship types come from the fixed lists here, never from input.
 */

export type CurationAction = 'MERGE' | 'RENAME' | 'SPLIT_ALIAS' | 'REJECT';

export interface CurationRow {
  id: string;
  action: CurationAction;
  kind: EntityLabel;
  name: string;
  target: string | null;
  alias: string | null;
  articleUrl: string | null;
  note: string | null;
  by: string;
  at: string;
}

const CURATION_PROJECTION = `c {.id, .action, .kind, .name, .target, .alias, .articleUrl, .note, .by, at: toString(c.at)}`;

export const RECORD_CURATION = `
CREATE (c:Curation {id: randomUUID(), action: $action, kind: $kind, name: $name, target: $target,
  alias: $alias, articleUrl: $articleUrl, note: $note, by: $by, at: datetime()})
RETURN ${CURATION_PROJECTION} AS curation`;

export const CURATIONS = `
MATCH (c:Curation)
WITH c ORDER BY c.at DESC, c.id LIMIT $limit
RETURN ${CURATION_PROJECTION} AS curation`;

function perLabel(build: (label: EntityLabel) => string[]): Record<EntityLabel, string[]> {
  return Object.fromEntries(ENTITY_LABELS.map((label) => [label, build(label)])) as Record<
    EntityLabel,
    string[]
  >;
}

/** Sorted distinct aliases of `n` from a list expression, without its own name; and the search text. */
function setAliases(n: string, list: string, scope: string[] = []): string {
  return `CALL (${[n, ...scope].join(', ')}) {
  UNWIND ${list} AS alias
  WITH DISTINCT alias WHERE alias IS NOT NULL AND alias <> ${n}.name
  ORDER BY alias
  RETURN collect(alias) AS aliases
}
SET ${n}.aliases = aliases, ${n}.aliasText = reduce(text = '', alias IN aliases | text + alias + ' ')`;
}

/**
 * What moves from a merged entity to the one it is merged into: each relationship type and
 * direction, the properties that tell two such relationships apart (a MERGE key), and how two
 * that meet combine.
 */
const MOVES: { type: string; out: boolean; key?: string; onMatch?: string }[] = [
  {
    type: 'MENTIONS',
    out: false,
    onMatch: 'ON MATCH SET s.count = coalesce(s.count, 0) + coalesce(r.count, 0)',
  },
  {
    type: 'HAS_TOPIC',
    out: false,
    onMatch: 'ON MATCH SET s.score = CASE WHEN r.score > s.score THEN r.score ELSE s.score END',
  },
  { type: 'AUTHORED', out: true },
  { type: 'CONTRIBUTED_TO', out: true },
  { type: 'TRANSLATED', out: true },
  { type: 'QUOTED_AS_EXPERT', out: true },
  { type: 'SAID', out: true },
  { type: 'AFFILIATED_WITH', out: true, key: '{article: r.article}' },
  { type: 'AFFILIATED_WITH', out: false, key: '{article: r.article}' },
  { type: 'PHOTOGRAPHED_BY', out: false },
  { type: 'CREDITED_TO', out: false },
  { type: 'ALIAS_OF', out: false },
];

/** Merge `$fromKey` into `$intoKey` (same label): every relationship moves, names become aliases. */
export const MERGE_ENTITIES = perLabel((label) => [
  ...MOVES.map(({ type, out, key, onMatch }) => {
    const pattern = out ? `(a)-[r:${type}]->(x)` : `(a)<-[r:${type}]-(x)`;
    const merge = out ? `(b)-[s:${type} ${key ?? ''}]->(x)` : `(b)<-[s:${type} ${key ?? ''}]-(x)`;
    return `MATCH (a:${label} {key: $fromKey}), (b:${label} {key: $intoKey})
MATCH ${pattern} WHERE x <> b
MERGE ${merge}
ON CREATE SET s = properties(r) ${onMatch ?? ''}
DELETE r`;
  }),
  `MATCH (a:${label} {key: $fromKey}), (b:${label} {key: $intoKey})
${setAliases('b', 'coalesce(b.aliases, []) + [a.name] + coalesce(a.aliases, [])', ['a'])}
WITH a, b
DETACH DELETE a
WITH b
SET b.articleCount = CASE WHEN b:Topic THEN COUNT { (b)<-[:HAS_TOPIC]-() } ELSE b.articleCount END
RETURN ${entityProjection('b')} AS entity`,
]);

/** A new display name (and key); the old name stays an alias, so lookups by it still work. */
export const RENAME_ENTITY = perLabel((label) => [
  `MATCH (n:${label} {key: $key})
WITH n, n.name AS old
SET n.key = $newKey, n.name = $newName
WITH n, old
${setAliases('n', 'coalesce(n.aliases, []) + [old]', ['old'])}
WITH n
MERGE (al:Alias {key: $newKey})
ON CREATE SET al.name = $newName
MERGE (al)-[:ALIAS_OF]->(n)
RETURN ${entityProjection('n')} AS entity`,
]);

/** `$aliases` (the entity's aliases that fold to `$aliasKey`) are no longer names of the entity. */
export const SPLIT_ALIAS = perLabel((label) => [
  `MATCH (n:${label} {key: $key})
${setAliases('n', '[alias IN coalesce(n.aliases, []) WHERE NOT alias IN $aliases]')}
WITH n
OPTIONAL MATCH (al:Alias {key: $aliasKey})-[r:ALIAS_OF]->(n)
DELETE r
WITH n, al
CALL (al) {
  WITH al WHERE al IS NOT NULL AND NOT EXISTS { (al)-[:ALIAS_OF]->() }
  DELETE al
}
RETURN ${entityProjection('n')} AS entity`,
]);

/** The entity was wrongly extracted from one article: its facts from that article go. */
export const REJECT_IN_ARTICLE = perLabel((label) => [
  `MATCH (:Article {url: $url})-[r:MENTIONS|HAS_TOPIC]->(:${label} {key: $key}) DELETE r`,
  `MATCH (:${label} {key: $key})-[r:AUTHORED|CONTRIBUTED_TO|TRANSLATED|QUOTED_AS_EXPERT]->(:Article {url: $url}) DELETE r`,
  `MATCH (:${label} {key: $key})-[r:AFFILIATED_WITH {article: $url}]-() DELETE r`,
  `MATCH (:${label} {key: $key})-[:SAID]->(q:Quote)-[:QUOTED_IN]->(:Article {url: $url}) DETACH DELETE q`,
  `MATCH (n:${label} {key: $key}) RETURN ${entityProjection('n')} AS entity`,
]);

/** The entity is no entity at all: it goes, with its quotes and the names only it had. */
export const REJECT_EVERYWHERE = perLabel((label) => [
  `MATCH (:${label} {key: $key})-[:SAID]->(q:Quote) DETACH DELETE q`,
  `MATCH (al:Alias)-[:ALIAS_OF]->(:${label} {key: $key})
   WHERE COUNT { (al)-[:ALIAS_OF]->() } = 1
   DETACH DELETE al`,
  `MATCH (n:${label} {key: $key}) DETACH DELETE n RETURN null AS entity`,
]);

const ENTITY_EXISTS = perLabel((label) => [`MATCH (n:${label} {key: $key}) RETURN count(n) > 0 AS exists`]);

export async function entityExists(db: Db, label: EntityLabel, key: string): Promise<boolean> {
  const [row] = await db.read<{ exists: boolean }>(ENTITY_EXISTS[label][0], { key });
  return row?.exists ?? false;
}

export interface CurationResult {
  curation: CurationRow;
  entity: EntityNode | null;
}

/** Runs a change and its record in one transaction. */
export async function curate(
  db: Db,
  statements: readonly string[],
  params: Record<string, unknown>,
  record: Omit<CurationRow, 'id' | 'at'>,
): Promise<CurationResult> {
  const results = await db.write<{ entity?: EntityNode | null; curation?: CurationRow }>([
    ...statements.map((query) => ({ query, params })),
    { query: RECORD_CURATION, params: record },
  ]);
  const changed = results.at(-2) ?? [];
  return { curation: results.at(-1)![0].curation!, entity: changed[0]?.entity ?? null };
}

export async function curations(db: Db, limit: number): Promise<CurationRow[]> {
  return (await db.read<{ curation: CurationRow }>(CURATIONS, { limit: int(limit) })).map((r) => r.curation);
}
