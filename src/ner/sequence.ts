/**
 * A sequence of items, each with a list of feature hashes, stored flat: the features of item `i`
 * are `hashes[offsets[i] .. offsets[i + 1])`. Language-agnostic: the per-language feature
 * extractors (src/ner/zh/features.ts, ...) fill one through a {@link FeatureSeqBuilder}.
 */
export interface FeatureSeq {
  readonly length: number;
  readonly offsets: Int32Array;
  readonly hashes: Uint32Array;
}

/**
 * Builds {@link FeatureSeq}s into reused buffers (grown as needed): `build()` returns views over
 * them, valid until the next `reset()`; `copy()` returns an independent sequence (for training sets).
 */
export class FeatureSeqBuilder {
  private offsets: Int32Array;
  private hashes: Uint32Array;
  private n = 0;
  private m = 0;

  constructor(items = 256, featuresPerItem = 32) {
    this.offsets = new Int32Array(items + 1);
    this.hashes = new Uint32Array(items * featuresPerItem);
  }

  /** Start a new sequence. */
  reset(): void {
    this.n = 0;
    this.m = 0;
    this.offsets[0] = 0;
  }

  /** Close the current item (its features are the ones added since the previous call). */
  endItem(): void {
    this.n++;
    if (this.n + 1 > this.offsets.length) {
      const o = new Int32Array(this.offsets.length * 2);
      o.set(this.offsets);
      this.offsets = o;
    }
    this.offsets[this.n] = this.m;
  }

  /** Add one feature hash to the current item. */
  add(h: number): void {
    if (this.m === this.hashes.length) {
      const g = new Uint32Array(this.hashes.length * 2);
      g.set(this.hashes);
      this.hashes = g;
    }
    this.hashes[this.m++] = h;
  }

  /** Views of the sequence built since `reset()`. */
  build(): FeatureSeq {
    return {
      length: this.n,
      offsets: this.offsets.subarray(0, this.n + 1),
      hashes: this.hashes.subarray(0, this.m),
    };
  }

  /** An independent copy of the sequence built since `reset()`. */
  copy(): FeatureSeq {
    return {
      length: this.n,
      offsets: this.offsets.slice(0, this.n + 1),
      hashes: this.hashes.slice(0, this.m),
    };
  }
}

/** A sequence from per-item lists of feature hashes (tests, small inputs). */
export function featureSeqOf(items: readonly (readonly number[])[]): FeatureSeq {
  const b = new FeatureSeqBuilder(items.length + 1, 4);
  b.reset();
  for (const feats of items) {
    for (const h of feats) b.add(h);
    b.endItem();
  }
  return b.copy();
}
