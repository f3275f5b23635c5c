import 'reflect-metadata';
import { lexicographicSortSchema, printSchema, type GraphQLSchema } from 'graphql';
import { buildSchema, type NonEmptyArray } from 'type-graphql';
import { AggregationResolver } from './resolvers/aggregations';
import { ArticleResolver } from './resolvers/article';
import { CurationResolver } from './resolvers/curation';
import {
  OrganizationResolver,
  PersonResolver,
  PlaceResolver,
  QuoteResolver,
  TopicResolver,
} from './resolvers/entities';
import { ExpertHitResolver } from './resolvers/experts';
import { QueryResolver } from './resolvers/query';
import { SubjectResolver } from './resolvers/subjects';
import { SystemResolver } from './resolvers/system';

// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
const RESOLVERS: NonEmptyArray<Function> = [
  QueryResolver,
  SubjectResolver,
  SystemResolver,
  AggregationResolver,
  CurationResolver,
  ArticleResolver,
  PersonResolver,
  OrganizationResolver,
  PlaceResolver,
  TopicResolver,
  QuoteResolver,
  ExpertHitResolver,
];

let built: Promise<GraphQLSchema> | undefined;

/** The executable schema, built once per process from the type-graphql classes. */
export function createSchema(): Promise<GraphQLSchema> {
  built ??= buildSchema({ resolvers: RESOLVERS, validate: false });
  return built;
}

/** The SDL checked in as schema/schema.graphql: sorted, so the file only changes when the API does. */
export async function schemaSdl(): Promise<string> {
  const header =
    '# Generated from the type-graphql classes in src/api by `npm run schema:emit`. Do not edit.\n\n';
  return header + printSchema(lexicographicSortSchema(await createSchema())) + '\n';
}
