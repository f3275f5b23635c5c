/**
 * BIO tag sets, the transitions BIO allows, and conversion between tags and entity spans.
 * Tag ids: 0 is `O`, then `B-X`, `I-X` for each label X in order.
 */

export interface Span {
  /** first item, inclusive */
  start: number;
  /** last item, exclusive */
  end: number;
  type: string;
}

export class TagSet {
  readonly labels: readonly string[];
  readonly tags: readonly string[];
  private readonly ids = new Map<string, number>();

  constructor(labels: readonly string[]) {
    if (new Set(labels).size !== labels.length) throw new Error('TagSet: duplicate labels');
    this.labels = [...labels];
    const tags = ['O'];
    for (const l of labels) tags.push(`B-${l}`, `I-${l}`);
    this.tags = tags;
    tags.forEach((t, i) => this.ids.set(t, i));
  }

  get size(): number {
    return this.tags.length;
  }

  /** Id of a tag string; unknown labels map to `O`. */
  id(tag: string): number {
    return this.ids.get(tag) ?? 0;
  }

  /** Whether tag `t` is an `I-` tag. */
  isInside(t: number): boolean {
    return t > 0 && t % 2 === 0;
  }

  /** Whether `next` may follow `prev` (`prev` = -1 at the start): `I-X` only after `B-X` or `I-X`. */
  allowed(prev: number, next: number): boolean {
    if (!this.isInside(next)) return true;
    return prev === next || prev === next - 1;
  }

  /** Entity spans of a tag-id sequence (a stray `I-X` starts an entity, as conlleval reads it). */
  spans(tags: ArrayLike<number>, length = tags.length): Span[] {
    const out: Span[] = [];
    let cur: Span | null = null;
    for (let i = 0; i < length; i++) {
      const t = tags[i];
      if (t === 0) {
        if (cur) out.push(cur);
        cur = null;
        continue;
      }
      const label = this.labels[(t - 1) >> 1];
      if (this.isInside(t) && cur && cur.type === label) {
        cur.end = i + 1;
        continue;
      }
      if (cur) out.push(cur);
      cur = { start: i, end: i + 1, type: label };
    }
    if (cur) out.push(cur);
    return out;
  }

  /** Tag ids for spans over `length` items (overlapping spans: the first wins). */
  fromSpans(spans: readonly Span[], length: number): Uint8Array {
    const out = new Uint8Array(length);
    for (const s of spans) {
      const l = this.labels.indexOf(s.type);
      if (l < 0) continue;
      let free = true;
      for (let i = s.start; i < s.end; i++) if (out[i] !== 0) free = false;
      if (!free) continue;
      out[s.start] = 1 + 2 * l;
      for (let i = s.start + 1; i < s.end; i++) out[i] = 2 + 2 * l;
    }
    return out;
  }
}

/** Tag strings to entity spans (BIO or IOB1: an `I-X` after anything but X starts an entity). */
export function spansOfTags(tags: readonly string[]): Span[] {
  const out: Span[] = [];
  let cur: Span | null = null;
  for (let i = 0; i < tags.length; i++) {
    const tag = tags[i];
    const m = /^([BIES])-(.+)$/.exec(tag);
    if (!m) {
      if (cur) out.push(cur);
      cur = null;
      continue;
    }
    const [, p, type] = m;
    if ((p === 'I' || p === 'E') && cur && cur.type === type) {
      cur.end = i + 1;
    } else {
      if (cur) out.push(cur);
      cur = { start: i, end: i + 1, type };
    }
    if (p === 'E' || p === 'S') {
      out.push(cur);
      cur = null;
    }
  }
  if (cur) out.push(cur);
  return out;
}
