import { GraphQLDateTime } from 'graphql-scalars';
import {
  createUnionType,
  Field,
  Float,
  ID,
  InputType,
  Int,
  InterfaceType,
  ObjectType,
  registerEnumType,
} from 'type-graphql';

/*
 * The GraphQL object types. Resolvers return the plain rows of the query layer; fields that
 * need another query are declared on the resolver classes (src/api/resolvers) and batched.
 */

export enum EntityKind {
  PERSON = 'Person',
  ORGANIZATION = 'Organization',
  PLACE = 'Place',
  TOPIC = 'Topic',
}
registerEnumType(EntityKind, { name: 'EntityKind', description: 'The kinds of named entity in the graph.' });

// Every object type has simpleResolvers: a plain field reads its property directly, without
// type-graphql's per-field middleware wrapper (we use no middlewares or auth checks); on a list of
// a hundred hits that wrapper was a large part of the execution time.
@InterfaceType({
  description: 'A person, organization, place or topic: anything with a name and aliases.',
  resolveType: (value: { kind: string }) => value.kind,
})
export abstract class Entity {
  @Field(() => ID, { description: 'Stable key: the folded canonical name (unique per kind).' })
  key!: string;

  @Field(() => String, { description: 'Canonical display name.' })
  name!: string;

  @Field(() => [String], {
    description: 'Other names seen for the same entity (other languages, short forms).',
  })
  aliases!: string[];
}

@ObjectType({ simpleResolvers: true, implements: Entity })
export class Person extends Entity {}

@ObjectType({ simpleResolvers: true, implements: Entity })
export class Organization extends Entity {}

@ObjectType({ simpleResolvers: true, implements: Entity })
export class Place extends Entity {}

@ObjectType({
  simpleResolvers: true,
  implements: Entity,
  description: 'A subject shared by articles (extracted keywords, weighted by IDF).',
})
export class Topic extends Entity {
  @Field(() => Int, { description: 'Imported articles that have this topic.' })
  articleCount!: number;
}

@ObjectType({ simpleResolvers: true })
export class Article {
  @Field(() => ID, { description: 'Canonical URL: the identity of an article.' })
  url!: string;

  @Field(() => String, { nullable: true, description: 'Null for stubs (articles only linked to).' })
  title!: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'ISO-8601 with the source\u2019s UTC offset, e.g. 2024-05-20T09:02:29+08:00.',
  })
  publishedAt!: string | null;

  @Field(() => String, { nullable: true })
  language!: string | null;

  @Field(() => String, { nullable: true, description: 'From the URL path: world, business, china, ...' })
  section!: string | null;

  @Field(() => Int, {
    nullable: true,
    description: 'Chinese characters count one each; other text counts words.',
  })
  wordCount!: number | null;

  @Field(() => Boolean, {
    description: 'False for stubs: articles known only because an imported one links to them.',
  })
  imported!: boolean;
}

@ObjectType({ simpleResolvers: true })
export class PageInfo {
  @Field(() => Boolean)
  hasNextPage!: boolean;

  @Field(() => Boolean, { description: 'True when this page was asked for with a cursor (`after`).' })
  hasPreviousPage!: boolean;

  @Field(() => String, { nullable: true })
  startCursor!: string | null;

  @Field(() => String, { nullable: true, description: 'Pass as `after` to get the next page.' })
  endCursor!: string | null;
}

@ObjectType({ simpleResolvers: true })
export class ArticleEdge {
  @Field(() => String)
  cursor!: string;

  @Field(() => Article)
  node!: Article;
}

@ObjectType({
  simpleResolvers: true,
  description: 'Articles newest first (by publication time), then by URL.',
})
export class ArticleConnection {
  @Field(() => Int, { description: 'All matching articles, not just this page.' })
  totalCount!: number;

  @Field(() => PageInfo)
  pageInfo!: PageInfo;

  @Field(() => [ArticleEdge])
  edges!: ArticleEdge[];
}

@ObjectType({ simpleResolvers: true })
export class Mention {
  @Field(() => Entity)
  entity!: Entity;

  @Field(() => Int, { description: 'Times the article mentions the entity.' })
  count!: number;
}

@ObjectType({ simpleResolvers: true })
export class CoMention {
  @Field(() => Entity)
  entity!: Entity;

  @Field(() => Int, { description: 'Articles that mention both.' })
  count!: number;
}

@ObjectType({ simpleResolvers: true })
export class Quote {
  @Field(() => String)
  text!: string;

  @Field(() => Int, { nullable: true, description: 'Order of the quote within its article.' })
  position!: number | null;

  @Field(() => Entity, {
    nullable: true,
    description: 'Who said it: a person, or an organization (according to ...).',
  })
  speaker!: Entity | null;
}

@ObjectType({ simpleResolvers: true })
export class Image {
  @Field(() => String)
  url!: string;

  @Field(() => String, { nullable: true })
  caption!: string | null;

  @Field(() => String, { nullable: true, description: 'The raw credit line, e.g. "Mikhail Metzel/Sputnik".' })
  credit!: string | null;

  @Field(() => Int, { nullable: true })
  position!: number | null;

  @Field(() => Person, { nullable: true })
  photographer!: Person | null;

  @Field(() => Organization, { nullable: true, description: 'Agency from the credit line.' })
  agency!: Organization | null;
}

@ObjectType({ simpleResolvers: true })
export class ArticleTopic {
  @Field(() => Topic)
  topic!: Topic;

  @Field(() => Float, { description: 'Weight of the topic within the article, from extraction.' })
  score!: number;

  @Field(() => Float, { description: 'score x corpus IDF of the topic: rare topics weigh more.' })
  weight!: number;
}

@ObjectType({ simpleResolvers: true })
export class RelatedTopic {
  @Field(() => Topic)
  topic!: Topic;

  @Field(() => Int, { description: 'Shared articles.' })
  articleCount!: number;

  @Field(() => Float, { description: 'Sum of the topic weights (score x IDF) over the shared articles.' })
  weight!: number;
}

@ObjectType({
  simpleResolvers: true,
  description: 'An organization (or, for offices such as a chancellor, a place) a person works for.',
})
export class Affiliation {
  @Field(() => Entity)
  organization!: Entity;

  @Field(() => String, {
    nullable: true,
    description: 'e.g. senior fellow, 发言人; null when only membership is known.',
  })
  role!: string | null;

  @Field(() => Int, { description: 'Articles that state this affiliation.' })
  articleCount!: number;
}

@ObjectType({ simpleResolvers: true })
export class Member {
  @Field(() => Person)
  person!: Person;

  @Field(() => String, { nullable: true })
  role!: string | null;

  @Field(() => Int, { description: 'Articles that state this affiliation.' })
  articleCount!: number;
}

@ObjectType({ simpleResolvers: true, description: 'A person quoted as an expert in one article.' })
export class ArticleExpert {
  @Field(() => Person)
  person!: Person;

  @Field(() => String, { nullable: true })
  role!: string | null;

  @Field(() => String, { nullable: true, description: 'The organization as named in the article.' })
  organization!: string | null;

  @Field(() => String, { nullable: true })
  quote!: string | null;
}

@ObjectType({
  simpleResolvers: true,
  description: 'A person quoted as an expert on a subject, ranked by score.',
})
export class ExpertHit {
  @Field(() => Person)
  person!: Person;

  @Field(() => [Organization], {
    description:
      'Organizations the expert speaks for in these articles (stated affiliations and the organization named with the quote).',
  })
  organizations!: Organization[];

  @Field(() => String, {
    nullable: true,
    description: 'The role the articles give most often, e.g. 中国问题专家.',
  })
  role!: string | null;

  @Field(() => Int, { description: 'Articles about the subject that quote this person as an expert.' })
  articleCount!: number;

  @Field(() => Float, {
    description:
      'Relevance of the expert to the subject: the sum, over the articles about the subject that quote the person ' +
      'as an expert, of relevance(article) x (1 + ln(1 + quotes by the person in the article)), where ' +
      'relevance(article) = 1 + the topic weights (score x IDF) of the subject in the article + ln(1 + times the ' +
      'article mentions the subject). More articles, more central to the subject and more quotes score higher.',
  })
  score!: number;
}

@ObjectType({ simpleResolvers: true })
export class SearchHit {
  @Field(() => Float, { description: 'Lucene relevance score; higher is better.' })
  score!: number;

  @Field(() => Article, { nullable: true, description: 'Set when the hit is an article (title or body).' })
  article!: Article | null;

  @Field(() => Entity, { nullable: true, description: 'Set when the hit is an entity (name or alias).' })
  entity!: Entity | null;
}

export const PathNode = createUnionType({
  name: 'PathNode',
  description: 'A node on a path: an entity or an article.',
  types: () => [Article, Person, Organization, Place, Topic] as const,
  // Query rows carry their label as `kind`; they are plain objects, not class instances.
  resolveType: (value) => (value as unknown as { kind: string }).kind,
});

@ObjectType({
  simpleResolvers: true,
  description: 'One relationship of a path, between nodes[from] and nodes[to] (its direction).',
})
export class PathStep {
  @Field(() => String, { description: 'Relationship type, e.g. MENTIONS.' })
  type!: string;

  @Field(() => Int, { description: 'Index in `nodes` of the start node.' })
  from!: number;

  @Field(() => Int, { description: 'Index in `nodes` of the end node.' })
  to!: number;
}

@ObjectType({ simpleResolvers: true })
export class Path {
  @Field(() => Int, { description: 'Relationships on the path.' })
  length!: number;

  @Field(() => [PathNode], { description: 'From the first entity to the second, in order.' })
  nodes!: (typeof PathNode)[];

  @Field(() => [PathStep])
  steps!: PathStep[];

  @Field(() => [Entity], { description: 'The entities on the path, in order (articles left out).' })
  entities!: Entity[];
}

@ObjectType({ simpleResolvers: true })
export class WebPage {
  @Field(() => String)
  url!: string;

  @Field(() => String, { nullable: true, description: 'profile (a person\u2019s page) or external.' })
  kind!: string | null;

  @Field(() => String, { nullable: true, description: 'Anchor text of the link.' })
  text!: string | null;
}

@InputType()
export class ArticleFilter {
  @Field(() => String, { nullable: true, description: 'Full text over title and body (Chinese or English).' })
  text?: string | null;

  @Field(() => String, { nullable: true, description: 'zh or en.' })
  language?: string | null;

  @Field(() => String, { nullable: true })
  section?: string | null;

  @Field(() => GraphQLDateTime, { nullable: true, description: 'Published at or after.' })
  from?: Date | null;

  @Field(() => GraphQLDateTime, { nullable: true, description: 'Published at or before.' })
  to?: Date | null;

  @Field(() => String, {
    nullable: true,
    description: 'Name or alias of an entity (person, organization, place or topic) the article mentions.',
  })
  mentions?: string | null;

  @Field(() => String, { nullable: true, description: 'A topic of the article (by name).' })
  topic?: string | null;

  @Field(() => String, { nullable: true, description: 'Name or alias of an author of the article.' })
  author?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'The site it was published on, by host name, e.g. cn.nytimes.com or www.nytimes.com.',
  })
  source?: string | null;

  @Field(() => Boolean, {
    nullable: true,
    description: 'true (the default): imported articles; false: stubs that are only linked to.',
  })
  imported?: boolean | null;
}

@ObjectType({ simpleResolvers: true })
export class SubjectEdge {
  @Field(() => String)
  cursor!: string;

  @Field(() => Int, { description: 'Imported articles about it (in the time window, when one is given).' })
  articleCount!: number;

  @Field(() => Entity, { description: 'A person, organization, place or topic.' })
  node!: Entity;
}

@ObjectType({
  simpleResolvers: true,
  description: 'What the graph knows about, most articles first, then by kind and key.',
})
export class SubjectConnection {
  @Field(() => PageInfo)
  pageInfo!: PageInfo;

  @Field(() => [SubjectEdge])
  edges!: SubjectEdge[];
}

export enum ArticleOrder {
  NEWEST = 'NEWEST',
  OLDEST = 'OLDEST',
  RELEVANCE = 'RELEVANCE',
}
registerEnumType(ArticleOrder, {
  name: 'ArticleOrder',
  description: 'Order of article lists; ties are broken by URL.',
  valuesConfig: {
    NEWEST: { description: 'By publication time, newest first (undated last). The default.' },
    OLDEST: { description: 'By publication time, oldest first (undated first).' },
    RELEVANCE: {
      description:
        'Best match first: full-text score with `text`, else how often the article mentions `mentions`, ' +
        'else the topic weight of `topic`. Needs one of text, mentions, topic or author.',
    },
  },
});

export enum ArticleCountBy {
  MONTH = 'MONTH',
  SECTION = 'SECTION',
  LANGUAGE = 'LANGUAGE',
  TOPIC = 'TOPIC',
  PERSON = 'PERSON',
  ORGANIZATION = 'ORGANIZATION',
  PLACE = 'PLACE',
}
registerEnumType(ArticleCountBy, {
  name: 'ArticleCountBy',
  description:
    'How articleCounts groups articles: by month of publication (YYYY-MM, in the article\u2019s own time zone; ' +
    'the latest months, in time order), section or language, or by the topics, people, organizations or ' +
    'places they mention (most articles first).',
});

@ObjectType({
  simpleResolvers: true,
  description: 'One bar of a chart: a group and how many articles fall in it.',
})
export class CountBucket {
  @Field(() => String, { description: 'The month (YYYY-MM), section, language, or entity key.' })
  key!: string;

  @Field(() => String, { description: 'What to show: the key, or the entity\u2019s name.' })
  name!: string;

  @Field(() => Int)
  count!: number;

  @Field(() => Entity, { nullable: true, description: 'The entity, when grouped by one.' })
  entity!: Entity | null;
}

@ObjectType({ simpleResolvers: true })
export class EntityPair {
  @Field(() => Entity)
  first!: Entity;

  @Field(() => Entity)
  second!: Entity;

  @Field(() => Int, { description: 'Articles (among those selected) that mention both.' })
  count!: number;
}

export enum CurationAction {
  MERGE = 'MERGE',
  RENAME = 'RENAME',
  SPLIT_ALIAS = 'SPLIT_ALIAS',
  REJECT = 'REJECT',
}
registerEnumType(CurationAction, { name: 'CurationAction' });

@ObjectType({
  simpleResolvers: true,
  description: 'A correction made through the API: who, when, what. Every later import applies it too.',
})
export class Curation {
  @Field(() => ID)
  id!: string;

  @Field(() => CurationAction)
  action!: CurationAction;

  @Field(() => EntityKind)
  kind!: EntityKind;

  @Field(() => String, { description: 'The entity acted on, by its name at the time.' })
  name!: string;

  @Field(() => String, {
    nullable: true,
    description: 'MERGE: the entity it went into; RENAME: the new name.',
  })
  target!: string | null;

  @Field(() => String, { nullable: true, description: 'SPLIT_ALIAS: the name that is no longer an alias.' })
  alias!: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'REJECT: the article it was wrongly extracted from; null means from every article.',
  })
  articleUrl!: string | null;

  @Field(() => String, { nullable: true })
  note!: string | null;

  @Field(() => String, { description: 'The name of the API key that made it.' })
  by!: string;

  @Field(() => GraphQLDateTime)
  at!: string;
}

@ObjectType({ simpleResolvers: true })
export class CurationResult {
  @Field(() => Curation)
  curation!: Curation;

  @Field(() => Entity, { nullable: true, description: 'The entity as it is now (null when it was removed).' })
  entity!: Entity | null;
}
