import { GraphQLDateTime } from 'graphql-scalars';
import { Arg, Ctx, Int, Query, Resolver } from 'type-graphql';
import { dateRange, nameKey, pageSize } from '../args';
import type { ApiContext } from '../context';
import { articleCounts, coMentionedPairs, expertActivity, type PairKind } from '../queries/aggregations';
import { ArticleCountBy, ArticleFilter, CountBucket, EntityKind, EntityPair } from '../types/graph';
import { articleListFilter } from './query';

/** Counts for charts: thin resolvers over src/api/queries/aggregations.ts. */
@Resolver()
export class AggregationResolver {
  @Query(() => [CountBucket], {
    description:
      'How many articles (of those `where` selects, e.g. a time window) fall in each group: per month, ' +
      'section, language, topic, person, organization or place.',
  })
  articleCounts(
    @Arg('by', () => ArticleCountBy) by: ArticleCountBy,
    @Arg('where', () => ArticleFilter, { nullable: true }) where: ArticleFilter | null,
    @Arg('first', () => Int, { nullable: true, defaultValue: 20 }) first: number | null,
    @Ctx() ctx: ApiContext,
  ) {
    return articleCounts(ctx.db, by, articleListFilter(where ?? {}, 'where'), pageSize(first));
  }

  @Query(() => [CountBucket], {
    description:
      'An expert\u2019s activity over time: per month (YYYY-MM), the articles that quote the person (by any ' +
      'name or alias) as an expert.',
  })
  expertActivity(
    @Arg('name', () => String) name: string,
    @Arg('from', () => GraphQLDateTime, { nullable: true }) from: Date | null,
    @Arg('to', () => GraphQLDateTime, { nullable: true }) to: Date | null,
    @Ctx() ctx: ApiContext,
  ) {
    const range = dateRange(from, to);
    return expertActivity(ctx.db, nameKey(name), {
      fromMs: range.from === null ? null : Date.parse(range.from),
      toMs: range.to === null ? null : Date.parse(range.to),
    });
  }

  @Query(() => [EntityPair], {
    description:
      'The entities most often mentioned together, among the articles `where` selects (e.g. a time window); ' +
      '`kind` keeps pairs of one kind (people with people, ...).',
  })
  coMentionedPairs(
    @Arg('where', () => ArticleFilter, { nullable: true }) where: ArticleFilter | null,
    @Arg('kind', () => EntityKind, { nullable: true }) kind: EntityKind | null,
    @Arg('first', () => Int, { nullable: true, defaultValue: 10 }) first: number | null,
    @Ctx() ctx: ApiContext,
  ) {
    const pairKind: PairKind = kind === null || kind === EntityKind.TOPIC ? 'any' : kind;
    return coMentionedPairs(ctx.db, articleListFilter(where ?? {}, 'where'), pairKind, pageSize(first));
  }
}
