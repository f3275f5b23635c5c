import { GraphQLDateTime } from 'graphql-scalars';
import { canonicalUrl, isFallbackIdentity } from '../../graph/url';
import { isObjectType, Kind, type FieldNode, type GraphQLResolveInfo, type SelectionNode } from 'graphql';
import { getArgumentValues } from 'graphql/execution/values';
import { Arg, Args, Ctx, Info, Int, Query, Resolver } from 'type-graphql';
import { ConnectionArgs, dateRange, nameKey, pageArgs, pageSize, toConnection } from '../args';
import type { ApiContext } from '../context';
import type { BatchFn } from '../loaders';
import { badInput } from '../errors';
import { LIMITS } from '../../graph/limits';
import * as A from '../queries/articles';
import { articleList, type ArticleListFilter } from '../queries/article-list';
import { shortestPathsBetween, type PathRow } from '../queries/connection';
import * as E from '../queries/entities';
import type { EntityLabel, EntityNode } from '../queries/fragments';
import { luceneQuery, search } from '../queries/search';
import {
  Article,
  ArticleConnection,
  ArticleFilter,
  ArticleOrder,
  Organization,
  Path,
  Person,
  Place,
  SearchHit,
  Topic,
  ExpertHit,
  type EntityKind,
} from '../types/graph';
import { selectedArticleLoaders } from './article';
import { coMentionedLoader } from './entities';
import { expertHits } from './experts';

/** The GraphQL filter as query parameters: names folded to keys, times to epoch milliseconds. */
export function articleListFilter(f: ArticleFilter, argument: string): ArticleListFilter {
  const optional = <T>(value: T | null | undefined, convert: (value: T) => string) =>
    value === null || value === undefined ? null : convert(value);
  const range = dateRange(f.from, f.to);
  return {
    text: optional(f.text, (text) => searchText(text, `${argument}.text`)),
    entityKey: optional(f.mentions, (name) => nameKey(name, `${argument}.mentions`)),
    topicKey: optional(f.topic, (name) => nameKey(name, `${argument}.topic`)),
    authorKey: optional(f.author, (name) => nameKey(name, `${argument}.author`)),
    language: f.language ?? null,
    section: f.section ?? null,
    sourcePrefix: optional(f.source, (host) => {
      const url = canonicalUrl(`https://${host.trim()}/`);
      if (url === null || host.includes('/'))
        throw badInput(`${argument}.source must be a host name.`, `${argument}.source`);
      return `${url.replace(/\/$/, '')}/`;
    }),
    fromMs: range.from === null ? null : Date.parse(range.from),
    toMs: range.to === null ? null : Date.parse(range.to),
    imported: f.imported ?? true,
  };
}

function searchText(text: string, argument = 'text'): string {
  if (text.length > LIMITS.maxSearchTextLength) {
    throw badInput(`${argument} is too long (at most ${LIMITS.maxSearchTextLength} characters).`, argument);
  }
  const query = luceneQuery(text);
  if (query === null)
    throw badInput(`${argument} must contain at least one word or character to search for.`, argument);
  return query;
}

/**
 * The first `coMentioned` selection directly under this field, with its arguments as the field
 * resolver will see them (defaults and variables applied), or null when there is none or its
 * arguments are not valid (the field resolver then reports them).
 */
function coMentionedSelection(info: GraphQLResolveInfo, label: EntityLabel) {
  const type = info.schema.getType(label);
  if (!isObjectType(type)) return null;
  const field = type.getFields().coMentioned;
  const find = (selections: readonly SelectionNode[]): FieldNode | null => {
    for (const selection of selections) {
      if (selection.kind === Kind.FIELD) {
        if (selection.name.value === 'coMentioned') return selection;
      } else {
        const set =
          selection.kind === Kind.INLINE_FRAGMENT
            ? selection.selectionSet
            : info.fragments[selection.name.value]?.selectionSet;
        const found = set ? find(set.selections) : null;
        if (found) return found;
      }
    }
    return null;
  };
  const node = info.fieldNodes.map((n) => find(n.selectionSet?.selections ?? [])).find((n) => n) ?? null;
  if (!field || !node) return null;
  try {
    const args = getArgumentValues(field, node, info.variableValues) as {
      first?: number | null;
      kind?: EntityKind | null;
    };
    return { limit: pageSize(args.first), kind: args.kind ?? null };
  } catch {
    return null;
  }
}

/**
 * An entity by name. When the request also asks for its co-mentions, both come in one round
 * trip and the co-mention loader is primed with them, so the field makes no query of its own.
 */
async function entityByName(ctx: ApiContext, label: EntityLabel, key: string, info: GraphQLResolveInfo) {
  const selection = coMentionedSelection(info, label);
  if (!selection) return E.entityByName(ctx.db, label, key);
  const row = await E.entityWithCoMentions(ctx.db, label, key, {
    limit: selection.limit,
    kind: selection.kind as EntityLabel | null,
  });
  if (!row) return null;
  const { name, batch } = coMentionedLoader(label, selection.limit, selection.kind);
  ctx.loaders.prime(name, row.entity.key, row.coMentioned, batch);
  return row.entity;
}

function toPath(row: PathRow) {
  return {
    length: row.steps.length,
    nodes: row.nodes,
    steps: row.steps.map((step, i) => ({
      type: step.type,
      from: step.forward ? i : i + 1,
      to: step.forward ? i + 1 : i,
    })),
    entities: row.nodes.filter((node): node is EntityNode => node.kind !== 'Article'),
  };
}

@Resolver()
export class QueryResolver {
  @Query(() => Article, { nullable: true, description: 'An article (or a stub) by its canonical URL.' })
  async article(
    @Arg('url', () => String) url: string,
    @Ctx() ctx: ApiContext,
    @Info() info: GraphQLResolveInfo,
  ) {
    // The importer's canonical form, so a pasted URL with a trailing slash or ?smid= still matches.
    // A page imported without a URL of its own is known by its file: URL or content hash.
    const canonical = isFallbackIdentity(url) ? url : canonicalUrl(url);
    if (canonical === null) throw badInput('url must be an http(s) URL.', 'url');
    const loaders = selectedArticleLoaders(info);
    if (loaders.length === 0) return (await A.articlesByUrl(ctx.db, [canonical]))[0];
    // The article and the lists its fields read in one round trip; the field resolvers then
    // find their loaders primed.
    const row = await A.articleWithFields(ctx.db, canonical, loaders);
    if (!row) return null;
    for (const [loader, value] of row.fields) {
      ctx.loaders.prime(
        loader,
        row.article.url,
        value,
        A.ARTICLE_FIELD_LOADERS[loader].batch as BatchFn<unknown>,
      );
    }
    return row.article;
  }

  @Query(() => ArticleConnection, {
    description:
      'Articles, newest first unless `orderBy` says otherwise, optionally filtered by `where`. Every filter and ' +
      'order is served by an index: the newest-first list reads only its page.',
  })
  async articles(
    @Arg('where', () => ArticleFilter, { nullable: true }) where: ArticleFilter | null,
    @Arg('filter', () => ArticleFilter, { nullable: true, deprecationReason: 'Use `where`.' })
    filter: ArticleFilter | null,
    @Arg('orderBy', () => ArticleOrder, { nullable: true, defaultValue: ArticleOrder.NEWEST })
    orderBy: ArticleOrder | null,
    @Args(() => ConnectionArgs) args: ConnectionArgs,
    @Ctx() ctx: ApiContext,
  ) {
    const { size, page } = pageArgs(args);
    const argument = where ? 'where' : 'filter';
    const params = articleListFilter(where ?? filter ?? {}, argument);
    const order = orderBy ?? ArticleOrder.NEWEST;
    if (
      order === ArticleOrder.RELEVANCE &&
      [params.text, params.entityKey, params.topicKey, params.authorKey].every((v) => v === null)
    ) {
      throw badInput(
        'orderBy: RELEVANCE needs where.text, where.mentions, where.topic or where.author.',
        'orderBy',
      );
    }
    return toConnection(await articleList(ctx.db, params, order, page), size, args.after);
  }

  @Query(() => [SearchHit], {
    description:
      'Full-text search over articles (title, body) and entities (names, aliases); Chinese or English.',
  })
  async search(
    @Arg('text', () => String) text: string,
    @Arg('first', () => Int, { nullable: true, defaultValue: 10 }) first: number | null,
    @Ctx() ctx: ApiContext,
  ) {
    return search(ctx.db, searchText(text), pageSize(first));
  }

  @Query(() => Person, { nullable: true, description: 'A person by name or any alias, in any language.' })
  person(@Arg('name', () => String) name: string, @Ctx() ctx: ApiContext, @Info() info: GraphQLResolveInfo) {
    return entityByName(ctx, 'Person', nameKey(name), info);
  }

  @Query(() => Organization, { nullable: true, description: 'An organization by name or any alias.' })
  organization(
    @Arg('name', () => String) name: string,
    @Ctx() ctx: ApiContext,
    @Info() info: GraphQLResolveInfo,
  ) {
    return entityByName(ctx, 'Organization', nameKey(name), info);
  }

  @Query(() => Place, { nullable: true, description: 'A place by name or any alias.' })
  place(@Arg('name', () => String) name: string, @Ctx() ctx: ApiContext, @Info() info: GraphQLResolveInfo) {
    return entityByName(ctx, 'Place', nameKey(name), info);
  }

  @Query(() => Topic, { nullable: true, description: 'A topic by name.' })
  topic(@Arg('name', () => String) name: string, @Ctx() ctx: ApiContext, @Info() info: GraphQLResolveInfo) {
    return entityByName(ctx, 'Topic', nameKey(name), info);
  }

  @Query(() => [ExpertHit], {
    description:
      'People quoted as experts on a subject, best first. `topic` is a topic name or any name or alias of ' +
      'a person, organization or place; `from`/`to` limit the articles by publication time.',
  })
  experts(
    @Arg('topic', () => String) topic: string,
    @Arg('first', () => Int, { nullable: true, defaultValue: 10 }) first: number | null,
    @Arg('from', () => GraphQLDateTime, { nullable: true }) from: Date | null,
    @Arg('to', () => GraphQLDateTime, { nullable: true }) to: Date | null,
    @Ctx() ctx: ApiContext,
    @Info() info: GraphQLResolveInfo,
  ) {
    const key = nameKey(topic, 'topic');
    return expertHits(ctx, key, { limit: pageSize(first), ...dateRange(from, to) }, info);
  }

  @Query(() => [Path], {
    description:
      'Shortest paths between two entities (by name or alias) through articles, affiliations and links. ' +
      `maxHops counts relationships (at most ${LIMITS.maxHops}). Empty when either name is unknown or no path is that short.`,
  })
  async connection(
    @Arg('from', () => String) from: string,
    @Arg('to', () => String) to: string,
    @Arg('maxHops', () => Int, { nullable: true, defaultValue: LIMITS.defaultHops }) maxHops: number | null,
    @Arg('first', () => Int, { nullable: true, defaultValue: 10 }) first: number | null,
    @Ctx() ctx: ApiContext,
  ) {
    const hops = maxHops ?? LIMITS.defaultHops;
    if (!Number.isInteger(hops) || hops < 1 || hops > LIMITS.maxHops) {
      throw badInput(`maxHops must be between 1 and ${LIMITS.maxHops}, got ${hops}.`, 'maxHops');
    }
    const fromKey = nameKey(from, 'from');
    const toKey = nameKey(to, 'to');
    const rows = await shortestPathsBetween(ctx.db, {
      fromKey,
      toKey,
      maxHops: hops,
      limit: pageSize(first),
    });
    return rows.map(toPath);
  }
}
