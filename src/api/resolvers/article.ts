import { Kind, type GraphQLResolveInfo, type SelectionSetNode } from 'graphql';
import { Arg, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { ApiContext } from '../context';
import type { BatchFn } from '../loaders';
import * as A from '../queries/articles';
import type { ArticleNode } from '../queries/fragments';
import {
  Article,
  ArticleExpert,
  ArticleTopic,
  EntityKind,
  Image,
  Mention,
  Person,
  Quote,
  WebPage,
} from '../types/graph';

/** The loader behind each Article field that reads more than the article node. */
const FIELD_LOADERS: Record<string, A.ArticleFieldLoader> = {
  body: 'article.body',
  authors: 'article.credits',
  contributors: 'article.credits',
  translators: 'article.credits',
  mentions: 'article.mentions',
  quotes: 'article.quotes',
  experts: 'article.experts',
  images: 'article.images',
  topics: 'article.topics',
  cites: 'article.cites',
  citedBy: 'article.citedBy',
  translations: 'article.translations',
  references: 'article.references',
};

/** The loaders the Article fields selected directly under this field will use, each once. */
export function selectedArticleLoaders(info: GraphQLResolveInfo): A.ArticleFieldLoader[] {
  const found = new Set<A.ArticleFieldLoader>();
  const visit = (set: SelectionSetNode | undefined) => {
    for (const selection of set?.selections ?? []) {
      if (selection.kind === Kind.FIELD) {
        const loader = FIELD_LOADERS[selection.name.value];
        if (loader) found.add(loader);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) visit(selection.selectionSet);
      else visit(info.fragments[selection.name.value]?.selectionSet);
    }
  };
  for (const node of info.fieldNodes) visit(node.selectionSet);
  return [...found].sort();
}

type FieldValue<L extends A.ArticleFieldLoader> = Awaited<
  ReturnType<(typeof A.ARTICLE_FIELD_LOADERS)[L]['batch']>
>[number];

/** A field's value through its loader: the loader name and batch function the look-ahead primes. */
function loadField<L extends A.ArticleFieldLoader>(
  ctx: ApiContext,
  article: ArticleNode,
  loader: L,
): Promise<FieldValue<L>> {
  const batch = A.ARTICLE_FIELD_LOADERS[loader].batch as BatchFn<FieldValue<L>>;
  return ctx.loaders.load(loader, article.url, batch);
}

/**
 * Every field here is one batched query per request, whatever the number of articles; under
 * `Query.article` the loaders are primed by the article's own query (one round trip in all).
 */
@Resolver(() => Article)
export class ArticleResolver {
  @FieldResolver(() => String, {
    nullable: true,
    description: 'Plain text, paragraphs separated by blank lines.',
  })
  body(@Root() article: ArticleNode, @Ctx() ctx: ApiContext) {
    return loadField(ctx, article, 'article.body');
  }

  @FieldResolver(() => [Person], { description: 'Byline, in order.' })
  async authors(@Root() article: ArticleNode, @Ctx() ctx: ApiContext) {
    return (await loadField(ctx, article, 'article.credits')).authors;
  }

  @FieldResolver(() => [Person], { description: 'People credited with additional reporting.' })
  async contributors(@Root() article: ArticleNode, @Ctx() ctx: ApiContext) {
    return (await loadField(ctx, article, 'article.credits')).contributors;
  }

  @FieldResolver(() => [Person])
  async translators(@Root() article: ArticleNode, @Ctx() ctx: ApiContext) {
    return (await loadField(ctx, article, 'article.credits')).translators;
  }

  @FieldResolver(() => [Mention], { description: 'Entities the article mentions, most mentioned first.' })
  async mentions(
    @Root() article: ArticleNode,
    @Arg('kind', () => EntityKind, { nullable: true }) kind: EntityKind | null,
    @Ctx() ctx: ApiContext,
  ) {
    const mentions = await loadField(ctx, article, 'article.mentions');
    return kind ? mentions.filter((m) => m.entity.kind === kind) : mentions;
  }

  @FieldResolver(() => [Quote], { description: 'Quotes in the order they appear.' })
  quotes(@Root() article: ArticleNode, @Ctx() ctx: ApiContext) {
    return loadField(ctx, article, 'article.quotes');
  }

  @FieldResolver(() => [ArticleExpert], { description: 'People the article quotes as experts.' })
  experts(@Root() article: ArticleNode, @Ctx() ctx: ApiContext) {
    return loadField(ctx, article, 'article.experts');
  }

  @FieldResolver(() => [Image])
  images(@Root() article: ArticleNode, @Ctx() ctx: ApiContext) {
    return loadField(ctx, article, 'article.images');
  }

  @FieldResolver(() => [ArticleTopic], { description: 'Topics, highest weight first.' })
  topics(@Root() article: ArticleNode, @Ctx() ctx: ApiContext) {
    return loadField(ctx, article, 'article.topics');
  }

  @FieldResolver(() => [Article], {
    description: 'Articles this one links to (imported or stubs), newest first.',
  })
  async cites(@Root() article: ArticleNode, @Ctx() ctx: ApiContext) {
    return (await loadField(ctx, article, 'article.cites')).map((link) => link.article);
  }

  @FieldResolver(() => [Article], { description: 'Imported articles that link to this one, newest first.' })
  async citedBy(@Root() article: ArticleNode, @Ctx() ctx: ApiContext) {
    return (await loadField(ctx, article, 'article.citedBy')).map((link) => link.article);
  }

  @FieldResolver(() => [Article], {
    description: 'The same article in another language, in either direction.',
  })
  async translations(@Root() article: ArticleNode, @Ctx() ctx: ApiContext) {
    return (await loadField(ctx, article, 'article.translations')).map((link) => link.article);
  }

  @FieldResolver(() => [WebPage], { description: 'Links to pages outside the corpus (profiles, sources).' })
  references(@Root() article: ArticleNode, @Ctx() ctx: ApiContext) {
    return loadField(ctx, article, 'article.references');
  }
}
