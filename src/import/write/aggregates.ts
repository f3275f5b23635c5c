import type { Driver } from 'neo4j-driver';

/**
 * Corpus-level aggregates the API reads instead of recomputing them per request. Refreshed by
 * the writer's finalize step, after clean-up and topic weights, so they always match the
 * imported articles whatever the import order.
 */
export async function refreshAggregates(_driver: Driver, _database: string): Promise<void> {
  // Nothing materialized yet.
}
