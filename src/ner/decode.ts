/**
 * Viterbi decoding of a linear chain, allocation-free: the caller passes the emission scores and
 * reusable buffers. Forbidden transitions carry `-Infinity` in the transition matrix (see
 * {@link transitionMatrix}), so BIO constraints cost nothing at decode time.
 */
import type { TagSet } from './tags';

/**
 * Transition scores as a `(T + 1) × T` matrix: row 0 is the start, row `p + 1` follows tag `p`.
 * `scores` has the same layout (learned weights); forbidden BIO moves become `-Infinity`.
 */
export function transitionMatrix(tags: TagSet, scores?: ArrayLike<number>): Float64Array {
  const T = tags.size;
  const m = new Float64Array((T + 1) * T);
  for (let p = -1; p < T; p++)
    for (let t = 0; t < T; t++) {
      const k = (p + 1) * T + t;
      m[k] = tags.allowed(p, t) ? (scores ? scores[k] : 0) : -Infinity;
    }
  return m;
}

/** Reusable buffers for {@link viterbi}, grown as needed. */
export class ViterbiScratch {
  delta = new Float64Array(0);
  back = new Uint8Array(0);

  ensure(cells: number): void {
    if (this.delta.length < cells) {
      const size = Math.max(cells, this.delta.length * 2, 1024);
      this.delta = new Float64Array(size);
      this.back = new Uint8Array(size);
    }
  }
}

/**
 * Best tag sequence of `n` items with `T` tags: `emit[i * T + t]` is the score of tag `t` at item
 * `i`, `trans` a {@link transitionMatrix}. Writes the tag ids into `out[0 .. n)`.
 */
export function viterbi(
  emit: ArrayLike<number>,
  n: number,
  T: number,
  trans: Float64Array,
  scratch: ViterbiScratch,
  out: Uint8Array,
): void {
  if (n === 0) return;
  scratch.ensure(n * T);
  const { delta, back } = scratch;
  for (let t = 0; t < T; t++) delta[t] = trans[t] + emit[t];
  for (let i = 1; i < n; i++) {
    const base = i * T;
    const prevBase = base - T;
    for (let t = 0; t < T; t++) {
      let best = -Infinity;
      let arg = 0;
      for (let p = 0; p < T; p++) {
        const s = delta[prevBase + p] + trans[(p + 1) * T + t];
        if (s > best) {
          best = s;
          arg = p;
        }
      }
      delta[base + t] = best + emit[base + t];
      back[base + t] = arg;
    }
  }
  let best = -Infinity;
  let arg = 0;
  const last = (n - 1) * T;
  for (let t = 0; t < T; t++)
    if (delta[last + t] > best) {
      best = delta[last + t];
      arg = t;
    }
  out[n - 1] = arg;
  for (let i = n - 1; i > 0; i--) out[i - 1] = back[i * T + out[i]];
}
