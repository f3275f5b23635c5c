import cliProgress from 'cli-progress';
import type { ImportProgress, ImportSummary } from '../import/pipeline';

export interface ProgressReporter {
  update(progress: ImportProgress): void;
  stop(): void;
}

/** A live bar on a TTY; elsewhere (CI, pipes, logs) a plain line every few seconds. */
export function createProgressReporter(stream: NodeJS.WriteStream = process.stderr): ProgressReporter {
  const started = Date.now();
  const rate = (articles: number) => (articles / Math.max((Date.now() - started) / 1000, 0.001)).toFixed(0);

  if (stream.isTTY) {
    const bar = new cliProgress.SingleBar(
      {
        stream,
        format: 'importing {spinner} {articles} articles | {failed} failed | {rate} articles/s | {source}',
        hideCursor: true,
        clearOnComplete: true,
        fps: 10,
      },
      cliProgress.Presets.shades_classic,
    );
    const spinner = ['|', '/', '-', '\\'];
    let tick = 0;
    bar.start(1, 0, { articles: 0, failed: 0, rate: '0', source: '', spinner: spinner[0] });
    return {
      update(progress) {
        bar.update(0, {
          articles: progress.articles,
          failed: progress.failed,
          rate: rate(progress.articles),
          source: progress.currentSource.slice(-50),
          spinner: spinner[tick++ % spinner.length],
        });
      },
      stop: () => bar.stop(),
    };
  }

  let last = 0;
  return {
    update(progress) {
      const now = Date.now();
      if (now - last < 2000) return;
      last = now;
      stream.write(
        `importing: ${progress.inputs} inputs, ${progress.articles} articles, ${progress.failed} failed, ${rate(progress.articles)} articles/s\n`,
      );
    },
    stop: () => undefined,
  };
}

export function formatSummary(summary: ImportSummary): string {
  const seconds = (summary.elapsedMs / 1000).toFixed(1);
  const stages = Object.entries(summary.stageMs)
    .map(([stage, ms]) => `${stage} ${ms < 1000 ? `${ms.toFixed(0)} ms` : `${(ms / 1000).toFixed(1)} s`}`)
    .join(', ');
  const lines = [
    `Imported in ${seconds} s (${summary.articlesPerSecond.toFixed(summary.articlesPerSecond < 10 ? 1 : 0)} articles/s)`,
    `  articles: ${summary.new} new, ${summary.updated} updated, ${summary.unchanged} unchanged, ${summary.failed} failed` +
      (summary.reextracted > 0 ? `; ${summary.reextracted} stored articles extracted again (new names)` : ''),
    `  written: ${summary.nodesCreated} nodes, ${summary.relationshipsCreated} relationships created`,
    `  stages: ${stages}`,
  ];
  if (summary.warnings.length > 0) {
    lines.push(`  warnings:`);
    for (const warning of summary.warnings) lines.push(`    ${warning.source}: ${warning.message}`);
  }
  if (summary.errors.length > 0) {
    lines.push(`  rejected:`);
    for (const error of summary.errors) lines.push(`    ${error.source}: ${error.message}`);
  }
  if (summary.warnings.length > 0) {
    lines.push(`  warnings:`);
    for (const warning of summary.warnings) lines.push(`    ${warning.source}: ${warning.message}`);
  }
  return lines.join('\n');
}
