import fs from 'node:fs';
import path from 'node:path';
import type { ParseResult } from '../../src/import/parse';
import { bylineNames } from '../../src/import/parse/credits';
import { countWords } from '../../src/import/parse/text';

/** One page of Mozilla Readability's test suite, parsed by our importer and compared with its expected files. */
export interface CaseResult {
  name: string;
  article: boolean;
  error: string | null;
  title: string | null;
  expectedTitle: string;
  titleExact: boolean;
  /** Person names in the expected byline (none for "BBC News" or a date-only byline). */
  expectedAuthors: string[];
  authors: string[];
  /** Every expected author is among ours (case-insensitive). */
  bylineFound: boolean;
  expectedDate: string | null;
  dateMatch: boolean;
  /** Our body's words / the expected body's words. */
  ratio: number;
}

const stripTags = (html: string): string =>
  html
    .replace(/<(script|style)[\s\S]*?<\/\1>/gi, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&[a-z#0-9]+;/gi, ' ');

export function readabilityCase(
  dir: string,
  parse: (input: { source: string; bytes: Buffer }) => ParseResult,
): CaseResult {
  const source = path.join(dir, 'source.html');
  const expected = JSON.parse(fs.readFileSync(path.join(dir, 'expected-metadata.json'), 'utf8')) as {
    title: string;
    byline: string | null;
    publishedTime: string | null;
  };
  const expectedWords = countWords(stripTags(fs.readFileSync(path.join(dir, 'expected.html'), 'utf8')));
  const { articles, errors } = parse({ source, bytes: fs.readFileSync(source) });
  const a = articles[0];
  const expectedAuthors = bylineNames(expected.byline);
  const authors = a?.authors ?? [];
  const lower = new Set(authors.map((n) => n.toLowerCase()));
  const expectedDate = expected.publishedTime ? expected.publishedTime.slice(0, 10) : null;
  return {
    name: path.basename(dir),
    article: a !== undefined,
    error: errors[0]?.message ?? null,
    title: a?.title ?? null,
    expectedTitle: expected.title,
    titleExact: a !== undefined && a.title === expected.title.replace(/\s+/g, ' ').trim(),
    expectedAuthors,
    authors,
    bylineFound: expectedAuthors.length > 0 && expectedAuthors.every((n) => lower.has(n.toLowerCase())),
    expectedDate,
    dateMatch: expectedDate !== null && (a?.publishedAt ?? '').slice(0, 10) === expectedDate,
    ratio: a ? countWords(a.paragraphs.join('\n')) / Math.max(1, expectedWords) : 0,
  };
}
