import { int, type Db } from '../db';
import { articleProjection, entityProjection, type ArticleNode, type EntityNode } from './fragments';

/**
 * Full text over article titles and bodies and entity names and aliases. Both indexes use the
 * `cjk` analyzer (bigrams for Chinese, words for Latin text). Hits of both indexes are ranked
 * together by Lucene score; names are short fields, so an exact name match ranks near the top.
 */
export const SEARCH = `
CALL () {
  CALL db.index.fulltext.queryNodes('article_text', $query, {limit: $limit}) YIELD node, score
  WHERE node.imported
  RETURN node, score, 'ARTICLE' AS kind
  UNION ALL
  CALL db.index.fulltext.queryNodes('entity_names', $query, {limit: $limit}) YIELD node, score
  RETURN node, score, 'ENTITY' AS kind
}
WITH node, score, kind
ORDER BY score DESC
LIMIT $limit
RETURN score,
  CASE kind WHEN 'ARTICLE' THEN ${articleProjection('node')} END AS article,
  CASE kind WHEN 'ENTITY' THEN ${entityProjection('node')} END AS entity`;

export interface SearchRow {
  score: number;
  article: ArticleNode | null;
  entity: EntityNode | null;
}

const LUCENE_SPECIAL = /[+\-&|!(){}[\]^"~*?:\\/]/g;

/**
 * User text as a Lucene query that matches it literally: every whitespace-separated term is
 * a quoted phrase (so 乌克兰 must appear as written, not as any of its bigrams) and all terms
 * must match. Returns null when nothing searchable is left.
 */
export function luceneQuery(text: string): string | null {
  const terms = text
    .split(/\s+/)
    .map((term) => term.replace(LUCENE_SPECIAL, ' ').trim())
    .filter((term) => term.length > 0);
  if (terms.length === 0) return null;
  return terms.map((term) => `"${term}"`).join(' AND ');
}

export function search(db: Db, query: string, limit: number): Promise<SearchRow[]> {
  return db.read<SearchRow>(SEARCH, { query, limit: int(limit) });
}
