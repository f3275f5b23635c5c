import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { readInputs, type RawInput } from '../../src/import/input';

async function collect(iterable: AsyncIterable<RawInput>): Promise<RawInput[]> {
  const out: RawInput[] = [];
  for await (const item of iterable) out.push(item);
  return out;
}

const summary = (items: RawInput[]) =>
  items.map((i) => ('bytes' in i ? `${i.source}:${i.bytes.toString()}` : `${i.source}!${i.error}`));

describe('readInputs', () => {
  let dir: string;
  const rel = (...parts: string[]) => path.join(dir, ...parts);

  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsgraph-input-'));
    fs.mkdirSync(rel('corpus', 'b'), { recursive: true });
    fs.mkdirSync(rel('corpus', '.git'));
    fs.writeFileSync(rel('corpus', 'b', '2.md'), 'b2');
    fs.writeFileSync(rel('corpus', 'a.md'), 'a');
    fs.writeFileSync(rel('corpus', 'c.txt'), 'c');
    fs.writeFileSync(rel('corpus', 'B.md'), 'B');
    fs.writeFileSync(rel('corpus', '.hidden.md'), 'hidden');
    fs.writeFileSync(rel('corpus', '.git', 'HEAD'), 'ref');
  });

  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('walks folders recursively in a fixed order and skips dotfiles', async () => {
    expect(summary(await collect(readInputs([rel('corpus')])))).toEqual([
      `${rel('corpus', 'B.md')}:B`,
      `${rel('corpus', 'a.md')}:a`,
      `${rel('corpus', 'b', '2.md')}:b2`,
      `${rel('corpus', 'c.txt')}:c`,
    ]);
  });

  it('expands globs, reads single files, and reports missing paths and empty globs', async () => {
    const items = await collect(
      readInputs([
        rel('corpus', '**', '*.md'),
        rel('corpus', 'c.txt'),
        rel('nope.md'),
        rel('corpus', '*.xml'),
      ]),
    );
    expect(summary(items)).toEqual([
      `${rel('corpus', 'B.md')}:B`,
      `${rel('corpus', 'a.md')}:a`,
      `${rel('corpus', 'b', '2.md')}:b2`,
      `${rel('corpus', 'c.txt')}:c`,
      `${rel('nope.md')}!input not found: ${rel('nope.md')}`,
      `${rel('corpus', '*.xml')}!no files match the pattern ${rel('corpus', '*.xml')}`,
    ]);
  });

  it('yields lazily, one input at a time', async () => {
    const iterator = readInputs([rel('corpus')])[Symbol.asyncIterator]();
    const first = await iterator.next();
    expect(first.value).toMatchObject({ source: rel('corpus', 'B.md') });
    await iterator.return?.();
  });

  it('reads - from the given stdin stream', async () => {
    const stdin = Readable.from([Buffer.from('<!--1-->\n'), Buffer.from('[t](https://x.org/a)')]);
    expect(summary(await collect(readInputs(['-'], { stdin })))).toEqual([
      '-:<!--1-->\n[t](https://x.org/a)',
    ]);
  });

  it('refuses stdin over the limit', async () => {
    const stdin = Readable.from([Buffer.alloc(600), Buffer.alloc(600)]);
    const [item] = await collect(readInputs(['-'], { stdin, maxBytes: 1000 }));
    expect(item).toEqual({ source: '-', error: expect.stringMatching(/too large.*1000 bytes/) });
  });

  it('refuses a file over the limit from its size alone, without reading it', async () => {
    const big = rel('big.md');
    fs.writeFileSync(big, '');
    fs.truncateSync(big, 50 * 1024 * 1024); // sparse: 50 MB of size, no data blocks
    const spy = jest.spyOn(fs.promises, 'readFile');
    try {
      const [item] = await collect(readInputs([big]));
      expect(item).toEqual({
        source: big,
        error:
          'file too large: 50.0 MB (52428800 bytes) exceeds the limit of 20.0 MB (20971520 bytes) (MAX_INPUT_BYTES)',
      });
      expect(spy).not.toHaveBeenCalled();
    } finally {
      spy.mockRestore();
      fs.rmSync(big);
    }
  });

  it('takes the limit from MAX_INPUT_BYTES', async () => {
    const saved = process.env.MAX_INPUT_BYTES;
    process.env.MAX_INPUT_BYTES = '1';
    try {
      const [item] = await collect(readInputs([rel('corpus', 'b', '2.md')]));
      expect(item).toEqual({
        source: rel('corpus', 'b', '2.md'),
        error: expect.stringMatching(/2 bytes exceeds the limit of 1 bytes/),
      });
    } finally {
      if (saved === undefined) delete process.env.MAX_INPUT_BYTES;
      else process.env.MAX_INPUT_BYTES = saved;
    }
  });
});
