import { Arg, Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import { pageSize } from '../args';
import type { ApiContext } from '../context';
import { LIMITS } from '../limits';
import * as A from '../queries/articles';
import { experts, type ExpertRow } from '../queries/experts';
import { Article, ExpertHit, Quote } from '../types/graph';

export interface ExpertHitValue extends ExpertRow {
  role: string | null;
}

/** The role the articles give most often; ties go to the alphabetically first. */
function mostFrequent(values: (string | null)[]): string | null {
  const counts = new Map<string, number>();
  for (const value of values) if (value) counts.set(value, (counts.get(value) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]?.[0] ?? null;
}

/** Experts on one subject key; sibling subjects (Topic.experts on a list) share one query. */
export async function expertHits(
  ctx: ApiContext,
  key: string,
  options: { limit: number; from: string | null; to: string | null },
): Promise<ExpertHitValue[]> {
  const name = `experts:${options.limit}:${options.from}:${options.to}`;
  const rows = await ctx.loaders.load(name, key, (db, keys) =>
    experts(db, keys, { ...options, maxQuotes: LIMITS.maxPageSize }),
  );
  return rows.map((row) => ({ ...row, role: mostFrequent(row.roles) }));
}

@Resolver(() => ExpertHit)
export class ExpertHitResolver {
  @FieldResolver(() => [Quote], {
    description: 'What the expert said in these articles (quotes, and the quote that made them an expert).',
  })
  quotes(
    @Root() hit: ExpertHitValue,
    @Arg('first', () => Int, { nullable: true, defaultValue: 5 }) first: number | null,
  ) {
    const size = pageSize(first);
    const quotes = hit.quotes.map((q) => ({ ...q, speaker: hit.person }));
    const seen = new Set(quotes.map((q) => q.text));
    // The expert edge keeps the quote that qualified the person, which may not be a stored Quote.
    for (const q of hit.expertQuotes) {
      if (!q.text || [...seen].some((text) => text.includes(q.text!) || q.text!.includes(text))) continue;
      seen.add(q.text);
      quotes.push({ key: null, text: q.text, position: null, articleUrl: q.articleUrl, speaker: hit.person });
    }
    return quotes.slice(0, size);
  }

  @FieldResolver(() => [Article], { description: 'The articles about the subject that quote the expert.' })
  async articles(@Root() hit: ExpertHitValue, @Ctx() ctx: ApiContext) {
    const articles = await Promise.all(
      hit.articleUrls.map((url) => ctx.loaders.load('articlesByUrl', url, A.articlesByUrl)),
    );
    return articles.filter((article) => article !== null);
  }
}
