import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { readAnnotated } from '../../src/ner/formats';
import { ChineseTagger } from '../../src/ner/zh/tagger';

const root = join(__dirname, '../..');
const fixture = (name: string): string => join(root, 'test/fixtures/ner', name);

describe('npm run -s ner:eval', () => {
  it('prints exactly one JSON object with overall and per-type scores', () => {
    const out = execFileSync('npm', ['run', '-s', 'ner:eval', '--', fixture('msra.bio')], {
      cwd: root,
      encoding: 'utf8',
    });
    expect(out.trim().split('\n')).toHaveLength(1);
    const r = JSON.parse(out) as {
      file: string;
      sentences: number;
      overall: { precision: number; recall: number; f1: number };
      byType: Record<string, { precision: number; recall: number; f1: number; gold: number }>;
    };
    expect(r.file).toBe(fixture('msra.bio'));
    expect(r.sentences).toBe(readAnnotated(fixture('msra.bio')).sentences.length);
    expect(Object.keys(r.byType).sort()).toEqual(['LOC', 'ORG', 'PER']);
    for (const k of ['precision', 'recall', 'f1'] as const) {
      expect(r.overall[k]).toBeGreaterThanOrEqual(0);
      expect(r.overall[k]).toBeLessThanOrEqual(1);
    }
    const gold = readAnnotated(fixture('msra.bio')).sentences.reduce((n, s) => n + s.spans.length, 0);
    expect(r.byType.PER.gold + r.byType.ORG.gold + r.byType.LOC.gold).toBe(gold);
  });

  it('fails with the file named when the format is unknown', () => {
    let err = '';
    try {
      execFileSync('npm', ['run', '-s', 'ner:eval', '--', join(root, 'README.md')], {
        cwd: root,
        encoding: 'utf8',
        stdio: 'pipe',
      });
    } catch (e) {
      err = String((e as { stderr: string }).stderr);
    }
    expect(err).toMatch(/README\.md: unknown annotation format/);
  });
});

describe('the committed Chinese model', () => {
  const tagger = ChineseTagger.load();

  it('is compact and says what it was trained on', () => {
    expect(tagger.model.featureCount).toBeLessThan(1_000_000);
    const meta = tagger.model.data.meta as { trainedOn: string[]; heldOut: string[] };
    expect(meta.trainedOn).toContain('cluener-train.jsonl');
    // Never scored on what it trained on.
    for (const h of meta.heldOut) expect(meta.trainedOn).not.toContain(h);
  });

  it('finds persons, organizations and places in news text it has not seen', () => {
    const text = '新华社北京电，国务院总理李强今天在人民大会堂会见了来访的德国总理朔尔茨。';
    const found = tagger.spans(text).map((s) => `${s.type}:${text.slice(s.start, s.end)}`);
    expect(found).toEqual(expect.arrayContaining(['PER:李强', 'LOC:德国']));
    expect(found.some((f) => f.startsWith('ORG:'))).toBe(true);
  });
});
