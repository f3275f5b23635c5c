import { Ctx, Query, Resolver } from 'type-graphql';
import type { ApiContext } from '../context';
import * as Q from '../queries/system';
import { Health, Stats } from '../types/system';

@Resolver()
export class SystemResolver {
  @Query(() => Health, { description: 'Liveness of the API and its Neo4j server.' })
  async health(@Ctx() ctx: ApiContext): Promise<Health> {
    const row = await Q.health(ctx.db);
    return {
      neo4jVersion: row.version,
      neo4jEdition: row.edition,
      database: ctx.db.database,
      nodeCount: row.nodeCount,
      relationshipCount: row.relationshipCount,
    };
  }

  @Query(() => Stats, { description: 'Counts of what the graph holds.' })
  async stats(@Ctx() ctx: ApiContext): Promise<Stats> {
    return Q.stats(ctx.db);
  }
}
