/**
 * Extraction speed: parses the corpus once, then runs extract + resolve over every article for several
 * rounds on one core and prints JSON and a short table (articles/s, ms/article p50/p95).
 *
 *   npx tsx bench/extract/run.ts [corpus-dir] [--rounds N]
 *
 * The corpus defaults to shared/corpus/nyt-cn beside or above the repository.
 */
import fs from 'fs';
import path from 'path';
import type { AliasMemory, ParsedArticle } from '../../src/model/article';
import { createExtractor } from '../../src/import/extract';
import { parseInput } from '../../src/import/parse';
import { learnAliases, resolveArticle } from '../../src/import/resolve';

function corpusDir(arg: string | undefined): string {
  const root = path.join(__dirname, '..', '..');
  const candidates = [
    arg,
    process.env.NEWSGRAPH_CORPUS,
    path.join(root, '..', 'shared', 'corpus', 'nyt-cn'),
    path.join(root, '..', '..', 'shared', 'corpus', 'nyt-cn'),
    '/work/shared/corpus/nyt-cn',
    path.join(root, 'test', 'fixtures', 'gold', 'articles'),
  ];
  const found = candidates.find((c) => c && fs.existsSync(c) && fs.statSync(c).isDirectory());
  if (!found) throw new Error('no corpus directory found');
  return found;
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

/**
 * CPU time of the main thread alone (Linux), in ms: process.cpuUsage() also counts V8's helper
 * threads (concurrent GC, compilers), which a loaded machine makes noisier. Null where unavailable.
 */
function mainThreadCpuMs(): number | null {
  try {
    const stat = fs.readFileSync(`/proc/self/task/${process.pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // utime and stime (fields 14 and 15 of stat) in clock ticks, 100 per second on Linux.
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
  } catch {
    return null;
  }
}

function main(argv: string[]): void {
  const roundsAt = argv.indexOf('--rounds');
  const rounds = roundsAt >= 0 ? Number(argv[roundsAt + 1]) : 5;
  const dir = corpusDir(argv.find((a, i) => !a.startsWith('--') && argv[i - 1] !== '--rounds'));
  const articles: ParsedArticle[] = [];
  for (const f of fs.readdirSync(dir).sort()) {
    const file = path.join(dir, f);
    if (!fs.statSync(file).isFile()) continue;
    articles.push(...parseInput({ source: file, bytes: fs.readFileSync(file) }).articles);
  }
  const t0 = performance.now();
  const memory: AliasMemory = { entries: [] };
  const extractor = createExtractor({ memory });
  const initMs = performance.now() - t0;

  // One warm-up round lets V8 optimise before timing; it also fills alias memory as an import would.
  for (const a of articles)
    memory.entries.push(...learnAliases(resolveArticle({ ...a, ...extractor.extract(a) }, memory)));
  const perArticle: number[] = [];
  const cpu0 = process.cpuUsage();
  const thread0 = mainThreadCpuMs();
  const start = performance.now();
  for (let r = 0; r < rounds; r++) {
    for (const a of articles) {
      const t = performance.now();
      resolveArticle({ ...a, ...extractor.extract(a) }, memory);
      perArticle.push(performance.now() - t);
    }
  }
  const totalMs = performance.now() - start;
  const cpu = process.cpuUsage(cpu0);
  const thread1 = mainThreadCpuMs();
  const threadMs = thread0 !== null && thread1 !== null ? thread1 - thread0 : null;
  // CPU time says what one core would do on an idle machine; wall time suffers from other load.
  const cpuMs = (cpu.user + cpu.system) / 1000;
  perArticle.sort((x, y) => x - y);
  const result = {
    corpus: dir,
    articles: articles.length,
    rounds,
    initMs: Math.round(initMs),
    articlesPerSecond: Math.round((perArticle.length / totalMs) * 1000),
    articlesPerCpuSecond: Math.round((perArticle.length / cpuMs) * 1000),
    /** The same per CPU second of the main thread only (null off Linux). */
    articlesPerMainThreadCpuSecond: threadMs ? Math.round((perArticle.length / threadMs) * 1000) : null,
    msPerArticle: {
      mean: +(totalMs / perArticle.length).toFixed(3),
      p50: +percentile(perArticle, 50).toFixed(3),
      p95: +percentile(perArticle, 95).toFixed(3),
      max: +percentile(perArticle, 100).toFixed(3),
    },
  };
  process.stdout.write(JSON.stringify(result, null, 2) + '\n');
  process.stdout.write(
    [
      '',
      'articles  rounds  init ms  articles/s  per cpu-s  per thread-cpu-s  ms p50  ms p95',
      [
        String(result.articles).padStart(8),
        String(rounds).padStart(6),
        String(result.initMs).padStart(7),
        String(result.articlesPerSecond).padStart(10),
        String(result.articlesPerCpuSecond).padStart(9),
        String(result.articlesPerMainThreadCpuSecond ?? '-').padStart(16),
        result.msPerArticle.p50.toFixed(2).padStart(6),
        result.msPerArticle.p95.toFixed(2).padStart(6),
      ].join('  '),
      '',
    ].join('\n'),
  );
}

main(process.argv.slice(2));
