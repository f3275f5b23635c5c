import type { Driver } from 'neo4j-driver';
import { createDriver } from '../../src/db/driver';
import { importPaths, type ImportSummary } from '../../src/import/pipeline';
import { instrumentTransactions } from './instrument';
import { queryNames } from './query-names';

/**
 * The importer alone in its own process, so that its peak RSS is not mixed with the harness, the
 * generator or the Neo4j driver used for wiping and counting. Started by run.ts with an IPC channel;
 * it sends one ChildReport and exits.
 */

export interface ChildRequest {
  paths: string[];
  uri: string;
  user: string;
  password: string;
  database: string;
  batchSize: number;
  /** How often to record an RSS sample in the timeline, in articles. */
  timelineEvery: number;
  /** Parse and extract only: the CPU-bound ceiling of the importer without Neo4j. */
  dryRun?: boolean;
}

export interface QueryTime {
  query: string;
  calls: number;
  ms: number;
}

export interface MemorySample {
  articles: number;
  elapsedMs: number;
  rssMB: number;
  heapUsedMB: number;
  /** Cumulative time per statement so far: a statement whose cost grows with the graph shows here. */
  queryMs: Record<string, number>;
}

export interface ChildReport {
  summary: Omit<ImportSummary, 'errors' | 'articles'> & { firstErrors: ImportSummary['errors'] };
  /** From process.resourceUsage().maxRSS: the kernel's high-water mark, missed by no sample. */
  maxRssMB: number;
  /** Highest process.memoryUsage().rss seen by the 100 ms sampler. */
  sampledPeakRssMB: number;
  /** RSS after modules are loaded, before the first input is read. */
  baselineRssMB: number;
  timeline: MemorySample[];
  /** Child wall time from process start, module loading included. */
  processMs: number;
  cpuUserMs: number;
  cpuSystemMs: number;
  /**
   * Time from each tx.run to its result, by statement. It includes time the event loop spent on
   * extraction while the answer waited, so it is an upper bound on Neo4j's share of the write stage.
   */
  queryTimes: QueryTime[];
}

/**
 * Records when the caller is done with a Result, however it reads it: awaited (then) or streamed
 * (for await). Subscribing on the side, e.g. result.then(...) next to a for-await loop, would make the
 * driver buffer every record of a streamed result and defeat the streaming (the aggregates step over
 * 10k articles then ran out of a 256 MB heap in the benchmark only).
 */
function timedResult<T extends object>(result: T, done: () => void): T {
  let recorded = false;
  const once = () => {
    if (!recorded) {
      recorded = true;
      done();
    }
  };
  return new Proxy(result, {
    get(target, prop) {
      const value = Reflect.get(target, prop, target) as unknown;
      if (prop === 'then' && typeof value === 'function') {
        return (onFulfilled?: (v: unknown) => unknown, onRejected?: (e: unknown) => unknown) =>
          (value as (...a: unknown[]) => Promise<unknown>).call(
            target,
            (v: unknown) => {
              once();
              return onFulfilled ? onFulfilled(v) : v;
            },
            (e: unknown) => {
              once();
              if (onRejected) return onRejected(e);
              throw e;
            },
          );
      }
      if (prop === Symbol.asyncIterator && typeof value === 'function') {
        return () => {
          const iterator = (value as () => AsyncIterator<unknown>).call(target);
          return {
            async next() {
              try {
                const step = await iterator.next();
                if (step.done) once();
                return step;
              } catch (error) {
                once();
                throw error;
              }
            },
            async return(v?: unknown) {
              once();
              return iterator.return ? iterator.return(v) : { done: true, value: v };
            },
            [Symbol.asyncIterator]() {
              return this;
            },
          };
        };
      }
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
}

/**
 * Wraps the driver so that every statement the writer runs is timed, without touching the writer.
 * Only what the writer uses is wrapped: session().executeWrite/executeRead and driver.executeQuery.
 */
function timedDriver(driver: Driver, times: Map<string, QueryTime>): Driver {
  const names = queryNames();
  const record = (query: string, started: number) => {
    const name = names.get(query) ?? query.trim().split('\n')[0].slice(0, 60);
    const entry = times.get(name) ?? { query: name, calls: 0, ms: 0 };
    entry.calls += 1;
    entry.ms += performance.now() - started;
    times.set(name, entry);
  };
  return instrumentTransactions(
    driver,
    (tx, query, params) => {
      const started = performance.now();
      return timedResult(tx.run(query, params), () => record(query, started));
    },
    {
      executeQuery:
        (target) =>
        async (query: string, ...rest: unknown[]) => {
          const started = performance.now();
          try {
            return await (target.executeQuery as (...args: unknown[]) => Promise<unknown>)(query, ...rest);
          } finally {
            record(query, started);
          }
        },
    },
  );
}

const MB = 1024 * 1024;

function round(value: number, digits = 1): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

async function main(request: ChildRequest): Promise<ChildReport> {
  const driver = createDriver(request, { maxConnectionPoolSize: 4 });
  const queryTimes = new Map<string, QueryTime>();
  let sampledPeak = 0;
  const sample = () => {
    sampledPeak = Math.max(sampledPeak, process.memoryUsage().rss);
  };
  const timer = setInterval(sample, 100);
  const timeline: MemorySample[] = [];
  let nextMark = request.timelineEvery;
  let lastProgressLog = 0;
  const baselineRssMB = round(process.memoryUsage().rss / MB);
  const importStarted = performance.now();
  try {
    const summary = await importPaths(request.paths, {
      driver: request.dryRun ? undefined : timedDriver(driver, queryTimes),
      dryRun: request.dryRun,
      database: request.database,
      batchSize: request.batchSize,
      onProgress: (progress) => {
        if (progress.articles >= nextMark) {
          nextMark += request.timelineEvery;
          const usage = process.memoryUsage();
          sampledPeak = Math.max(sampledPeak, usage.rss);
          timeline.push({
            articles: progress.articles,
            elapsedMs: round(performance.now() - importStarted, 0),
            rssMB: round(usage.rss / MB),
            heapUsedMB: round(usage.heapUsed / MB),
            queryMs: Object.fromEntries([...queryTimes.values()].map((q) => [q.query, round(q.ms, 0)])),
          });
        }
        const now = Date.now();
        if (now - lastProgressLog > 5000) {
          lastProgressLog = now;
          console.error(`  ... ${progress.articles} articles, ${progress.failed} failed`);
        }
      },
    });
    sample();
    const usage = process.resourceUsage();
    const { errors, articles: _articles, ...rest } = summary;
    return {
      summary: { ...rest, firstErrors: errors.slice(0, 10) },
      // resourceUsage().maxRSS is in kilobytes.
      maxRssMB: round(usage.maxRSS / 1024),
      sampledPeakRssMB: round(sampledPeak / MB),
      baselineRssMB,
      timeline,
      processMs: round(performance.now(), 0),
      cpuUserMs: round(usage.userCPUTime / 1000, 0),
      cpuSystemMs: round(usage.systemCPUTime / 1000, 0),
      queryTimes: [...queryTimes.values()]
        .map((q) => ({ ...q, ms: round(q.ms, 0) }))
        .sort((a, b) => b.ms - a.ms),
    };
  } finally {
    clearInterval(timer);
    await driver.close();
  }
}

process.once('message', (request: ChildRequest) => {
  main(request)
    .then((report) => process.send!({ ok: true, report }, () => process.exit(0)))
    .catch((error: unknown) => {
      const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
      process.send!({ ok: false, error: message }, () => process.exit(1));
    });
});
