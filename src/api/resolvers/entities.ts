import { GraphQLDateTime } from 'graphql-scalars';
import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, FieldResolver, Info, Int, Resolver, Root } from 'type-graphql';
import { ConnectionArgs, dateRange, pageArgs, pageSize, toConnection } from '../args';
import type { ApiContext } from '../context';
import * as A from '../queries/articles';
import * as E from '../queries/entities';
import type { EntityLabel, EntityNode } from '../queries/fragments';
import {
  Affiliation,
  Article,
  ArticleConnection,
  CoMention,
  EntityKind,
  ExpertHit,
  Member,
  Organization,
  Person,
  Place,
  Quote,
  RelatedTopic,
  Topic,
} from '../types/graph';
import { expertHits } from './experts';

/*
 * Fields shared by several entity types. Loader names carry the label and every argument, so
 * siblings with equal arguments share one query.
 */

async function articles(ctx: ApiContext, label: EntityLabel, entity: EntityNode, args: ConnectionArgs) {
  const { size, page } = pageArgs(args);
  const name = `articles:${label}:${page.limit}:${JSON.stringify(page.after)}`;
  const result = await ctx.loaders.load(name, entity.key, (db, keys) =>
    E.entityArticles(db, label, keys, page),
  );
  return toConnection(result, size, args.after);
}

function coMentioned(
  ctx: ApiContext,
  label: EntityLabel,
  entity: EntityNode,
  first: number | null,
  kind: EntityKind | null,
) {
  const limit = pageSize(first);
  return ctx.loaders.load(`coMentioned:${label}:${limit}:${kind}`, entity.key, (db, keys) =>
    E.coMentioned(db, label, keys, { limit, kind: kind as EntityLabel | null }),
  );
}

function topics(ctx: ApiContext, label: EntityLabel, entity: EntityNode, first: number | null) {
  const limit = pageSize(first);
  return ctx.loaders.load(`topics:${label}:${limit}`, entity.key, (db, keys) =>
    E.entityTopics(db, label, keys, limit),
  );
}

function quotes(ctx: ApiContext, label: 'Person' | 'Organization', entity: EntityNode, first: number | null) {
  const limit = pageSize(first);
  return ctx.loaders.load(`quotes:${label}:${limit}`, entity.key, (db, keys) =>
    E.entityQuotes(db, label, keys, limit),
  );
}

function members(ctx: ApiContext, label: 'Organization' | 'Place', entity: EntityNode, first: number | null) {
  const limit = pageSize(first);
  return ctx.loaders.load(`members:${label}:${limit}`, entity.key, (db, keys) =>
    E.members(db, label, keys, limit),
  );
}

const ARTICLES = {
  description: 'Articles that mention, are about, are by or quote this entity, newest first.',
} as const;
const CO_MENTIONED = {
  description: 'Entities mentioned in the same articles, with the number of shared articles, most first.',
} as const;
const TOPICS = { description: 'Topics of this entity\u2019s articles, by summed topic weight.' } as const;
const KIND = { nullable: true, description: 'Only entities of this kind.' } as const;

@Resolver(() => Person)
export class PersonResolver {
  @FieldResolver(() => ArticleConnection, ARTICLES)
  articles(@Root() p: EntityNode, @Args(() => ConnectionArgs) args: ConnectionArgs, @Ctx() ctx: ApiContext) {
    return articles(ctx, 'Person', p, args);
  }

  @FieldResolver(() => [Quote], { description: 'What the person said, newest article first.' })
  quotes(
    @Root() p: EntityNode,
    @Arg('first', () => Int, { nullable: true, defaultValue: 20 }) first: number | null,
    @Ctx() ctx: ApiContext,
  ) {
    return quotes(ctx, 'Person', p, first);
  }

  @FieldResolver(() => [Affiliation], {
    description: 'Where the person works, each (organization, role) once.',
  })
  affiliations(@Root() p: EntityNode, @Ctx() ctx: ApiContext) {
    return ctx.loaders.load('person.affiliations', p.key, E.personAffiliations);
  }

  @FieldResolver(() => [CoMention], CO_MENTIONED)
  coMentioned(
    @Root() p: EntityNode,
    @Arg('first', () => Int, { nullable: true, defaultValue: 10 }) first: number | null,
    @Arg('kind', () => EntityKind, KIND) kind: EntityKind | null,
    @Ctx() ctx: ApiContext,
  ) {
    return coMentioned(ctx, 'Person', p, first, kind);
  }

  @FieldResolver(() => [RelatedTopic], TOPICS)
  topics(
    @Root() p: EntityNode,
    @Arg('first', () => Int, { nullable: true, defaultValue: 10 }) first: number | null,
    @Ctx() ctx: ApiContext,
  ) {
    return topics(ctx, 'Person', p, first);
  }
}

@Resolver(() => Organization)
export class OrganizationResolver {
  @FieldResolver(() => ArticleConnection, ARTICLES)
  articles(@Root() o: EntityNode, @Args(() => ConnectionArgs) args: ConnectionArgs, @Ctx() ctx: ApiContext) {
    return articles(ctx, 'Organization', o, args);
  }

  @FieldResolver(() => [Quote], {
    description: 'Statements attributed to the organization (according to ...).',
  })
  quotes(
    @Root() o: EntityNode,
    @Arg('first', () => Int, { nullable: true, defaultValue: 20 }) first: number | null,
    @Ctx() ctx: ApiContext,
  ) {
    return quotes(ctx, 'Organization', o, first);
  }

  @FieldResolver(() => [Member], { description: 'People affiliated with the organization.' })
  members(
    @Root() o: EntityNode,
    @Arg('first', () => Int, { nullable: true, defaultValue: 20 }) first: number | null,
    @Ctx() ctx: ApiContext,
  ) {
    return members(ctx, 'Organization', o, first);
  }

  @FieldResolver(() => [CoMention], CO_MENTIONED)
  coMentioned(
    @Root() o: EntityNode,
    @Arg('first', () => Int, { nullable: true, defaultValue: 10 }) first: number | null,
    @Arg('kind', () => EntityKind, KIND) kind: EntityKind | null,
    @Ctx() ctx: ApiContext,
  ) {
    return coMentioned(ctx, 'Organization', o, first, kind);
  }

  @FieldResolver(() => [RelatedTopic], TOPICS)
  topics(
    @Root() o: EntityNode,
    @Arg('first', () => Int, { nullable: true, defaultValue: 10 }) first: number | null,
    @Ctx() ctx: ApiContext,
  ) {
    return topics(ctx, 'Organization', o, first);
  }
}

@Resolver(() => Place)
export class PlaceResolver {
  @FieldResolver(() => ArticleConnection, ARTICLES)
  articles(@Root() p: EntityNode, @Args(() => ConnectionArgs) args: ConnectionArgs, @Ctx() ctx: ApiContext) {
    return articles(ctx, 'Place', p, args);
  }

  @FieldResolver(() => [Member], {
    description: 'People holding an office of this place (e.g. a chancellor).',
  })
  members(
    @Root() p: EntityNode,
    @Arg('first', () => Int, { nullable: true, defaultValue: 20 }) first: number | null,
    @Ctx() ctx: ApiContext,
  ) {
    return members(ctx, 'Place', p, first);
  }

  @FieldResolver(() => [CoMention], CO_MENTIONED)
  coMentioned(
    @Root() p: EntityNode,
    @Arg('first', () => Int, { nullable: true, defaultValue: 10 }) first: number | null,
    @Arg('kind', () => EntityKind, KIND) kind: EntityKind | null,
    @Ctx() ctx: ApiContext,
  ) {
    return coMentioned(ctx, 'Place', p, first, kind);
  }

  @FieldResolver(() => [RelatedTopic], TOPICS)
  topics(
    @Root() p: EntityNode,
    @Arg('first', () => Int, { nullable: true, defaultValue: 10 }) first: number | null,
    @Ctx() ctx: ApiContext,
  ) {
    return topics(ctx, 'Place', p, first);
  }
}

@Resolver(() => Topic)
export class TopicResolver {
  @FieldResolver(() => Int)
  articleCount(@Root() t: EntityNode) {
    return t.articleCount ?? 0;
  }

  @FieldResolver(() => ArticleConnection, { description: 'Articles with this topic, newest first.' })
  articles(@Root() t: EntityNode, @Args(() => ConnectionArgs) args: ConnectionArgs, @Ctx() ctx: ApiContext) {
    return articles(ctx, 'Topic', t, args);
  }

  @FieldResolver(() => [ExpertHit], { description: 'Same as Query.experts(topic: name).' })
  experts(
    @Root() t: EntityNode,
    @Arg('first', () => Int, { nullable: true, defaultValue: 10 }) first: number | null,
    @Arg('from', () => GraphQLDateTime, { nullable: true }) from: Date | null,
    @Arg('to', () => GraphQLDateTime, { nullable: true }) to: Date | null,
    @Ctx() ctx: ApiContext,
    @Info() info: GraphQLResolveInfo,
  ) {
    return expertHits(ctx, t.key, { limit: pageSize(first), ...dateRange(from, to) }, info);
  }

  @FieldResolver(() => [RelatedTopic], {
    description: 'Topics that share articles with this one, by summed weight.',
  })
  relatedTopics(
    @Root() t: EntityNode,
    @Arg('first', () => Int, { nullable: true, defaultValue: 10 }) first: number | null,
    @Ctx() ctx: ApiContext,
  ) {
    return topics(ctx, 'Topic', t, first);
  }

  @FieldResolver(() => [CoMention], CO_MENTIONED)
  coMentioned(
    @Root() t: EntityNode,
    @Arg('first', () => Int, { nullable: true, defaultValue: 10 }) first: number | null,
    @Arg('kind', () => EntityKind, KIND) kind: EntityKind | null,
    @Ctx() ctx: ApiContext,
  ) {
    return coMentioned(ctx, 'Topic', t, first, kind);
  }
}

@Resolver(() => Quote)
export class QuoteResolver {
  @FieldResolver(() => Article, { nullable: true, description: 'The article that carries the quote.' })
  article(@Root() quote: A.QuoteRow, @Ctx() ctx: ApiContext) {
    return ctx.loaders.load('articlesByUrl', quote.articleUrl, A.articlesByUrl);
  }
}
