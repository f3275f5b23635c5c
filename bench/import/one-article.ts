/**
 * One new article into an empty graph vs into a loaded one, as a user sees it: the time on the
 * importer's `Imported in N s` summary line (the whole `npm run import` process: start-up,
 * extractor dictionaries, write, finalize), and its stage times.
 *
 *   npx tsx bench/import/one-article.ts --articles DIR --base PATH... [--no-load | --empty-only]
 *
 * Each article in --articles (files not in the base) is imported alone into an empty graph, then
 * the base (--base, e.g. the corpus plus `npx tsx bench/import/generate.ts --count 3000 --out DIR`)
 * is imported, then each article again, one at a time, into the loaded graph. `--no-load` skips
 * the empty runs and the load, for a graph that already holds the base; `--empty-only` does only
 * the empty runs. Uses the test instance. Runs are added to bench/results/one-article-<date>.json
 * (so the two halves can run separately) and printed as a table.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { createDriver } from '../../src/db/driver';
import { wipeDatabase } from '../../src/db/wipe';
import { startNeo4j, targetFor } from '../../src/neo4j-launcher/launcher';

const ROOT = path.resolve(__dirname, '..', '..');

interface Run {
  article: string;
  graphArticles: number;
  seconds: number;
  stages: string;
}

function args() {
  const argv = process.argv.slice(2);
  const list = (flag: string) => {
    const out: string[] = [];
    for (let i = argv.indexOf(flag) + 1; i > 0 && i < argv.length && !argv[i].startsWith('--'); i++)
      out.push(argv[i]);
    return out;
  };
  const [articles] = list('--articles');
  if (!articles) throw new Error('usage: one-article.ts --articles DIR --base PATH... [--no-load]');
  return {
    articles,
    base: list('--base'),
    empty: !argv.includes('--no-load'),
    loaded: !argv.includes('--empty-only'),
  };
}

/** Runs `npm run import` as a user would and reads its summary. */
function importCli(paths: string[], uri: string): { seconds: number; stages: string; output: string } {
  const result = spawnSync('npm', ['run', '-s', 'import', '--', '--no-progress', ...paths], {
    cwd: ROOT,
    env: { ...process.env, NEO4J_URI: uri },
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  const output = `${result.stdout}${result.stderr}`;
  const seconds = /Imported in ([\d.]+) s/.exec(output);
  if (!seconds) throw new Error(`no summary line from the import:\n${output.slice(-2000)}`);
  return { seconds: Number(seconds[1]), stages: /stages: (.*)/.exec(output)?.[1] ?? '', output };
}

async function main() {
  const options = args();
  await startNeo4j('test', (line) => console.error(line));
  const target = targetFor('test');
  const driver = createDriver(target);
  const count = async () =>
    (await driver.executeQuery('MATCH (a:Article {imported: true}) RETURN count(a) AS n')).records[0].get(
      'n',
    ) as number;
  const articles = fs
    .readdirSync(options.articles)
    .sort()
    .map((file) => path.join(options.articles, file));
  const runs: Run[] = [];
  try {
    if (options.empty) {
      for (const article of articles) {
        await wipeDatabase(driver, 'neo4j');
        const { seconds, stages } = importCli([article], target.uri);
        runs.push({ article: path.basename(article), graphArticles: 0, seconds, stages });
        console.error(`empty graph: ${path.basename(article)} ${seconds} s (${stages})`);
      }
    }
    if (options.empty && options.loaded) {
      await wipeDatabase(driver, 'neo4j');
      const load = importCli(options.base, target.uri);
      console.error(`base: ${load.output.trim().split('\n').slice(-4).join(' | ')}`);
    }
    for (const article of options.loaded ? articles : []) {
      const before = await count();
      const { seconds, stages } = importCli([article], target.uri);
      runs.push({ article: path.basename(article), graphArticles: before, seconds, stages });
      console.error(`${before}-article graph: ${path.basename(article)} ${seconds} s (${stages})`);
    }
  } finally {
    await driver.close();
  }
  const median = (values: number[]) => {
    const sorted = [...values].sort((x, y) => x - y);
    return sorted.length === 0 ? NaN : sorted[Math.floor((sorted.length - 1) / 2)];
  };
  const dir = path.join(ROOT, 'bench', 'results');
  const file = path.join(dir, `one-article-${new Date().toISOString().slice(0, 10)}.json`);
  if (fs.existsSync(file))
    runs.unshift(...(JSON.parse(fs.readFileSync(file, 'utf8')) as { runs: Run[] }).runs);
  const empty = median(runs.filter((r) => r.graphArticles === 0).map((r) => r.seconds));
  const loaded = median(runs.filter((r) => r.graphArticles > 0).map((r) => r.seconds));
  const doc = {
    date: new Date().toISOString(),
    command: `npx tsx bench/import/one-article.ts ${process.argv.slice(2).join(' ')}`,
    loadAverage: fs.readFileSync('/proc/loadavg', 'utf8').trim(),
    runs,
    medianEmptySeconds: empty,
    medianLoadedSeconds: loaded,
    ratio: loaded / empty,
    target: 1.5,
  };
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(file, JSON.stringify(doc, null, 2) + '\n');
  console.log(JSON.stringify(doc, null, 2));
  console.log('\n| graph | article | Imported in | stages |\n| --- | --- | --- | --- |');
  for (const r of runs) console.log(`| ${r.graphArticles} | ${r.article} | ${r.seconds} s | ${r.stages} |`);
  console.log(
    `\nmedian: ${empty} s empty, ${loaded} s loaded, ratio ${(loaded / empty).toFixed(2)} (target <= 1.5)`,
  );
  console.log(`written to ${path.relative(ROOT, file)}`);
}

void main().catch((error) => {
  console.error(error);
  process.exit(1);
});
