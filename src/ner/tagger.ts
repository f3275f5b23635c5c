/**
 * A trained sequence tagger: a linear model over hashed features with BIO transitions, decoded by
 * Viterbi. Compact in memory and on disk: the pruned feature hashes sit in an open-addressing table
 * (Uint32 keys, Int32 rows) and the weights are Int16 (one row of T per feature, one global scale).
 *
 * File format (gzip of): `NGTAGGER` magic, a little-endian Uint32 header length, the JSON header
 * `{version, labels, features, scale, meta}` padded to 4 bytes, then the feature hashes (Uint32 ×
 * features), the weights (Int16 × features × T, padded to 4 bytes), and the transitions
 * (Float32 × (T + 1) × T, row 0 from the start).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { gunzipSync, gzipSync } from 'node:zlib';
import { transitionMatrix, viterbi, ViterbiScratch } from './decode';
import type { FeatureSeq } from './sequence';
import { type Span, TagSet } from './tags';

const MAGIC = 'NGTAGGER';

export interface TaggerData {
  labels: readonly string[];
  /** feature hashes, unique, non-zero */
  keys: Uint32Array;
  /** `keys.length × T` quantized weights, row per feature */
  weights: Int16Array;
  /** real weight = quantized × scale */
  scale: number;
  /** `(T + 1) × T` transition weights (real units), row 0 from the start */
  transitions: Float32Array;
  /** free-form provenance: training files, options, scores */
  meta?: Record<string, unknown>;
}

export class Tagger {
  readonly tagSet: TagSet;
  readonly data: TaggerData;
  private readonly T: number;
  private readonly mask: number;
  private readonly slotKeys: Uint32Array;
  private readonly slotRows: Int32Array;
  private readonly trans: Float64Array;
  private readonly scratch = new ViterbiScratch();
  private emit = new Float64Array(0);
  private tagsOut = new Uint8Array(0);

  constructor(data: TaggerData) {
    this.data = data;
    this.tagSet = new TagSet(data.labels);
    const T = (this.T = this.tagSet.size);
    if (data.weights.length !== data.keys.length * T) throw new Error('tagger: weights/keys size mismatch');
    if (data.transitions.length !== (T + 1) * T) throw new Error('tagger: transitions size mismatch');
    let cap = 16;
    while (cap < data.keys.length * 2) cap *= 2;
    this.mask = cap - 1;
    this.slotKeys = new Uint32Array(cap);
    this.slotRows = new Int32Array(cap);
    for (let r = 0; r < data.keys.length; r++) {
      const k = data.keys[r];
      let s = k & this.mask;
      while (this.slotKeys[s] !== 0) s = (s + 1) & this.mask;
      this.slotKeys[s] = k;
      this.slotRows[s] = r;
    }
    // Viterbi works in quantized units: transitions divided by the scale.
    const scaled = new Float64Array(data.transitions.length);
    for (let i = 0; i < scaled.length; i++) scaled[i] = data.transitions[i] / data.scale;
    this.trans = transitionMatrix(this.tagSet, scaled);
  }

  get featureCount(): number {
    return this.data.keys.length;
  }

  /** Row of a feature hash, or -1 when the model does not know it. */
  private row(h: number): number {
    let s = h & this.mask;
    for (;;) {
      const k = this.slotKeys[s];
      if (k === h) return this.slotRows[s];
      if (k === 0) return -1;
      s = (s + 1) & this.mask;
    }
  }

  /**
   * Tag ids of the best sequence. Returns a view of a buffer reused by the next call unless `out`
   * is given.
   */
  tagIds(seq: FeatureSeq, out?: Uint8Array): Uint8Array {
    const n = seq.length;
    const T = this.T;
    if (this.emit.length < n * T) this.emit = new Float64Array(Math.max(n * T, this.emit.length * 2));
    if (!out) {
      if (this.tagsOut.length < n) this.tagsOut = new Uint8Array(Math.max(n, this.tagsOut.length * 2));
      out = this.tagsOut.subarray(0, n);
    }
    const emit = this.emit;
    emit.fill(0, 0, n * T);
    const { offsets, hashes } = seq;
    const w = this.data.weights;
    for (let i = 0; i < n; i++) {
      const base = i * T;
      for (let j = offsets[i]; j < offsets[i + 1]; j++) {
        const r = this.row(hashes[j]);
        if (r < 0) continue;
        const wr = r * T;
        for (let t = 0; t < T; t++) emit[base + t] += w[wr + t];
      }
    }
    viterbi(emit, n, T, this.trans, this.scratch, out);
    return out;
  }

  /** Tag strings of the best sequence. */
  tag(seq: FeatureSeq): string[] {
    return Array.from(this.tagIds(seq), (t) => this.tagSet.tags[t]);
  }

  /** Entity spans of the best sequence. */
  spans(seq: FeatureSeq): Span[] {
    return this.tagSet.spans(this.tagIds(seq), seq.length);
  }

  toBuffer(): Buffer {
    const { labels, keys, weights, scale, transitions, meta } = this.data;
    let header = Buffer.from(
      JSON.stringify({ version: 1, labels, features: keys.length, scale, meta: meta ?? {} }),
    );
    const pad = (4 - ((MAGIC.length + 4 + header.length) % 4)) % 4;
    header = Buffer.concat([header, Buffer.alloc(pad, 0x20)]);
    const len = Buffer.alloc(4);
    len.writeUInt32LE(header.length);
    const wBytes = Buffer.from(weights.buffer, weights.byteOffset, weights.byteLength);
    const wPad = Buffer.alloc((4 - (wBytes.length % 4)) % 4);
    return gzipSync(
      Buffer.concat([
        Buffer.from(MAGIC),
        len,
        header,
        Buffer.from(keys.buffer, keys.byteOffset, keys.byteLength),
        wBytes,
        wPad,
        Buffer.from(transitions.buffer, transitions.byteOffset, transitions.byteLength),
      ]),
      { level: 9 },
    );
  }

  save(path: string): void {
    writeFileSync(path, this.toBuffer());
  }

  static fromBuffer(gz: Buffer, source = 'tagger model'): Tagger {
    let buf: Buffer;
    try {
      buf = gunzipSync(gz);
    } catch (e) {
      throw new Error(`${source}: not a gzip tagger model (${(e as Error).message})`);
    }
    if (buf.subarray(0, MAGIC.length).toString() !== MAGIC) throw new Error(`${source}: not a tagger model`);
    const hlen = buf.readUInt32LE(MAGIC.length);
    const hstart = MAGIC.length + 4;
    const header = JSON.parse(buf.subarray(hstart, hstart + hlen).toString()) as {
      version: number;
      labels: string[];
      features: number;
      scale: number;
      meta: Record<string, unknown>;
    };
    if (header.version !== 1) throw new Error(`${source}: unsupported model version ${header.version}`);
    const T = 1 + 2 * header.labels.length;
    const n = header.features;
    // Copy into a fresh, aligned ArrayBuffer.
    const ab = new ArrayBuffer(buf.length - hstart - hlen);
    new Uint8Array(ab).set(buf.subarray(hstart + hlen));
    let off = 0;
    const keys = new Uint32Array(ab, off, n);
    off += n * 4;
    const weights = new Int16Array(ab, off, n * T);
    off += n * T * 2;
    off += (4 - (off % 4)) % 4;
    const transitions = new Float32Array(ab, off, (T + 1) * T);
    return new Tagger({
      labels: header.labels,
      keys,
      weights,
      scale: header.scale,
      transitions,
      meta: header.meta,
    });
  }

  static load(path: string): Tagger {
    let gz: Buffer;
    try {
      gz = readFileSync(path);
    } catch (e) {
      throw new Error(`${path}: cannot read tagger model (${(e as Error).message})`);
    }
    return Tagger.fromBuffer(gz, path);
  }
}
