/**
 * Readability acceptance: parses every page under a directory laid out as Mozilla Readability's test pages
 * (`<name>/source.html`, `expected.html`, `expected-metadata.json`) and reports how many give an article,
 * titles exact, bylines found (of the pages whose expected byline names a person), dates and body length
 * within 0.5–2× of Readability's expected text.
 *
 *   npx tsx bench/readability/run.ts [dir]     (default test/fixtures/readability)
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseInput } from '../../src/import/parse';
import { readabilityCase, type CaseResult } from '../../test/parse/readability-cases';

function main(argv: string[]): void {
  const dir =
    argv.find((a) => !a.startsWith('--')) ??
    path.join(__dirname, '..', '..', 'test', 'fixtures', 'readability');
  const names = fs
    .readdirSync(dir)
    .filter((n) => fs.existsSync(path.join(dir, n, 'source.html')))
    .sort();
  const results: CaseResult[] = names.map((name) => readabilityCase(path.join(dir, name), parseInput));
  const count = (f: (r: CaseResult) => boolean) => results.filter(f).length;
  const bylinePages = results.filter((r) => r.expectedAuthors.length > 0);
  const summary = {
    pages: results.length,
    articles: count((r) => r.article),
    titlesExact: count((r) => r.titleExact),
    bylinePages: bylinePages.length,
    bylinesFound: bylinePages.filter((r) => r.bylineFound).length,
    datePages: count((r) => r.expectedDate !== null),
    datesMatch: count((r) => r.expectedDate !== null && r.dateMatch),
    bodyWithin: count((r) => r.ratio >= 0.5 && r.ratio <= 2),
  };
  for (const r of results)
    console.log(
      [
        r.name.padEnd(28),
        r.article ? 'A' : '-',
        r.titleExact ? 'T' : '-',
        r.expectedAuthors.length === 0 ? ' ' : r.bylineFound ? 'B' : '-',
        r.ratio.toFixed(2),
        JSON.stringify(r.authors),
        r.error ?? '',
      ].join(' '),
    );
  console.log(JSON.stringify(summary, null, 2));
}

main(process.argv.slice(2));
