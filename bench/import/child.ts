import { createDriver } from '../../src/db/driver';
import { importPaths, type ImportSummary } from '../../src/import/pipeline';

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
}

export interface MemorySample {
  articles: number;
  rssMB: number;
  heapUsedMB: number;
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
}

const MB = 1024 * 1024;

function round(value: number, digits = 1): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

async function main(request: ChildRequest): Promise<ChildReport> {
  const driver = createDriver(request, { maxConnectionPoolSize: 4 });
  let sampledPeak = 0;
  const sample = () => {
    sampledPeak = Math.max(sampledPeak, process.memoryUsage().rss);
  };
  const timer = setInterval(sample, 100);
  const timeline: MemorySample[] = [];
  let nextMark = request.timelineEvery;
  let lastProgressLog = 0;
  const baselineRssMB = round(process.memoryUsage().rss / MB);
  try {
    const summary = await importPaths(request.paths, {
      driver,
      database: request.database,
      batchSize: request.batchSize,
      onProgress: (progress) => {
        if (progress.articles >= nextMark) {
          nextMark += request.timelineEvery;
          const usage = process.memoryUsage();
          sampledPeak = Math.max(sampledPeak, usage.rss);
          timeline.push({
            articles: progress.articles,
            rssMB: round(usage.rss / MB),
            heapUsedMB: round(usage.heapUsed / MB),
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
