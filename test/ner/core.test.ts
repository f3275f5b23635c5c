import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  EntityScorer,
  featureSeqOf,
  hash1,
  hash2,
  seededRandom,
  spansOfTags,
  Tagger,
  TagSet,
  trainTagger,
  transitionMatrix,
  viterbi,
  ViterbiScratch,
  type TrainingExample,
} from '../../src/ner';

const tags = new TagSet(['PER', 'LOC']);

/** Best allowed sequence by enumerating every tag sequence. */
function bruteForce(emit: Float64Array, n: number, T: number, trans: Float64Array): number[] {
  let best = -Infinity;
  let arg: number[] = [];
  const seq = new Array<number>(n).fill(0);
  const visit = (i: number, score: number): void => {
    if (i === n) {
      if (score > best) {
        best = score;
        arg = [...seq];
      }
      return;
    }
    for (let t = 0; t < T; t++) {
      const tr = trans[(i === 0 ? 0 : seq[i - 1] + 1) * T + t];
      if (tr === -Infinity) continue;
      seq[i] = t;
      visit(i + 1, score + tr + emit[i * T + t]);
    }
  };
  visit(0, 0);
  return arg;
}

describe('BIO tag set', () => {
  it('forbids I-X except after B-X or I-X', () => {
    const B_PER = tags.id('B-PER');
    const I_PER = tags.id('I-PER');
    const I_LOC = tags.id('I-LOC');
    expect(tags.allowed(-1, I_PER)).toBe(false);
    expect(tags.allowed(B_PER, I_PER)).toBe(true);
    expect(tags.allowed(I_PER, I_PER)).toBe(true);
    expect(tags.allowed(B_PER, I_LOC)).toBe(false);
    expect(tags.allowed(0, B_PER)).toBe(true);
  });

  it('converts between tags and spans', () => {
    const ids = ['B-PER', 'I-PER', 'O', 'B-LOC', 'B-LOC', 'I-LOC'].map((t) => tags.id(t));
    const spans = tags.spans(ids);
    expect(spans).toEqual([
      { start: 0, end: 2, type: 'PER' },
      { start: 3, end: 4, type: 'LOC' },
      { start: 4, end: 6, type: 'LOC' },
    ]);
    expect(Array.from(tags.fromSpans(spans, 6))).toEqual(ids);
    // IOB1 (CoNLL-2003): an I- after O starts an entity.
    expect(spansOfTags(['I-ORG', 'I-ORG', 'O', 'I-PER', 'B-PER'])).toEqual([
      { start: 0, end: 2, type: 'ORG' },
      { start: 3, end: 4, type: 'PER' },
      { start: 4, end: 5, type: 'PER' },
    ]);
  });
});

describe('Viterbi', () => {
  it('finds the best allowed sequence (against brute force on random scores)', () => {
    const T = tags.size;
    const rand = seededRandom(7);
    const scratch = new ViterbiScratch();
    for (let trial = 0; trial < 40; trial++) {
      const n = 1 + (trial % 5);
      const emit = Float64Array.from({ length: n * T }, () => rand() * 4 - 2);
      const trans = transitionMatrix(
        tags,
        Array.from({ length: (T + 1) * T }, () => rand() * 2 - 1),
      );
      const out = new Uint8Array(n);
      viterbi(emit, n, T, trans, scratch, out);
      expect(Array.from(out)).toEqual(bruteForce(emit, n, T, trans));
    }
  });

  it('never outputs an I- tag the BIO constraints forbid, even when emissions favour it', () => {
    const T = tags.size;
    const emit = new Float64Array(2 * T);
    emit[tags.id('I-PER')] = 10; // item 0 prefers I-PER, not allowed at the start
    emit[T + tags.id('I-LOC')] = 10;
    const out = new Uint8Array(2);
    viterbi(emit, 2, T, transitionMatrix(tags), new ViterbiScratch(), out);
    expect(tags.tags[out[0]]).not.toBe('I-PER');
    expect(tags.allowed(-1, out[0]) && tags.allowed(out[0], out[1])).toBe(true);
  });
});

/**
 * A tiny synthetic language: words are letters; capital letters are person names (two capitals in
 * a row are one name), digits are places. Features: the item itself and its left neighbour.
 */
function synthetic(text: string): { features: ReturnType<typeof featureSeqOf>; gold: string[] } {
  const items: number[][] = [];
  const gold: string[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const prev = i > 0 ? text.charCodeAt(i - 1) : 0;
    items.push([hash1(1, c), hash2(2, prev, c), hash1(3, prev)]);
    const ch = text[i];
    const upper = ch >= 'A' && ch <= 'Z';
    const digit = ch >= '0' && ch <= '9';
    const prevUpper = i > 0 && text[i - 1] >= 'A' && text[i - 1] <= 'Z';
    const prevDigit = i > 0 && text[i - 1] >= '0' && text[i - 1] <= '9';
    gold.push(upper ? (prevUpper ? 'I-PER' : 'B-PER') : digit ? (prevDigit ? 'I-LOC' : 'B-LOC') : 'O');
  }
  return { features: featureSeqOf(items), gold };
}

function randomText(rand: () => number, n: number): string {
  const pool = 'abcdefghijKLMNOP0123';
  let s = '';
  for (let i = 0; i < n; i++) s += pool[Math.floor(rand() * pool.length)];
  return s;
}

describe('trainTagger', () => {
  const rand = seededRandom(3);
  const train: TrainingExample[] = [];
  for (let i = 0; i < 200; i++) {
    const { features, gold } = synthetic(randomText(rand, 12));
    train.push({ features, tags: Uint8Array.from(gold, (t) => tags.id(t)) });
  }

  it('learns the synthetic task and scores perfectly on unseen sequences', () => {
    const tagger = trainTagger(train, { labels: ['PER', 'LOC'], epochs: 5, seed: 1 });
    const scorer = new EntityScorer(['PER', 'LOC']);
    const testRand = seededRandom(99);
    for (let i = 0; i < 50; i++) {
      const { features, gold } = synthetic(randomText(testRand, 15));
      scorer.add(spansOfTags(gold), tagger.spans(features));
    }
    const { overall, byType } = scorer.result();
    expect(overall.gold).toBeGreaterThan(50);
    expect(overall.f1).toBeGreaterThan(0.98);
    expect(byType.PER.f1).toBeGreaterThan(0.98);
  });

  it('is deterministic for a seed', () => {
    const a = trainTagger(train, { labels: ['PER', 'LOC'], epochs: 2, seed: 5 });
    const b = trainTagger(train, { labels: ['PER', 'LOC'], epochs: 2, seed: 5 });
    expect(a.toBuffer().equals(b.toBuffer())).toBe(true);
  });

  it('round-trips through its file format and tags the same', () => {
    const tagger = trainTagger(train, {
      labels: ['PER', 'LOC'],
      epochs: 3,
      meta: { trainedOn: 'synthetic' },
    });
    const dir = mkdtempSync(join(tmpdir(), 'ner-'));
    try {
      const path = join(dir, 'model.bin.gz');
      tagger.save(path);
      const loaded = Tagger.load(path);
      expect(loaded.featureCount).toBe(tagger.featureCount);
      expect(loaded.data.meta).toEqual({ trainedOn: 'synthetic' });
      const testRand = seededRandom(11);
      for (let i = 0; i < 20; i++) {
        const { features } = synthetic(randomText(testRand, 10));
        expect(loaded.tag(features)).toEqual(tagger.tag(features));
      }
      writeFileSync(join(dir, 'bad.gz'), 'not a model');
      expect(() => Tagger.load(join(dir, 'bad.gz'))).toThrow(/bad\.gz: not a gzip tagger model/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('prunes small weights', () => {
    const full = trainTagger(train, { labels: ['PER', 'LOC'], epochs: 2 });
    const pruned = trainTagger(train, { labels: ['PER', 'LOC'], epochs: 2, prune: 1.5 });
    expect(pruned.featureCount).toBeLessThan(full.featureCount);
  });
});

describe('EntityScorer', () => {
  it('counts exact matches only', () => {
    const s = new EntityScorer(['PER', 'ORG', 'LOC']);
    s.add(
      [
        { start: 0, end: 2, type: 'PER' },
        { start: 3, end: 5, type: 'ORG' },
      ],
      [
        { start: 0, end: 2, type: 'PER' },
        { start: 3, end: 4, type: 'ORG' },
        { start: 6, end: 7, type: 'LOC' },
      ],
    );
    const r = s.result();
    expect(r.overall.precision).toBeCloseTo(1 / 3);
    expect(r.overall.recall).toBeCloseTo(1 / 2);
    expect(r.byType.PER.f1).toBe(1);
    expect(r.byType.ORG.f1).toBe(0);
  });
});
