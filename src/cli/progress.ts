import cliProgress from 'cli-progress';
import type { ImportProgress, ImportSummary } from '../import/pipeline';

export interface ProgressReporter {
  update(progress: ImportProgress): void;
  stop(): void;
}

/** A count with its noun, singular or plural: "1 input", "2 inputs". */
export function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

/** A rate with three significant digits, so a slow run never reads "0.0 articles/s". */
export function formatRate(perSecond: number): string {
  if (!Number.isFinite(perSecond) || perSecond <= 0) return '0';
  if (perSecond >= 100) return perSecond.toFixed(0);
  return String(Number(perSecond.toPrecision(3)));
}

/** One plain line: where the import is and how far along. */
export function describeProgress(progress: ImportProgress, elapsedMs: number): string {
  const seconds = Math.max(elapsedMs / 1000, 0.001);
  const read = `${plural(progress.inputs, 'input')}, ${plural(progress.articles, 'article')} extracted, ${progress.failed} failed`;
  const batches = `batches written ${progress.batchesWritten}/${progress.batchesTotal}`;
  switch (progress.phase) {
    case 'extract':
      return `extracting: ${read}, ${formatRate(progress.articles / seconds)} articles/s; ${batches}`;
    case 'write':
      return `writing: ${batches} (${read})`;
    case 'finalize':
      return `finalizing: step ${Math.min(progress.finalizeStepsDone + 1, progress.finalizeSteps)}/${progress.finalizeSteps}, ${progress.finalizeStep ?? ''}`;
    case 'done':
      return `done: ${read}; ${batches}`;
  }
}

/**
 * A live bar on a TTY; elsewhere (CI, pipes, logs) a plain line every few seconds and at every
 * change of phase (extract -> write -> finalize), so a slow write or finalize never looks stuck.
 */
export function createProgressReporter(
  stream: NodeJS.WriteStream = process.stderr,
  options: { intervalMs?: number } = {},
): ProgressReporter {
  const started = Date.now();
  const elapsed = () => Date.now() - started;

  if (stream.isTTY) {
    const bar = new cliProgress.SingleBar(
      {
        stream,
        format: '{spinner} [{bar}] {status}',
        hideCursor: true,
        clearOnComplete: true,
        fps: 10,
        barsize: 20,
      },
      cliProgress.Presets.shades_classic,
    );
    const spinner = ['|', '/', '-', '\\'];
    let tick = 0;
    bar.start(1, 0, { status: 'starting', spinner: spinner[0] });
    return {
      update(progress) {
        // The bar measures what is measurable: batches written while writing, steps while finalizing.
        const [value, total] =
          progress.phase === 'finalize'
            ? [progress.finalizeStepsDone, progress.finalizeSteps]
            : [progress.batchesWritten, Math.max(progress.batchesTotal, 1)];
        bar.setTotal(total);
        bar.update(value, {
          status: describeProgress(progress, elapsed()),
          spinner: spinner[tick++ % spinner.length],
        });
      },
      stop: () => bar.stop(),
    };
  }

  const interval = options.intervalMs ?? 2000;
  let last = 0;
  let lastPhase = '';
  return {
    update(progress) {
      const now = Date.now();
      const changed = progress.phase !== lastPhase || progress.phase === 'finalize';
      if (!changed && now - last < interval) return;
      if (progress.phase === 'done') return;
      last = now;
      lastPhase = progress.phase;
      stream.write(`${describeProgress(progress, elapsed())}\n`);
    },
    stop: () => undefined,
  };
}

function duration(ms: number): string {
  return ms < 1000 ? `${ms.toFixed(0)} ms` : `${(ms / 1000).toFixed(1)} s`;
}

export function formatSummary(summary: ImportSummary): string {
  const imported = summary.new + summary.updated + summary.unchanged;
  const stages = Object.entries(summary.stageMs)
    .map(([stage, ms]) => `${stage} ${duration(ms)}`)
    .join(', ');
  const head =
    imported === 0
      ? `Nothing imported (${plural(summary.failed, 'input')} or articles failed) in ${duration(summary.elapsedMs)}`
      : `Imported ${plural(imported, 'article')} in ${duration(summary.elapsedMs)} (${formatRate(summary.articlesPerSecond)} articles/s)`;
  const lines = [
    head,
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

/** The summary as one line of JSON (`newsgraph import --json`): counts, times, errors. */
export function summaryJson(summary: ImportSummary): string {
  const { articles: _articles, ...rest } = summary;
  return JSON.stringify({ ...rest, imported: summary.new + summary.updated + summary.unchanged });
}
