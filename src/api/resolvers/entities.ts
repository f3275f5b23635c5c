import { GraphQLDateTime } from 'graphql-scalars';
import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, FieldResolver, Info, Int, Resolver, Root, type ClassType } from 'type-graphql';
import { ConnectionArgs, dateRange, pageArgs, pageSize, toConnection } from '../args';
import type { ApiContext } from '../context';
import type { Db } from '../db';
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

/** The loader of one co-mention page (label, size, kind), shared with the look-ahead in query.ts. */
export function coMentionedLoader(label: EntityLabel, limit: number, kind: EntityKind | null | undefined) {
  return {
    name: `coMentioned:${label}:${limit}:${kind ?? null}`,
    batch: (db: Db, keys: readonly string[]) =>
      E.coMentioned(db, label, keys, { limit, kind: (kind ?? null) as EntityLabel | null }),
  };
}

function coMentioned(
  ctx: ApiContext,
  label: EntityLabel,
  entity: EntityNode,
  first: number | null,
  kind: EntityKind | null,
) {
  const { name, batch } = coMentionedLoader(label, pageSize(first), kind);
  return ctx.loaders.load(name, entity.key, batch);
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
};
const CO_MENTIONED = {
  description: 'Entities mentioned in the same articles, with the number of shared articles, most first.',
} as const;
const TOPICS = { description: 'Topics of this entity\u2019s articles, by summed topic weight.' } as const;
const KIND = { nullable: true, description: 'Only entities of this kind.' } as const;

const FIRST_10 = { nullable: true, defaultValue: 10 } as const;
const FIRST_20 = { nullable: true, defaultValue: 20 } as const;

/** The fields every entity type has: its articles and its co-mentions. */
function entityFields(label: EntityLabel, type: ClassType, articlesOptions: { description: string }) {
  @Resolver(() => type)
  abstract class EntityFields {
    @FieldResolver(() => ArticleConnection, articlesOptions)
    articles(
      @Root() e: EntityNode,
      @Args(() => ConnectionArgs) args: ConnectionArgs,
      @Ctx() ctx: ApiContext,
    ) {
      return articles(ctx, label, e, args);
    }

    @FieldResolver(() => [CoMention], CO_MENTIONED)
    coMentioned(
      @Root() e: EntityNode,
      @Arg('first', () => Int, FIRST_10) first: number | null,
      @Arg('kind', () => EntityKind, KIND) kind: EntityKind | null,
      @Ctx() ctx: ApiContext,
    ) {
      return coMentioned(ctx, label, e, first, kind);
    }
  }
  return EntityFields;
}

/** People, organizations and places also have the topics of their articles. */
function namedEntityFields(label: 'Person' | 'Organization' | 'Place', type: ClassType) {
  @Resolver(() => type)
  abstract class NamedEntityFields extends entityFields(label, type, ARTICLES) {
    @FieldResolver(() => [RelatedTopic], TOPICS)
    topics(
      @Root() e: EntityNode,
      @Arg('first', () => Int, FIRST_10) first: number | null,
      @Ctx() ctx: ApiContext,
    ) {
      return topics(ctx, label, e, first);
    }
  }
  return NamedEntityFields;
}

@Resolver(() => Person)
export class PersonResolver extends namedEntityFields('Person', Person) {
  @FieldResolver(() => [Quote], { description: 'What the person said, newest article first.' })
  quotes(
    @Root() p: EntityNode,
    @Arg('first', () => Int, FIRST_20) first: number | null,
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
}

@Resolver(() => Organization)
export class OrganizationResolver extends namedEntityFields('Organization', Organization) {
  @FieldResolver(() => [Quote], {
    description: 'Statements attributed to the organization (according to ...).',
  })
  quotes(
    @Root() o: EntityNode,
    @Arg('first', () => Int, FIRST_20) first: number | null,
    @Ctx() ctx: ApiContext,
  ) {
    return quotes(ctx, 'Organization', o, first);
  }

  @FieldResolver(() => [Member], { description: 'People affiliated with the organization.' })
  members(
    @Root() o: EntityNode,
    @Arg('first', () => Int, FIRST_20) first: number | null,
    @Ctx() ctx: ApiContext,
  ) {
    return members(ctx, 'Organization', o, first);
  }
}

@Resolver(() => Place)
export class PlaceResolver extends namedEntityFields('Place', Place) {
  @FieldResolver(() => [Member], {
    description: 'People holding an office of this place (e.g. a chancellor).',
  })
  members(
    @Root() p: EntityNode,
    @Arg('first', () => Int, FIRST_20) first: number | null,
    @Ctx() ctx: ApiContext,
  ) {
    return members(ctx, 'Place', p, first);
  }
}

@Resolver(() => Topic)
export class TopicResolver extends entityFields('Topic', Topic, {
  description: 'Articles with this topic, newest first.',
}) {
  @FieldResolver(() => Int)
  articleCount(@Root() t: EntityNode) {
    return t.articleCount ?? 0;
  }

  @FieldResolver(() => [ExpertHit], { description: 'Same as Query.experts(topic: name).' })
  experts(
    @Root() t: EntityNode,
    @Arg('first', () => Int, FIRST_10) first: number | null,
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
    @Arg('first', () => Int, FIRST_10) first: number | null,
    @Ctx() ctx: ApiContext,
  ) {
    return topics(ctx, 'Topic', t, first);
  }
}

@Resolver(() => Quote)
export class QuoteResolver {
  @FieldResolver(() => Article, { nullable: true, description: 'The article that carries the quote.' })
  article(@Root() quote: A.QuoteRow, @Ctx() ctx: ApiContext) {
    return ctx.loaders.load('articlesByUrl', quote.articleUrl, A.articlesByUrl);
  }
}
