import { Kind, type GraphQLResolveInfo, type SelectionSetNode, type ValueNode } from 'graphql';
import { Arg, Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import { pageSize } from '../args';
import type { ApiContext } from '../context';
import { LIMITS } from '../../graph/limits';
import * as A from '../queries/articles';
import { experts, type ExpertRow } from '../queries/experts';
import { Article, ExpertHit, Quote } from '../types/graph';

export interface ExpertHitValue extends ExpertRow {
  role: string | null;
}

/** The role the articles give most often; ties go to the alphabetically first. */
export function mostFrequent(counts: { role: string; count: number }[]): string | null {
  return (
    counts.filter((c) => c.role).sort((a, b) => b.count - a.count || a.role.localeCompare(b.role))[0]?.role ??
    null
  );
}

/** ExpertHit.quotes' default page size. */
const DEFAULT_QUOTES = 5;

function intArgument(value: ValueNode, variables: Record<string, unknown>): unknown {
  if (value.kind === Kind.VARIABLE) return variables[value.name.value];
  if (value.kind === Kind.INT) return Number(value.value);
  if (value.kind === Kind.NULL) return null;
  return undefined;
}

/**
 * What the selection under an experts field reads: the largest `quotes(first:)` page (0 when
 * quotes are not asked for) and whether `articles` is asked for. The query then returns no
 * more quotes and no article lists than the response can show.
 */
export function expertSelection(info: GraphQLResolveInfo): { maxQuotes: number; withUrls: boolean } {
  let maxQuotes = 0;
  let withUrls = false;
  const visit = (set: SelectionSetNode | undefined) => {
    for (const selection of set?.selections ?? []) {
      if (selection.kind === Kind.INLINE_FRAGMENT) visit(selection.selectionSet);
      else if (selection.kind === Kind.FRAGMENT_SPREAD)
        visit(info.fragments[selection.name.value]?.selectionSet);
      else if (selection.name.value === 'articles') withUrls = true;
      else if (selection.name.value === 'quotes') {
        const argument = selection.arguments?.find((a) => a.name.value === 'first');
        const value = argument ? intArgument(argument.value, info.variableValues) : undefined;
        // As the quotes resolver reads it: omitted is its default, null the general default;
        // anything else pageSize will accept or reject, so ask for the most.
        const first =
          value === undefined
            ? DEFAULT_QUOTES
            : value === null
              ? LIMITS.defaultPageSize
              : typeof value === 'number' && Number.isInteger(value)
                ? value
                : LIMITS.maxPageSize;
        maxQuotes = Math.max(maxQuotes, Math.min(Math.max(first, 0), LIMITS.maxPageSize));
      }
    }
  };
  for (const node of info.fieldNodes) visit(node.selectionSet);
  return { maxQuotes, withUrls };
}

/** Experts on one subject key; sibling subjects (Topic.experts on a list) share one query. */
export async function expertHits(
  ctx: ApiContext,
  key: string,
  options: { limit: number; from: string | null; to: string | null },
  info: GraphQLResolveInfo,
): Promise<ExpertHitValue[]> {
  const { maxQuotes, withUrls } = expertSelection(info);
  const name = `experts:${options.limit}:${options.from}:${options.to}:${maxQuotes}:${withUrls}`;
  const rows = await ctx.loaders.load(name, key, (db, keys) =>
    experts(db, keys, { ...options, maxQuotes, withUrls }),
  );
  return rows.map((row) => ({ ...row, role: mostFrequent(row.roleCounts) }));
}

/**
 * A hit's quotes: its stored quotes, then the quotes on its expert edges (the quote that made the
 * person an expert, which may not be a stored Quote) that repeat none of those.
 */
export function hitQuotes(hit: ExpertRow, size: number) {
  const quotes = hit.quotes.map((q) => ({ ...q, speaker: hit.person }));
  const seen = new Set(quotes.map((q) => q.text));
  for (const q of hit.expertQuotes) {
    if (!q.text || [...seen].some((text) => text.includes(q.text!) || q.text!.includes(text))) continue;
    seen.add(q.text);
    quotes.push({ key: null, text: q.text, position: null, articleUrl: q.articleUrl, speaker: hit.person });
  }
  return quotes.slice(0, size);
}

@Resolver(() => ExpertHit)
export class ExpertHitResolver {
  @FieldResolver(() => [Quote], {
    description: 'What the expert said in these articles (quotes, and the quote that made them an expert).',
  })
  quotes(
    @Root() hit: ExpertHitValue,
    @Arg('first', () => Int, { nullable: true, defaultValue: DEFAULT_QUOTES }) first: number | null,
  ) {
    return hitQuotes(hit, pageSize(first));
  }

  @FieldResolver(() => [Article], { description: 'The articles about the subject that quote the expert.' })
  async articles(@Root() hit: ExpertHitValue, @Ctx() ctx: ApiContext) {
    const articles = await Promise.all(
      hit.articleUrls.map((url) => ctx.loaders.load('articlesByUrl', url, A.articlesByUrl)),
    );
    return articles.filter((article) => article !== null);
  }
}
