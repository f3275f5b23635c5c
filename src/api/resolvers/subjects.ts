import { GraphQLDateTime } from 'graphql-scalars';
import { Arg, Args, Ctx, Query, Resolver } from 'type-graphql';
import { ConnectionArgs, dateRange, nameKey, pageSize } from '../args';
import type { ApiContext } from '../context';
import { badInput } from '../errors';
import type { EntityLabel } from '../queries/fragments';
import { subjectByName, subjects, type SubjectCursor } from '../queries/subjects';
import { Entity, EntityKind, SubjectConnection } from '../types/graph';

function encodeSubjectCursor(cursor: SubjectCursor): string {
  return Buffer.from(JSON.stringify([cursor.count, cursor.kind, cursor.key])).toString('base64url');
}

function decodeSubjectCursor(after: string | null | undefined): SubjectCursor | null {
  if (after === null || after === undefined) return null;
  try {
    const value: unknown = JSON.parse(Buffer.from(after, 'base64url').toString('utf8'));
    if (
      Array.isArray(value) &&
      Number.isInteger(value[0]) &&
      typeof value[1] === 'string' &&
      typeof value[2] === 'string'
    ) {
      return { count: value[0] as number, kind: value[1], key: value[2] };
    }
  } catch {
    // Falls through to the error below.
  }
  throw badInput('after is not a cursor returned by subjects (use pageInfo.endCursor).', 'after');
}

@Resolver()
export class SubjectResolver {
  @Query(() => SubjectConnection, {
    description:
      'What the graph knows about: people, organizations, places and topics, most imported articles ' +
      'first. `kind` keeps one kind; `from`/`to` count only the articles published in that window.',
  })
  async subjects(
    @Arg('kind', () => EntityKind, { nullable: true }) kind: EntityKind | null,
    @Arg('from', () => GraphQLDateTime, { nullable: true }) from: Date | null,
    @Arg('to', () => GraphQLDateTime, { nullable: true }) to: Date | null,
    @Args(() => ConnectionArgs) args: ConnectionArgs,
    @Ctx() ctx: ApiContext,
  ) {
    const size = pageSize(args.first);
    const after = decodeSubjectCursor(args.after);
    const rows = await subjects(
      ctx.db,
      { kind: (kind as EntityLabel | null) ?? null, ...dateRange(from, to) },
      { limit: size + 1, after },
    );
    const edges = rows.slice(0, size).map((row) => ({
      cursor: encodeSubjectCursor({ count: row.articleCount, kind: row.entity.kind, key: row.entity.key }),
      articleCount: row.articleCount,
      node: row.entity,
    }));
    return {
      edges,
      pageInfo: {
        hasNextPage: rows.length > size,
        hasPreviousPage: after !== null,
        startCursor: edges[0]?.cursor ?? null,
        endCursor: edges.at(-1)?.cursor ?? null,
      },
    };
  }

  @Query(() => Entity, {
    nullable: true,
    description:
      'A person, organization, place or topic by any name or alias, whatever its kind (`__typename` ' +
      'says which); of several with that name, the one with the most articles.',
  })
  subject(@Arg('name', () => String) name: string, @Ctx() ctx: ApiContext) {
    return subjectByName(ctx.db, nameKey(name));
  }
}
