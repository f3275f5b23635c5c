import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { collapseText, countWords } from './text';

type ReadabilityDocument = ConstructorParameters<typeof Readability>[0];

/** What Mozilla Readability finds in a page: the article's own HTML and the metadata it reads. */
export interface Readable {
  title: string | null;
  /** The visible or meta byline as the page writes it ("By Erin Cunningham", "by X22 Dec 2016"). */
  byline: string | null;
  /** The article body as clean HTML (site chrome, comments and related links removed). */
  content: string;
  /** Words in the body's text. */
  words: number;
  publishedTime: string | null;
}

/**
 * Runs Mozilla Readability (the algorithm behind Firefox Reader View) over a linkedom DOM, which is several
 * times faster than jsdom and enough for Readability's DOM use. linkedom never fetches or executes anything.
 * Returns null when Readability finds no article or throws on malformed markup: the caller then falls back
 * to the container heuristics.
 */
export function readArticle(html: string): Readable | null {
  try {
    const { document } = parseHTML(html);
    // Readability's types expect a DOM Document; linkedom's implements the subset it uses.
    const parsed = new Readability(document as unknown as ReadabilityDocument, { keepClasses: true }).parse();
    if (!parsed || !parsed.content) return null;
    return {
      title: collapseText(parsed.title ?? '') || null,
      byline: parsed.byline ? parsed.byline.trim() || null : null,
      content: parsed.content,
      words: countWords(parsed.textContent ?? ''),
      publishedTime: parsed.publishedTime ?? null,
    };
  } catch {
    return null;
  }
}
