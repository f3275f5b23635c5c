import { loadConfig } from '../config';
import type { Driver } from 'neo4j-driver';
import { Readable } from 'node:stream';
import type {
  AliasMemory,
  AliasMemoryEntry,
  ExtractedArticle,
  ImportError,
  ParsedArticle,
} from '../model/article';
import { isUnavailableError, Neo4jUnavailableError, neo4jAnswers } from '../db/driver';
import { createExtractor, releaseExtractorResources } from './extract';
import { readInputs, type RawInput } from './input';
import { parseInput } from './parse';
import { learnAliases, resolveArticle } from './resolve';
import { canonicalMemory, memoryChanges, MemoryRelevance, surfacesOf } from './resolve/memory';
import { contentHash } from './write/rows';
import {
  bodyLength,
  createWriter,
  newer,
  type CopyVersion,
  type StoredTeaching,
  type WriteOutcome,
  type Writer,
} from './write/writer';
import { applyCurations, compileCurations, NO_CURATIONS, type Curations } from './resolve/curations';

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
  /** The URL of the one HTML page imported (`--url`): its identity, whatever the page says. */
  url?: string;
  onProgress?: (progress: ImportProgress) => void;
  /**
   * A batch that has not finished after this long fails as if Neo4j were gone (a hung server keeps
   * its sockets open, so no driver timeout fires). Default: IMPORT_TX_TIMEOUT_MS + 30 s.
   */
  batchDeadlineMs?: number;
}

export interface StageTimes {
  /** Pass 1: what each input teaches the alias memory. */
  learn: number;
  read: number;
  parse: number;
  extract: number;
  write: number;
  /** Stored articles extracted again because the alias memory changed under them. */
  reextract: number;
  finalize: number;
}

export interface ImportSummary {
  new: number;
  updated: number;
  unchanged: number;
  failed: number;
  /** Stored articles, not among the inputs, written again because a name they use was taught. */
  reextracted: number;
  errors: ImportError[];
  /** Not errors: conflicts resolved by rule, dates that did not parse, pages imported under a fallback identity, and the like. */
  warnings: ImportError[];
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

/**
 * extract + resolve over one article with a fixed alias memory. Learning is a separate step
 * (`taughtBy`), so that an article's extraction never depends on what was processed before it.
 */
export function createArticleProcessor(
  memory: AliasMemory,
  maxArticleChars = loadConfig().maxArticleChars,
  curations: Curations = NO_CURATIONS,
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
      // Curations come last, so neither the graph nor the alias memory learns what people corrected.
      return applyCurations(resolveArticle(extracted, memory), curations);
    },
  };
}

/** What articles teach the alias memory on their own: their confident names, with an empty memory. */
export function createTeacher(
  maxArticleChars = loadConfig().maxArticleChars,
  curations: Curations = NO_CURATIONS,
): {
  taught(article: ParsedArticle): AliasMemoryEntry[];
} {
  const processor = createArticleProcessor({ entries: [] }, maxArticleChars, curations);
  return { taught: (article) => canonicalMemory([learnAliases(processor.process(article))]) };
}

interface Teaching {
  version: CopyVersion;
  taught: AliasMemoryEntry[];
}

/**
 * Pass 1: parses every input and records what each copy teaches, keeping per URL the copy that
 * wins whatever the order. Errors are left to pass 2, which reports them. stdin is kept to be
 * read again.
 */
async function learnPass(
  paths: string[],
  stdin: NodeJS.ReadableStream | undefined,
  curations: Curations = NO_CURATIONS,
): Promise<{ winners: Map<string, Teaching>; byCopy: Map<string, AliasMemoryEntry[]>; stdin?: RawInput }> {
  const teacher = createTeacher(undefined, curations);
  const winners = new Map<string, Teaching>();
  const byCopy = new Map<string, AliasMemoryEntry[]>();
  let stdinInput: RawInput | undefined;
  for await (const input of readInputs(paths, { stdin })) {
    if (input.source === '-') stdinInput = input;
    if ('error' in input) continue;
    let articles: ParsedArticle[];
    try {
      articles = parseInput(input).articles;
    } catch {
      continue;
    }
    for (const article of articles) {
      const hash = contentHash(article);
      let taught: AliasMemoryEntry[];
      try {
        taught = teacher.taught(article);
      } catch {
        continue;
      }
      byCopy.set(copyId(article.url, hash), taught);
      const version: CopyVersion = {
        fetchedAt: article.fetchedAt ?? null,
        bodyLength: bodyLength(article),
        hash,
      };
      const current = winners.get(article.url);
      if (!current || newer(version, current.version)) winners.set(article.url, { version, taught });
    }
  }
  return { winners, byCopy, stdin: stdinInput };
}

const copyId = (url: string, hash: string) => `${url}\u0000${hash}`;

/** Rejects when `promise` has not settled within `ms`. */
async function withDeadline<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new Neo4jUnavailableError(`no answer from Neo4j within ${Math.round(ms / 1000)} s`)),
      ms,
    );
  });
  try {
    return await Promise.race([promise, deadline]);
  } finally {
    clearTimeout(timer);
  }
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export async function importPaths(paths: string[], options: ImportOptions = {}): Promise<ImportSummary> {
  const started = performance.now();
  const stageMs: StageTimes = {
    learn: 0,
    read: 0,
    parse: 0,
    extract: 0,
    write: 0,
    reextract: 0,
    finalize: 0,
  };
  const summary: ImportSummary = {
    new: 0,
    updated: 0,
    unchanged: 0,
    failed: 0,
    reextracted: 0,
    errors: [],
    warnings: [],
    nodesCreated: 0,
    relationshipsCreated: 0,
    elapsedMs: 0,
    articlesPerSecond: 0,
    stageMs,
    articles: options.dryRun ? [] : undefined,
  };
  const batchSize = options.batchSize ?? loadConfig().importBatchSize;
  let writer: Writer | undefined;
  let stored: StoredTeaching[] = [];
  let curations: Curations = NO_CURATIONS;
  if (!options.dryRun) {
    if (!options.driver) throw new Error('importPaths needs a driver unless dryRun is set');
    writer = createWriter(options.driver, options.database ?? 'neo4j', { force: options.force });
    stored = await writer.loadTeachings();
    curations = compileCurations(await writer.loadCurations());
  }
  // Pass 1, then the memory of the corpus as it will be after this run: what the stored articles
  // teach, except where this run brings a copy that replaces them, plus what this run's copies teach.
  let t = performance.now();
  const learned = await learnPass(paths, options.stdin, curations);
  stageMs.learn = performance.now() - t;
  const storedByUrl = new Map(stored.map((s) => [s.url, s]));
  const replaces = (url: string): boolean => {
    const incoming = learned.winners.get(url);
    const current = storedByUrl.get(url);
    return (
      !!incoming &&
      (!current || incoming.version.hash === current.version.hash || newer(incoming.version, current.version))
    );
  };
  const before = canonicalMemory(stored.map((s) => s.taught));
  let memory: AliasMemory = {
    entries: canonicalMemory([
      ...stored.filter((s) => !replaces(s.url)).map((s) => s.taught),
      ...[...learned.winners].filter(([url]) => replaces(url)).map(([, w]) => w.taught),
    ]),
  };
  const relevance = new MemoryRelevance(memory.entries);
  let processor: ArticleProcessor | undefined = createArticleProcessor(memory, undefined, curations);
  /** Extract + resolve with the corpus memory, and record what the article teaches and was extracted with. */
  const processWithMemory = (
    article: ParsedArticle,
    taught: AliasMemoryEntry[] | undefined,
  ): ExtractedArticle => {
    const resolved = processor!.process(article);
    resolved.taught = taught ?? learned.byCopy.get(copyId(article.url, contentHash(article))) ?? [];
    resolved.extractionKey = relevance.extractionKey(resolved);
    return resolved;
  };
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

  /**
   * The import stops at the first sign that Neo4j is gone: a connection error, or a failed batch
   * after which the server does not answer a liveness check. Retrying article by article then
   * would only wait out the driver's retry time once per article.
   */
  let fatal: Neo4jUnavailableError | undefined;
  const stopIfUnavailable = async (error: unknown) => {
    if (fatal) throw fatal;
    if (isUnavailableError(error) || !(await neo4jAnswers(options.driver!, options.database ?? 'neo4j'))) {
      fatal = new Neo4jUnavailableError(
        `Neo4j stopped answering during the import: ${errorMessage(error)}. ` +
          `Articles written before this point are kept; run the same import again once Neo4j is back ` +
          `to finish it (written articles are skipped as unchanged).`,
        { cause: error },
      );
      throw fatal;
    }
  };

  /** Writes a batch; when the transaction fails, retries one article at a time to isolate the bad one. */
  const writeBatch = async (batch: ExtractedArticle[]) => {
    const t0 = performance.now();
    try {
      const result = await withDeadline(writer!.writeBatch(batch), batchDeadlineMs);
      result.outcomes.forEach(count);
      summary.warnings.push(...result.warnings);
      summary.nodesCreated += result.nodesCreated;
      summary.relationshipsCreated += result.relationshipsCreated;
    } catch (batchError) {
      await stopIfUnavailable(batchError);
      if (batch.length === 1) {
        fail(batch[0].source, `could not be written to Neo4j: ${errorMessage(batchError)}`);
      } else {
        for (const article of batch) await writeBatch([article]);
      }
    } finally {
      stageMs.write += performance.now() - t0;
    }
  };

  const batchDeadlineMs = options.batchDeadlineMs ?? loadConfig().importTxTimeoutMs + 30_000;
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
    // Awaited before the next batch; until then a rejection must not count as unhandled.
    inFlight.catch(() => undefined);
  };

  t = performance.now();
  // Pass 2: stdin was read by pass 1 and is replayed from memory.
  const replayStdin = learned.stdin ? Readable.from([]) : options.stdin;
  for await (const read of readInputs(paths, { stdin: replayStdin })) {
    const input = read.source === '-' && learned.stdin ? learned.stdin : read;
    if (fatal) break;
    stageMs.read += performance.now() - t;
    progress.inputs += 1;
    progress.currentSource = input.source;
    if ('error' in input) {
      fail(input.source, input.error);
    } else {
      t = performance.now();
      let parsed: ReturnType<typeof parseInput>;
      try {
        parsed = parseInput({ ...input, url: options.url });
      } catch (error) {
        parsed = {
          articles: [],
          errors: [{ source: input.source, message: errorMessage(error) }],
          warnings: [],
        };
      }
      stageMs.parse += performance.now() - t;
      for (const error of parsed.errors) fail(error.source, error.message);
      summary.warnings.push(...parsed.warnings);
      for (const article of parsed.articles) {
        t = performance.now();
        try {
          const resolved = processWithMemory(article, undefined);
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

  // Pass 3: stored articles outside this run that a changed memory entry may affect are extracted
  // again from their stored parse, so the graph is the one a single import of everything gives.
  const changed = memoryChanges(before, memory.entries);
  if (writer && !fatal && changed.length > 0) {
    const t0 = performance.now();
    const counted = { new: summary.new, updated: summary.updated, unchanged: summary.unchanged };
    const runUrls = [...learned.winners.keys()].filter(replaces);
    const affected = await writer.affectedBy(surfacesOf(changed), runUrls);
    for (let i = 0; i < affected.length && !fatal; i += batchSize) {
      for (const { article, extractionKey } of await writer.loadParsed(affected.slice(i, i + batchSize))) {
        try {
          const resolved = processWithMemory(article, storedByUrl.get(article.url)?.taught ?? []);
          if (resolved.extractionKey === extractionKey) continue;
          summary.reextracted += 1;
          batch.push(resolved);
        } catch (error) {
          fail(article.source, `not extracted again: ${errorMessage(error)}`);
        }
      }
      if (batch.length >= batchSize) await flush();
    }
    await flush();
    await inFlight;
    // Pass 3 rewrites articles that were not inputs: they are counted as re-extracted only.
    Object.assign(summary, counted);
    stageMs.reextract = performance.now() - t0;
  }
  if (fatal) throw fatal;
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
