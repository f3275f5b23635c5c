import fs from 'fs';
import path from 'path';
import type { ParsedArticle } from '../../src/model/article';
import { parseInput } from '../../src/import/parse';

/** A made-up article: only the fields extraction reads. */
export function article(paragraphs: string[], extra: Partial<ParsedArticle> = {}): ParsedArticle {
  return {
    source: 'test',
    url: 'https://example.com/test',
    title: '',
    language: 'zh',
    publishedAt: null,
    section: null,
    paragraphs,
    wordCount: paragraphs.join('').length,
    authors: [],
    contributors: [],
    translators: [],
    images: [],
    links: [],
    ...extra,
  };
}

export const GOLD_ARTICLES = path.join(__dirname, '..', 'fixtures', 'gold', 'articles');

export function goldArticle(id: string): ParsedArticle {
  const file = path.join(GOLD_ARTICLES, `${id}.md`);
  const { articles } = parseInput({ source: file, bytes: fs.readFileSync(file) });
  if (articles.length !== 1) throw new Error(`cannot parse ${file}`);
  return articles[0];
}
