import { loadConfig } from '../config';
import type { Driver } from 'neo4j-driver';
import type { AliasMemory, ExtractedArticle, ImportError, ParsedArticle } from '../model/article';
import { createExtractor, releaseExtractorResources } from './extract';
import { readInputs } from './input';
import { parseInput } from './parse';
import { learnAliases, resolveArticle } from './resolve';
import { createWriter, type WriteOutcome, type Writer } from './write/writer';

/**
 * The importer: parse -> extract -> resolve -> write, streamed one input at a time so that
 * memory stays flat whatever the corpus size. Writes go out in batches, one transaction each,
 * while the next batch is being extracted.
 */

/** The stage an import is in: reading and extracting inputs, writing the last batches, finalizing. */
export type ImportPhase = 'extract' | 'write' | 'finalize' | 'done';

export interface ImportProgress {
  phase: ImportPhase;
  inputs: number;
  articles: number;
  failed: number;
  currentSource: string;
  /** Write batches committed, and handed to the writer so far (the total once reading ends). */
  batchesWritten: number;
  batchesTotal: number;
  /** During finalize: the step that runs now, and how many steps there are. */
  finalizeStep: string | null;
  finalizeStepsDone: number;
  finalizeSteps: number;
}

export interface ImportOptions {
  driver?: Driver;
  database?: string;
  batchSize?: number;
  /** Parse and extract only; nothing is written and Neo4j is not needed. */
  dryRun?: boolean;
  /** Rewrite articles even when unchanged (after the alias memory grew: `--reextract`). */
  force?: boolean;
  stdin?: NodeJS.ReadableStream;
  onProgress?: (progress: ImportProgress) => void;
}

export interface StageTimes {
  read: number;
  parse: number;
  extract: number;
  write: number;
  finalize: number;
}

export interface ImportSummary {
  new: number;
  updated: number;
  unchanged: number;
  failed: number;
  errors: ImportError[];
  nodesCreated: number;
  relationshipsCreated: number;
  elapsedMs: number;
  articlesPerSecond: number;
  stageMs: StageTimes;
  /** Only with dryRun: the extracted articles. */
  articles?: ExtractedArticle[];
}

export interface ArticleProcessor {
  process(article: ParsedArticle): ExtractedArticle;
}

/** extract + resolve over one article, learning names as it goes. */
export function createArticleProcessor(
  memory: AliasMemory,
  maxArticleChars = loadConfig().maxArticleChars,
): ArticleProcessor {
  const extractor = createExtractor({ memory });
  return {
    process(article) {
      const characters = article.paragraphs.reduce((sum, p) => sum + p.length, 0);
      if (characters > maxArticleChars) {
        // Real articles stay far below this; a page this long is a dump, and extracting it would
        // take minutes and most of the importer's memory.
        throw new Error(
          `article body has ${characters} characters, over the limit of ${maxArticleChars} (MAX_ARTICLE_CHARS)`,
        );
      }
      const extracted: ExtractedArticle = { ...article, ...extractor.extract(article) };
      const resolved = resolveArticle(extracted, memory);
      memory.entries.push(...learnAliases(resolved));
      return resolved;
    },
  };
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export async function importPaths(paths: string[], options: ImportOptions = {}): Promise<ImportSummary> {
  const started = performance.now();
  const stageMs: StageTimes = { read: 0, parse: 0, extract: 0, write: 0, finalize: 0 };
  const summary: ImportSummary = {
    new: 0,
    updated: 0,
    unchanged: 0,
    failed: 0,
    errors: [],
    nodesCreated: 0,
    relationshipsCreated: 0,
    elapsedMs: 0,
    articlesPerSecond: 0,
    stageMs,
    articles: options.dryRun ? [] : undefined,
  };
  const batchSize = options.batchSize ?? loadConfig().importBatchSize;
  let writer: Writer | undefined;
  let memory: AliasMemory = { entries: [] };
  if (!options.dryRun) {
    if (!options.driver) throw new Error('importPaths needs a driver unless dryRun is set');
    writer = createWriter(options.driver, options.database ?? 'neo4j', { force: options.force });
    memory = await writer.loadAliasMemory();
  }
  let processor: ArticleProcessor | undefined = createArticleProcessor(memory);
  const progress: ImportProgress = {
    phase: 'extract',
    inputs: 0,
    articles: 0,
    failed: 0,
    currentSource: '',
    batchesWritten: 0,
    batchesTotal: 0,
    finalizeStep: null,
    finalizeStepsDone: 0,
    finalizeSteps: 0,
  };
  const report = () => options.onProgress?.(progress);

  const fail = (source: string, message: string) => {
    summary.failed += 1;
    progress.failed += 1;
    summary.errors.push({ source, message });
  };

  const count = (outcome: WriteOutcome) => {
    summary[outcome] += 1;
  };

  /** Writes a batch; when the transaction fails, retries one article at a time to isolate the bad one. */
  const writeBatch = async (batch: ExtractedArticle[]) => {
    const t0 = performance.now();
    try {
      const result = await writer!.writeBatch(batch);
      result.outcomes.forEach(count);
      summary.nodesCreated += result.nodesCreated;
      summary.relationshipsCreated += result.relationshipsCreated;
    } catch (batchError) {
      if (batch.length === 1) {
        fail(batch[0].source, `could not be written to Neo4j: ${errorMessage(batchError)}`);
      } else {
        for (const article of batch) await writeBatch([article]);
      }
    } finally {
      stageMs.write += performance.now() - t0;
    }
  };

  let batch: ExtractedArticle[] = [];
  let inFlight: Promise<void> = Promise.resolve();
  const flush = async () => {
    if (batch.length === 0) return;
    const ready = batch;
    batch = [];
    progress.batchesTotal += 1;
    await inFlight;
    inFlight = writeBatch(ready).then(() => {
      progress.batchesWritten += 1;
      report();
    });
  };

  let t = performance.now();
  for await (const input of readInputs(paths, { stdin: options.stdin })) {
    stageMs.read += performance.now() - t;
    progress.inputs += 1;
    progress.currentSource = input.source;
    if ('error' in input) {
      fail(input.source, input.error);
    } else {
      t = performance.now();
      let parsed: ReturnType<typeof parseInput>;
      try {
        parsed = parseInput(input);
      } catch (error) {
        parsed = { articles: [], errors: [{ source: input.source, message: errorMessage(error) }] };
      }
      stageMs.parse += performance.now() - t;
      for (const error of parsed.errors) fail(error.source, error.message);
      for (const article of parsed.articles) {
        t = performance.now();
        try {
          const resolved = processor!.process(article);
          progress.articles += 1;
          if (options.dryRun) summary.articles!.push(resolved);
          else batch.push(resolved);
        } catch (error) {
          fail(article.source, `not extracted: ${errorMessage(error)}`);
        }
        stageMs.extract += performance.now() - t;
        if (batch.length >= batchSize) await flush();
      }
    }
    report();
    t = performance.now();
  }
  await flush();
  if (writer) {
    progress.phase = 'write';
    report();
  }
  await inFlight;
  // The extractor and the alias memory it learned are no longer needed: let them go before the
  // corpus-wide finalize step needs the heap.
  processor = undefined;
  memory = { entries: [] };
  if (writer) releaseExtractorResources();

  if (writer) {
    const t0 = performance.now();
    progress.phase = 'finalize';
    await writer.finalize((step, done, total) => {
      progress.finalizeStep = step;
      progress.finalizeStepsDone = done;
      progress.finalizeSteps = total;
      report();
    });
    stageMs.finalize = performance.now() - t0;
  } else {
    summary.new = progress.articles;
  }
  progress.phase = 'done';
  progress.finalizeStep = null;
  report();
  summary.elapsedMs = performance.now() - started;
  summary.articlesPerSecond = progress.articles / Math.max(summary.elapsedMs / 1000, 1e-9);
  return summary;
}
