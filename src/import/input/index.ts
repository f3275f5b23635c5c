import { promises as fs, type Dirent } from 'node:fs';
import path from 'node:path';
import { glob, isDynamicPattern } from 'tinyglobby';

/** One input, read whole, or the reason it could not be read. */
export type RawInput = { source: string; bytes: Buffer } | { source: string; error: string };

export interface ReadInputsOptions {
  /** Inputs larger than this are refused unread. Default: env MAX_INPUT_BYTES, else 20 MB. */
  maxBytes?: number;
  /** What `-` reads; defaults to process.stdin. */
  stdin?: NodeJS.ReadableStream;
}

export const DEFAULT_MAX_INPUT_BYTES = 20 * 1024 * 1024;

/**
 * Yields the inputs named by `paths` one at a time, in a deterministic order, so that memory holds at most
 * one file whatever the corpus size. A path is `-` (stdin), a file, a folder (walked recursively, sorted,
 * dotfiles skipped) or a glob. Problems become `{ source, error }` items: one bad path never stops the rest.
 */
export async function* readInputs(paths: string[], options: ReadInputsOptions = {}): AsyncIterable<RawInput> {
  const maxBytes = options.maxBytes ?? maxBytesFromEnv();
  for (const given of paths) {
    if (given === '-') {
      yield await readStream('-', options.stdin ?? process.stdin, maxBytes);
      continue;
    }
    const stat = await statOrNull(given);
    if (stat?.isDirectory()) {
      for await (const entry of walk(given))
        yield 'error' in entry ? entry : await readFile(entry.file, maxBytes);
    } else if (stat) {
      yield await readFile(given, maxBytes);
    } else if (isDynamicPattern(given)) {
      // A literal path wins over a pattern: file names may contain glob characters such as [1].
      const matches = await expandGlob(given);
      if (matches.length === 0) yield { source: given, error: `no files match the pattern ${given}` };
      for (const file of matches) yield await readFile(file, maxBytes);
    } else {
      yield { source: given, error: `input not found: ${given}` };
    }
  }
}

function maxBytesFromEnv(): number {
  const raw = process.env.MAX_INPUT_BYTES;
  if (raw === undefined || raw.trim() === '') return DEFAULT_MAX_INPUT_BYTES;
  const value = Number(raw);
  if (!Number.isSafeInteger(value) || value <= 0) {
    throw new Error(`MAX_INPUT_BYTES must be a positive integer number of bytes, got "${raw}"`);
  }
  return value;
}

async function statOrNull(file: string) {
  try {
    return await fs.stat(file);
  } catch {
    return null;
  }
}

/** Plain code-unit order: the same on every machine, unlike localeCompare. */
function byName(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

async function* walk(dir: string): AsyncGenerator<{ file: string } | { source: string; error: string }> {
  let entries: Dirent[];
  try {
    entries = await fs.readdir(dir, { withFileTypes: true });
  } catch (err) {
    yield { source: dir, error: `cannot read folder ${dir}: ${(err as Error).message}` };
    return;
  }
  entries.sort((a, b) => byName(a.name, b.name));
  for (const entry of entries) {
    if (entry.name.startsWith('.')) continue;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      yield* walk(full);
    } else if (entry.isFile()) {
      yield { file: full };
    } else if (entry.isSymbolicLink()) {
      // Links to files are followed; links to folders are not, so a link cycle cannot loop forever.
      let target: Awaited<ReturnType<typeof fs.stat>>;
      try {
        target = await fs.stat(full);
      } catch (err) {
        const code = (err as NodeJS.ErrnoException).code;
        yield {
          source: full,
          error:
            code === 'ELOOP'
              ? `skipped: symbolic link loop at ${full}`
              : code === 'ENOENT'
                ? `skipped: dangling symbolic link ${full} (its target does not exist)`
                : `skipped: cannot follow symbolic link ${full}: ${(err as Error).message}`,
        };
        continue;
      }
      if (target.isFile()) yield { file: full };
      else if (target.isDirectory()) {
        yield {
          source: full,
          error: `skipped: symbolic link to a folder ${full} (links to folders are not followed)`,
        };
      } else yield { source: full, error: `skipped: ${full} links to ${kindOf(target)}, not a regular file` };
    } else {
      yield { source: full, error: `skipped: ${full} is ${kindOf(entry)}, not a regular file` };
    }
  }
}

function kindOf(entry: {
  isFIFO(): boolean;
  isSocket(): boolean;
  isBlockDevice(): boolean;
  isCharacterDevice(): boolean;
}): string {
  if (entry.isFIFO()) return 'a FIFO (named pipe)';
  if (entry.isSocket()) return 'a socket';
  if (entry.isBlockDevice() || entry.isCharacterDevice()) return 'a device';
  return 'of another kind';
}

async function expandGlob(pattern: string): Promise<string[]> {
  const files = await glob(pattern, { onlyFiles: true, dot: false, absolute: path.isAbsolute(pattern) });
  return files.sort(byName);
}

function describeSize(bytes: number): string {
  return bytes >= 1024 * 1024
    ? `${(bytes / (1024 * 1024)).toFixed(1)} MB (${bytes} bytes)`
    : `${bytes} bytes`;
}

function tooLarge(source: string, size: number, maxBytes: number): RawInput {
  return {
    source,
    error: `file too large: ${describeSize(size)} exceeds the limit of ${describeSize(maxBytes)} (MAX_INPUT_BYTES)`,
  };
}

async function readFile(file: string, maxBytes: number): Promise<RawInput> {
  try {
    // stat before reading: an oversized file is refused without ever being loaded.
    const stat = await fs.stat(file);
    if (!stat.isFile())
      return { source: file, error: `skipped: ${file} is ${kindOf(stat)}, not a regular file` };
    if (stat.size > maxBytes) return tooLarge(file, stat.size, maxBytes);
    return { source: file, bytes: await fs.readFile(file) };
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return { source: file, error: `input not found: ${file}` };
    return { source: file, error: `cannot read ${file}: ${(err as Error).message}` };
  }
}

/** stdin has no size up front, so the limit is enforced while reading and the excess is never kept. */
async function readStream(
  source: string,
  stream: NodeJS.ReadableStream,
  maxBytes: number,
): Promise<RawInput> {
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of stream) {
      const buf = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
      size += buf.length;
      if (size > maxBytes) {
        return {
          source,
          error: `stdin too large: more than the limit of ${describeSize(maxBytes)} (MAX_INPUT_BYTES)`,
        };
      }
      chunks.push(buf);
    }
  } catch (err) {
    return { source, error: `cannot read stdin: ${(err as Error).message}` };
  }
  return { source, bytes: Buffer.concat(chunks, size) };
}
