/**
 * Training of a {@link Tagger}: an averaged structured perceptron (Collins 2002) with Viterbi
 * decoding under BIO constraints. Deterministic: features get dense ids in order of first
 * appearance, examples are shuffled by a seeded generator, and the arithmetic is plain float64.
 * After training, the averaged weights are pruned (features seen fewer than `minCount` times,
 * rows whose largest weight is under `prune`) and quantized to Int16.
 */
import { transitionMatrix, viterbi, ViterbiScratch } from './decode';
import type { FeatureSeq } from './sequence';
import { Tagger } from './tagger';
import { TagSet } from './tags';

export interface TrainingExample {
  features: FeatureSeq;
  /** gold tag ids (see {@link TagSet}), one per item */
  tags: Uint8Array;
}

export interface TrainOptions {
  /** entity labels, e.g. `['PER', 'ORG', 'LOC']` */
  labels: readonly string[];
  /** passes over the data (default 5) */
  epochs?: number;
  /** shuffle seed (default 1) */
  seed?: number;
  /** drop features seen fewer times than this in the training data (default 1: keep all) */
  minCount?: number;
  /** drop features whose largest averaged weight (absolute) is below this (default 0) */
  prune?: number;
  /** progress messages */
  log?: (message: string) => void;
  /** called after each epoch with the averaged model so far (for dev-set scores) */
  onEpoch?: (epoch: number, tagger: Tagger) => void;
  /** stored in the model file */
  meta?: Record<string, unknown>;
}

/** mulberry32: a small seeded generator, so shuffles are reproducible. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function trainTagger(examples: readonly TrainingExample[], options: TrainOptions): Tagger {
  const tagSet = new TagSet(options.labels);
  const T = tagSet.size;
  const epochs = options.epochs ?? 5;
  const minCount = options.minCount ?? 1;
  const log = options.log ?? (() => {});

  // Dense feature ids, in order of first appearance (deterministic).
  const counts = new Map<number, number>();
  for (const ex of examples) {
    if (ex.tags.length !== ex.features.length)
      throw new Error(`trainTagger: ${ex.tags.length} tags for ${ex.features.length} items`);
    for (const h of ex.features.hashes) counts.set(h, (counts.get(h) ?? 0) + 1);
  }
  const ids = new Map<number, number>();
  const keys: number[] = [];
  for (const [h, c] of counts)
    if (c >= minCount) {
      ids.set(h, keys.length);
      keys.push(h);
    }
  counts.clear();
  const F = keys.length;
  log(`trainTagger: ${examples.length} sequences, ${F} features, ${T} tags`);
  const dense = examples.map((ex) => Int32Array.from(ex.features.hashes, (h) => ids.get(h) ?? -1));
  ids.clear();

  const W = new Float64Array(F * T);
  const U = new Float64Array(F * T);
  const TW = new Float64Array((T + 1) * T);
  const TU = new Float64Array((T + 1) * T);
  let c = 1;
  const scratch = new ViterbiScratch();
  let emit = new Float64Array(1024);
  let pred = new Uint8Array(256);
  const rand = seededRandom(options.seed ?? 1);
  const order = examples.map((_, i) => i);

  const averaged = (): Tagger => buildTagger(options, keys, W, U, TW, TU, c, T);

  for (let epoch = 1; epoch <= epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(rand() * (i + 1));
      [order[i], order[j]] = [order[j], order[i]];
    }
    let errors = 0;
    let items = 0;
    for (const e of order) {
      const { features, tags: gold } = examples[e];
      const feats = dense[e];
      const n = features.length;
      if (n === 0) continue;
      if (emit.length < n * T) emit = new Float64Array(n * T * 2);
      if (pred.length < n) pred = new Uint8Array(n * 2);
      emit.fill(0, 0, n * T);
      const off = features.offsets;
      for (let i = 0; i < n; i++)
        for (let j = off[i]; j < off[i + 1]; j++) {
          const f = feats[j];
          if (f < 0) continue;
          const r = f * T;
          for (let t = 0; t < T; t++) emit[i * T + t] += W[r + t];
        }
      viterbi(emit, n, T, transitionMatrix(tagSet, TW), scratch, pred);
      items += n;
      let wrong = false;
      for (let i = 0; i < n; i++) {
        const g = gold[i];
        const p = pred[i];
        if (g !== p) {
          errors++;
          wrong = true;
          for (let j = off[i]; j < off[i + 1]; j++) {
            const f = feats[j];
            if (f < 0) continue;
            W[f * T + g] += 1;
            U[f * T + g] += c;
            W[f * T + p] -= 1;
            U[f * T + p] -= c;
          }
        }
      }
      if (wrong)
        for (let i = 0; i < n; i++) {
          const kg = (i === 0 ? 0 : gold[i - 1] + 1) * T + gold[i];
          const kp = (i === 0 ? 0 : pred[i - 1] + 1) * T + pred[i];
          if (kg === kp) continue;
          TW[kg] += 1;
          TU[kg] += c;
          TW[kp] -= 1;
          TU[kp] -= c;
        }
      c++;
    }
    log(
      `epoch ${epoch}: ${errors} item errors of ${items} (${((100 * errors) / Math.max(1, items)).toFixed(2)}%)`,
    );
    if (options.onEpoch) options.onEpoch(epoch, averaged());
  }
  return averaged();
}

function buildTagger(
  options: TrainOptions,
  keys: readonly number[],
  W: Float64Array,
  U: Float64Array,
  TW: Float64Array,
  TU: Float64Array,
  c: number,
  T: number,
): Tagger {
  const prune = options.prune ?? 0;
  const F = keys.length;
  const avg = new Float64Array(W.length);
  for (let i = 0; i < W.length; i++) avg[i] = W[i] - U[i] / c;
  const trans = new Float32Array(TW.length);
  for (let i = 0; i < TW.length; i++) trans[i] = TW[i] - TU[i] / c;
  let maxAbs = 1e-9;
  const keep: number[] = [];
  for (let f = 0; f < F; f++) {
    let m = 0;
    for (let t = 0; t < T; t++) m = Math.max(m, Math.abs(avg[f * T + t]));
    if (m > prune && m > 0) {
      keep.push(f);
      maxAbs = Math.max(maxAbs, m);
    }
  }
  const scale = maxAbs / 32767;
  const outKeys: number[] = [];
  const rows: number[] = [];
  for (const f of keep) {
    let nonzero = false;
    const row: number[] = [];
    for (let t = 0; t < T; t++) {
      const q = Math.round(avg[f * T + t] / scale);
      if (q !== 0) nonzero = true;
      row.push(q);
    }
    if (!nonzero) continue;
    outKeys.push(keys[f]);
    rows.push(...row);
  }
  return new Tagger({
    labels: options.labels,
    keys: Uint32Array.from(outKeys),
    weights: Int16Array.from(rows),
    scale,
    transitions: trans,
    meta: options.meta,
  });
}
