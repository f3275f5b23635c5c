import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { detectFormat, mapLabel, readAnnotated, toCodeUnits } from '../../src/ner/formats';

const fixture = (name: string): string => join(__dirname, '../fixtures/ner', name);

/** Entities of a file as `TYPE:surface` strings (Chinese: characters joined; English: words). */
function entities(file: string, sep = ''): string[] {
  return readAnnotated(file).sentences.flatMap((s) =>
    s.spans.map((sp) => `${sp.type}:${s.tokens.slice(sp.start, sp.end).join(sep)}`),
  );
}

describe('annotated NER formats', () => {
  it('detects each format of ../shared/ner from the content', () => {
    expect(readAnnotated(fixture('cluener.jsonl'))).toMatchObject({ format: 'cluener', language: 'zh' });
    expect(readAnnotated(fixture('pd.bio'))).toMatchObject({
      format: 'pd',
      language: 'zh',
      sentences: { length: 3 },
    });
    expect(readAnnotated(fixture('msra.bio'))).toMatchObject({ format: 'msra', language: 'zh' });
    expect(readAnnotated(fixture('weibo.bio'))).toMatchObject({ format: 'weibo', language: 'zh' });
    expect(readAnnotated(fixture('conll.txt'))).toMatchObject({ format: 'conll', language: 'en' });
  });

  it('maps labels to PER/ORG/LOC as the data README says', () => {
    expect(mapLabel('name')).toBe('PER');
    expect(mapLabel('government')).toBe('ORG');
    expect(mapLabel('company')).toBe('ORG');
    expect(mapLabel('scene')).toBe('LOC');
    expect(mapLabel('GPE.NAM')).toBe('LOC');
    expect(mapLabel('PER.NOM')).toBeNull();
    expect(mapLabel('movie')).toBeNull();
    expect(mapLabel('position')).toBeNull();
    expect(mapLabel('MISC')).toBeNull();
  });

  it('reads spans: CLUENER inclusive ends, BIO runs, Weibo names without .NOM, CoNLL IOB1', () => {
    expect(entities(fixture('cluener.jsonl')).slice(0, 3)).toEqual(['PER:彭小军', 'LOC:台湾', 'PER:温格']);
    expect(entities(fixture('pd.bio'))).toEqual(['ORG:青岛海牛队', 'ORG:广州松日队']);
    expect(entities(fixture('msra.bio'))).toContain('PER:邓小平');
    expect(entities(fixture('msra.bio'))).toContain('ORG:中国共产党中央委员会');
    expect(entities(fixture('weibo.bio'))).toEqual(['PER:许坚', 'LOC:新乡', 'LOC:新乡']);
    expect(entities(fixture('conll.txt'), ' ')).toContain('ORG:LEICESTERSHIRE');
  });

  it('maps spans to UTF-16 offsets when a character is outside the BMP', () => {
    const s = { tokens: ['𠀋', '李', '四'], spans: [{ start: 1, end: 3, type: 'PER' }] };
    const { text, spans } = toCodeUnits(s);
    expect(text.slice(spans[0].start, spans[0].end)).toBe('李四');
  });

  it('names the file and the problem on bad input', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ner-fmt-'));
    try {
      writeFileSync(join(dir, 'odd.txt'), 'hello world\nthis is prose\n');
      expect(() => readAnnotated(join(dir, 'odd.txt'))).toThrow(/odd\.txt: unknown annotation format/);
      writeFileSync(join(dir, 'bad.jsonl'), '{"text": "abc", "label": {}}\n{"text": oops}\n');
      expect(() => readAnnotated(join(dir, 'bad.jsonl'))).toThrow(/bad\.jsonl:2: not a JSON line/);
      writeFileSync(join(dir, 'span.jsonl'), '{"text": "abc", "label": {"name": {"x": [[1, 9]]}}}\n');
      expect(() => readAnnotated(join(dir, 'span.jsonl'))).toThrow(/span\.jsonl:1: span \[1, 9\] outside/);
      expect(() => readAnnotated(join(dir, 'missing.bio'))).toThrow(/missing\.bio: cannot read/);
      expect(() => detectFormat('', 'empty.bio')).toThrow(/empty\.bio: empty file/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
