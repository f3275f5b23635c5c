import { Arg, Ctx, Int, Mutation, Query, Resolver } from 'type-graphql';
import { canonicalUrl } from '../../graph/url';
import { entityKey } from '../../graph/keys';
import { nameKey, pageSize } from '../args';
import type { ApiContext } from '../context';
import { badInput } from '../errors';
import { unauthenticated } from '../plugins/auth';
import * as C from '../queries/curation';
import { entityByName } from '../queries/entities';
import type { EntityLabel, EntityNode } from '../queries/fragments';
import { Curation, CurationResult, EntityKind } from '../types/graph';

/**
 * Curation mutations. The auth plugin refuses a mutation without a key before any resolver runs;
 * each resolver checks again, so no write is reachable without one even if the plugin were
 * left out.
 */
function caller(ctx: ApiContext): string {
  if (ctx.caller === null)
    throw unauthenticated('Mutations need an API key: send Authorization: Bearer <key>.');
  return ctx.caller;
}

async function entity(
  ctx: ApiContext,
  kind: EntityKind,
  name: string,
  argument: string,
): Promise<EntityNode> {
  const found = await entityByName(ctx.db, kind as EntityLabel, nameKey(name, argument));
  if (!found) throw badInput(`No ${kind} is called "${name}".`, argument);
  return found;
}

function checkNote(given: string | null | undefined): string | null {
  const note = given ?? null;
  if (note !== null && note.length > 1000)
    throw badInput('note is too long (at most 1000 characters).', 'note');
  return note;
}

@Resolver()
export class CurationResolver {
  @Query(() => [Curation], { description: 'The corrections made through the API, newest first.' })
  curations(
    @Arg('first', () => Int, { nullable: true, defaultValue: 20 }) first: number | null,
    @Ctx() ctx: ApiContext,
  ) {
    return C.curations(ctx.db, pageSize(first));
  }

  @Mutation(() => CurationResult, {
    description:
      'Merge an entity into another of the same kind: its articles, quotes, affiliations and names move, ' +
      'it is removed, and later imports merge it too. Needs an API key.',
  })
  async mergeEntities(
    @Arg('kind', () => EntityKind) kind: EntityKind,
    @Arg('name', () => String) name: string,
    @Arg('into', () => String) into: string,
    @Arg('note', () => String, { nullable: true }) note: string | null,
    @Ctx() ctx: ApiContext,
  ) {
    const by = caller(ctx);
    const from = await entity(ctx, kind, name, 'name');
    const target = await entity(ctx, kind, into, 'into');
    if (from.key === target.key) throw badInput('name and into are the same entity.', 'into');
    return C.curate(
      ctx.db,
      C.MERGE_ENTITIES[kind as EntityLabel],
      { fromKey: from.key, intoKey: target.key },
      {
        action: 'MERGE',
        kind: kind as EntityLabel,
        name: from.name,
        target: target.name,
        alias: null,
        articleUrl: null,
        note: checkNote(note),
        by,
      },
    );
  }

  @Mutation(() => CurationResult, {
    description:
      'Give an entity a new display name (merged into the entity of that name if there is one); the old ' +
      'name stays an alias. Needs an API key.',
  })
  async renameEntity(
    @Arg('kind', () => EntityKind) kind: EntityKind,
    @Arg('name', () => String) name: string,
    @Arg('to', () => String) to: string,
    @Arg('note', () => String, { nullable: true }) note: string | null,
    @Ctx() ctx: ApiContext,
  ) {
    const by = caller(ctx);
    const current = await entity(ctx, kind, name, 'name');
    const newName = to.trim();
    const newKey = nameKey(newName, 'to');
    const record = {
      kind: kind as EntityLabel,
      name: current.name,
      target: newName,
      alias: null,
      articleUrl: null,
      note: checkNote(note),
      by,
    };
    if (newKey !== current.key && (await C.entityExists(ctx.db, kind as EntityLabel, newKey))) {
      return C.curate(
        ctx.db,
        C.MERGE_ENTITIES[kind as EntityLabel],
        { fromKey: current.key, intoKey: newKey },
        { ...record, action: 'RENAME' },
      );
    }
    return C.curate(
      ctx.db,
      C.RENAME_ENTITY[kind as EntityLabel],
      { key: current.key, newKey, newName },
      { ...record, action: 'RENAME' },
    );
  }

  @Mutation(() => CurationResult, {
    description:
      'A name that is not the entity\u2019s: it is removed from its aliases, and later imports never join it ' +
      'to the entity again. Needs an API key.',
  })
  async splitAlias(
    @Arg('kind', () => EntityKind) kind: EntityKind,
    @Arg('name', () => String) name: string,
    @Arg('alias', () => String) alias: string,
    @Arg('note', () => String, { nullable: true }) note: string | null,
    @Ctx() ctx: ApiContext,
  ) {
    const by = caller(ctx);
    const current = await entity(ctx, kind, name, 'name');
    const aliasKey = nameKey(alias, 'alias');
    const aliases = current.aliases.filter((a) => entityKey(a) === aliasKey);
    if (aliases.length === 0) throw badInput(`"${alias}" is not an alias of ${current.name}.`, 'alias');
    return C.curate(
      ctx.db,
      C.SPLIT_ALIAS[kind as EntityLabel],
      { key: current.key, aliasKey, aliases },
      {
        action: 'SPLIT_ALIAS',
        kind: kind as EntityLabel,
        name: current.name,
        target: null,
        alias,
        articleUrl: null,
        note: checkNote(note),
        by,
      },
    );
  }

  @Mutation(() => CurationResult, {
    description:
      'Mark an extraction wrong: the entity is not in that article (articleUrl), or is no entity at all ' +
      '(no articleUrl: it is removed). Later imports leave it out too. Needs an API key.',
  })
  async markExtractionWrong(
    @Arg('kind', () => EntityKind) kind: EntityKind,
    @Arg('name', () => String) name: string,
    @Arg('articleUrl', () => String, { nullable: true }) articleUrl: string | null,
    @Arg('note', () => String, { nullable: true }) note: string | null,
    @Ctx() ctx: ApiContext,
  ) {
    const by = caller(ctx);
    const current = await entity(ctx, kind, name, 'name');
    const given = articleUrl ?? null;
    const url = given === null ? null : canonicalUrl(given);
    if (given !== null && url === null) throw badInput('articleUrl must be an http(s) URL.', 'articleUrl');
    return C.curate(
      ctx.db,
      url === null ? C.REJECT_EVERYWHERE[kind as EntityLabel] : C.REJECT_IN_ARTICLE[kind as EntityLabel],
      { key: current.key, url },
      {
        action: 'REJECT',
        kind: kind as EntityLabel,
        name: current.name,
        target: null,
        alias: null,
        articleUrl: url,
        note: checkNote(note),
        by,
      },
    );
  }
}
