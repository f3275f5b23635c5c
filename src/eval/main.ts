import { createExtractor } from '../import/extract';
import { parseInput } from '../import/parse';
import { evaluate, formatReport, loadGold, type ArticleLoader } from './score';

/**
 * `npm run eval`: extraction quality on the hand-annotated gold set (test/fixtures/gold).
 * Prints precision, recall and F1 per type with the misses and false positives; `--json` for JSON.
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
  const extractor = createExtractor();
  const report = evaluate(loadGold(), parseGoldArticle, (a) => extractor.extract(a));
  if (json) process.stdout.write(JSON.stringify(report, null, 2) + '\n');
  else process.stdout.write(formatReport(report, !quiet) + '\n');
}

if (require.main === module) main(process.argv.slice(2));
