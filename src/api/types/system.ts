import { Field, Int, ObjectType } from 'type-graphql';

@ObjectType({
  simpleResolvers: true,
  description: 'The Neo4j server behind the API, read live from the server.',
})
export class Health {
  @Field(() => String, { description: 'Neo4j kernel version, e.g. 5.26.0.' })
  neo4jVersion!: string;

  @Field(() => String, { description: 'community or enterprise.' })
  neo4jEdition!: string;

  @Field(() => String)
  database!: string;

  @Field(() => Int)
  nodeCount!: number;

  @Field(() => Int)
  relationshipCount!: number;
}

@ObjectType({ simpleResolvers: true })
export class ValueCount {
  @Field(() => String)
  value!: string;

  @Field(() => Int)
  count!: number;
}

@ObjectType({ simpleResolvers: true, description: 'What the graph holds.' })
export class Stats {
  @Field(() => Int, { description: 'Imported articles (not counting stubs that are only linked to).' })
  articleCount!: number;

  @Field(() => Int, { description: 'Articles known only because an imported article links to them.' })
  stubArticleCount!: number;

  @Field(() => Int)
  personCount!: number;

  @Field(() => Int)
  organizationCount!: number;

  @Field(() => Int)
  placeCount!: number;

  @Field(() => Int)
  topicCount!: number;

  @Field(() => Int)
  quoteCount!: number;

  @Field(() => Int)
  imageCount!: number;

  @Field(() => Int, { description: 'Article-to-article links (LINKS_TO).' })
  linkCount!: number;

  @Field(() => Int, { description: 'Times a person was quoted as an expert in an article.' })
  expertQuoteCount!: number;

  @Field(() => [ValueCount], { description: 'Imported articles per language, most frequent first.' })
  languages!: ValueCount[];

  @Field(() => [ValueCount], { description: 'Imported articles per section ("" when unknown).' })
  sections!: ValueCount[];

  @Field(() => String, { nullable: true, description: 'Earliest publication time (ISO-8601 with offset).' })
  firstPublishedAt!: string | null;

  @Field(() => String, { nullable: true })
  lastPublishedAt!: string | null;
}
