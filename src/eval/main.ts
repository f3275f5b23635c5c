import path from 'node:path';
import { createExtractor } from '../import/extract';
import { parseInput } from '../import/parse';
import { evaluate, formatReport, GOLD_DIR, loadGold, type ArticleLoader } from './score';

/**
 * `npm run eval`: extraction quality on the hand-annotated gold set (test/fixtures/gold).
 * Prints precision, recall and F1 per type with the misses and false positives; `--json` for JSON;
 * `--dir <folder>` scores another gold set (e.g. test/fixtures/blind-en, which also scores experts).
 */
export const parseGoldArticle: ArticleLoader = (gold, bytes, file) => {
  const { articles, errors } = parseInput({ source: file, bytes });
  if (articles.length !== 1) {
    throw new Error(
      `gold article ${gold.id}: expected one article, got ${articles.length} (${errors[0]?.message ?? ''})`,
    );
  }
  return articles[0];
};

function main(argv: string[]): void {
  const json = argv.includes('--json');
  const quiet = argv.includes('--quiet');
  const at = argv.indexOf('--dir');
  const dir = at >= 0 && argv[at + 1] ? path.resolve(argv[at + 1]) : GOLD_DIR;
  const extractor = createExtractor();
  const report = evaluate(loadGold(dir), parseGoldArticle, (a) => extractor.extract(a), dir);
  if (json) process.stdout.write(JSON.stringify(report, null, 2) + '\n');
  else process.stdout.write(formatReport(report, !quiet) + '\n');
}

if (require.main === module) main(process.argv.slice(2));
