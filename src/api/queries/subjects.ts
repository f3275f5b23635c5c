import { int, type Db } from '../db';
import {
  ENTITY_ARTICLE_RELS,
  ENTITY_LABELS,
  entityProjection,
  type EntityLabel,
  type EntityNode,
} from './fragments';

/**
 * What the graph knows about: every person, organization, place and topic, ranked by the imported
 * articles about it. `n.articleCount` is stored by the importer's finalize step and indexed per
 * label, so the usual list (no time window) is an index-ordered scan per kind that stops after
 * one page. With a time window the counts are computed from the articles published in it
 * (found through the publishedAt index), so the cost grows with the window, not the graph.
 *
 * Order: articles descending, then kind, then key; the cursor is that triple.
 */

export interface SubjectCursor {
  count: number;
  kind: string;
  key: string;
}

export interface SubjectRow {
  entity: EntityNode;
  articleCount: number;
}

/** Rows after the cursor in the order above; `count`, `kind`, `key` name the row's values. */
const AFTER = (count: string, kind: string, key: string) => `($after IS NULL
    OR ${count} < $after.count
    OR (${count} = $after.count AND (${kind} > $after.kind OR (${kind} = $after.kind AND ${key} > $after.key))))`;

function storedBranch(label: EntityLabel): string {
  return `
  MATCH (n:${label})
  WHERE ($kind IS NULL OR $kind = '${label}')
    AND n.articleCount > 0 AND n.articleCount <= $maxCount
    AND ${AFTER('n.articleCount', `'${label}'`, 'n.key')}
  WITH n ORDER BY n.articleCount DESC, n.key LIMIT $limit
  RETURN n, '${label}' AS kind, n.articleCount AS articleCount`;
}

/** The list from the stored counts: one bounded, index-ordered branch per kind. */
export const SUBJECTS_STORED = `
CALL () {${ENTITY_LABELS.map(storedBranch).join('\n  UNION')}
}
WITH n, kind, articleCount
ORDER BY articleCount DESC, kind, n.key
LIMIT $limit
RETURN ${entityProjection('n')} AS entity, articleCount`;

/**
 * The list for a time window, counted live. publishedAt strings carry their source's offset, so
 * the index range is widened by a day on each side and the exact bound is checked on datetime().
 */
export const SUBJECTS_IN_WINDOW = `
MATCH (a:Article)
WHERE a.publishedAt >= $looseFrom AND a.publishedAt <= $looseTo AND a.imported = true
  AND ($from IS NULL OR datetime(a.publishedAt) >= datetime($from))
  AND ($to IS NULL OR datetime(a.publishedAt) <= datetime($to))
MATCH (a)-[:${ENTITY_ARTICLE_RELS}]-(n:Person|Organization|Place|Topic)
WITH n, [l IN labels(n) WHERE l IN ['Person', 'Organization', 'Place', 'Topic']][0] AS kind, a
WHERE $kind IS NULL OR kind = $kind
WITH n, kind, count(DISTINCT a) AS articleCount
WHERE ${AFTER('articleCount', 'kind', 'n.key')}
ORDER BY articleCount DESC, kind, n.key
LIMIT $limit
RETURN ${entityProjection('n')} AS entity, articleCount`;

/**
 * One subject by any name or alias, whatever its kind: of several (乌克兰 the place and a topic of
 * the same name), the one with the most articles.
 */
export const SUBJECT_BY_NAME = `
CALL () {
  MATCH (:Alias {key: $key})-[:ALIAS_OF]->(n:Person|Organization|Place|Topic) RETURN n
  UNION
  MATCH (n:Topic {key: $key}) RETURN n
}
WITH n, coalesce(n.articleCount, 0) AS articles, COUNT { (n)--() } AS degree
ORDER BY articles DESC, degree DESC, n.key
LIMIT 1
RETURN ${entityProjection('n')} AS entity`;

export interface SubjectFilter {
  kind: EntityLabel | null;
  from: string | null;
  to: string | null;
}

const DAY_MS = 24 * 3600 * 1000;

export async function subjects(
  db: Db,
  filter: SubjectFilter,
  page: { limit: number; after: SubjectCursor | null },
): Promise<SubjectRow[]> {
  const after = page.after ? { ...page.after, count: int(page.after.count) } : null;
  const params = { kind: filter.kind, limit: int(page.limit), after };
  if (filter.from === null && filter.to === null) {
    return db.read<SubjectRow>(SUBJECTS_STORED, {
      ...params,
      maxCount: after ? after.count : int(2 ** 31 - 1),
    });
  }
  const loose = (iso: string | null, shift: number, fallback: string) =>
    iso === null ? fallback : new Date(Date.parse(iso) + shift).toISOString().slice(0, 19);
  return db.read<SubjectRow>(SUBJECTS_IN_WINDOW, {
    ...params,
    from: filter.from,
    to: filter.to,
    looseFrom: loose(filter.from, -DAY_MS, ''),
    looseTo: loose(filter.to, DAY_MS, '\uffff'),
  });
}

export async function subjectByName(db: Db, key: string): Promise<EntityNode | null> {
  const [row] = await db.read<{ entity: EntityNode }>(SUBJECT_BY_NAME, { key });
  return row?.entity ?? null;
}
