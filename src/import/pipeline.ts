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

/**
 * The importer: parse -> extract -> resolve -> write, streamed one input at a time so that
 * memory stays flat whatever the corpus size. Writes go out in batches, one transaction each,
 * while the next batch is being extracted.
 */

export interface ImportProgress {
  inputs: number;
  articles: number;
  failed: number;
  currentSource: string;
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
  /** Not errors: conflicts resolved by rule, dates that did not parse, and the like. */
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
      return resolveArticle(extracted, memory);
    },
  };
}

/** What articles teach the alias memory on their own: their confident names, with an empty memory. */
export function createTeacher(maxArticleChars = loadConfig().maxArticleChars): {
  taught(article: ParsedArticle): AliasMemoryEntry[];
} {
  const processor = createArticleProcessor({ entries: [] }, maxArticleChars);
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
): Promise<{ winners: Map<string, Teaching>; byCopy: Map<string, AliasMemoryEntry[]>; stdin?: RawInput }> {
  const teacher = createTeacher();
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
  if (!options.dryRun) {
    if (!options.driver) throw new Error('importPaths needs a driver unless dryRun is set');
    writer = createWriter(options.driver, options.database ?? 'neo4j', { force: options.force });
    stored = await writer.loadTeachings();
  }
  // Pass 1, then the memory of the corpus as it will be after this run: what the stored articles
  // teach, except where this run brings a copy that replaces them, plus what this run's copies teach.
  let t = performance.now();
  const learned = await learnPass(paths, options.stdin);
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
  let processor: ArticleProcessor | undefined = createArticleProcessor(memory);
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
  const progress: ImportProgress = { inputs: 0, articles: 0, failed: 0, currentSource: '' };

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
    await inFlight;
    inFlight = writeBatch(ready);
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
        parsed = parseInput(input);
      } catch (error) {
        parsed = { articles: [], errors: [{ source: input.source, message: errorMessage(error) }] };
      }
      stageMs.parse += performance.now() - t;
      for (const error of parsed.errors) fail(error.source, error.message);
      summary.warnings.push(...(parsed.warnings ?? []));
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
    options.onProgress?.(progress);
    t = performance.now();
  }
  await flush();
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
    await writer.finalize();
    stageMs.finalize = performance.now() - t0;
  } else {
    summary.new = progress.articles;
  }
  summary.elapsedMs = performance.now() - started;
  summary.articlesPerSecond = progress.articles / Math.max(summary.elapsedMs / 1000, 1e-9);
  return summary;
}
