import { ArgsType, Field, Int } from 'type-graphql';
import { entityKey } from '../graph/keys';
import { badInput } from './errors';
import { LIMITS } from '../graph/limits';
import type { ArticlePage, PageArgs } from './queries/fragments';

/*
 * Argument checks shared by the resolvers: every bad argument becomes BAD_USER_INPUT with a
 * message that names the argument, before any Cypher runs.
 */

@ArgsType()
export class ConnectionArgs {
  @Field(() => Int, {
    nullable: true,
    defaultValue: LIMITS.defaultPageSize,
    description: `Page size, at most ${LIMITS.maxPageSize}.`,
  })
  first?: number | null;

  @Field(() => String, { nullable: true, description: 'endCursor of the previous page.' })
  after?: string | null;
}

export function pageSize(first: number | null | undefined, argument = 'first'): number {
  const value = first ?? LIMITS.defaultPageSize;
  if (!Number.isInteger(value) || value < 0 || value > LIMITS.maxPageSize) {
    throw badInput(`${argument} must be between 0 and ${LIMITS.maxPageSize}, got ${value}.`, argument);
  }
  return value;
}

export function encodeCursor(ms: number, url: string): string {
  return Buffer.from(JSON.stringify([ms, url])).toString('base64url');
}

export function decodeCursor(after: string | null | undefined): PageArgs['after'] {
  if (after === null || after === undefined) return null;
  try {
    const value: unknown = JSON.parse(Buffer.from(after, 'base64url').toString('utf8'));
    if (Array.isArray(value) && typeof value[0] === 'number' && typeof value[1] === 'string') {
      return { ms: value[0], url: value[1] };
    }
  } catch {
    // Falls through to the error below: the cursor is not one this API issued.
  }
  throw badInput('after is not a cursor returned by this API (use pageInfo.endCursor).', 'after');
}

export function pageArgs(args: ConnectionArgs): { size: number; page: PageArgs } {
  const size = pageSize(args.first);
  return { size, page: { limit: size + 1, after: decodeCursor(args.after) } };
}

/** One row more than the page was fetched: its presence is hasNextPage. */
export function toConnection(result: ArticlePage, size: number, after: string | null | undefined) {
  const rows = result.rows.slice(0, size);
  const edges = rows.map((row) => ({ cursor: encodeCursor(row.ms, row.article.url), node: row.article }));
  return {
    totalCount: result.totalCount,
    edges,
    pageInfo: {
      hasNextPage: result.rows.length > size,
      hasPreviousPage: Boolean(after),
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
  };
}

/** An entity name as a graph key; any name or alias in any language folds to its entity's keys. */
export function nameKey(name: string, argument = 'name'): string {
  const key = entityKey(name);
  if (key === '') throw badInput(`${argument} must not be empty.`, argument);
  if (key.length > 200) throw badInput(`${argument} is too long (at most 200 characters).`, argument);
  return key;
}

export function isoDate(value: Date | null | undefined, argument: string): string | null {
  if (value === null || value === undefined) return null;
  if (Number.isNaN(value.getTime())) throw badInput(`${argument} is not a valid date-time.`, argument);
  return value.toISOString();
}

export function dateRange(from: Date | null | undefined, to: Date | null | undefined) {
  const range = { from: isoDate(from, 'from'), to: isoDate(to, 'to') };
  if (from && to && from > to) throw badInput('from must not be later than to.', 'from');
  return range;
}
