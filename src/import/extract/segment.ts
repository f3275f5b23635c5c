/**
 * jieba's precise mode without HMM (what `Jieba.cut(text, false)` of @node-rs/jieba does), in
 * JavaScript over the same dictionary: same blocks, same dictionary DAG, same log-frequency route
 * with the same tie rule, same joining of single ASCII alphanumerics. The native call converts the
 * text to UTF-8 and builds one JS string per token through N-API, which costs more than the
 * segmentation itself; here tokens are slices of the text.
 *
 * Only text in the Basic Multilingual Plane is segmented here; text with any surrogate (astral
 * characters, or a lone surrogate the native side would replace) goes to the native call, so its
 * result is jieba's by construction. test/extract/segment.test.ts compares both over the corpora.
 */

/** jieba's RE_HAN_DEFAULT class over BMP code units: CJK ideographs, ASCII alphanumerics, `+#&._%-`. */
const HAN_BLOCK = new Uint8Array(65536);
for (let c = 0x3400; c <= 0x4dbf; c++) HAN_BLOCK[c] = 1;
for (let c = 0x4e00; c <= 0x9fff; c++) HAN_BLOCK[c] = 1;
for (let c = 0xf900; c <= 0xfaff; c++) HAN_BLOCK[c] = 1;
for (const ch of 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789+#&._%-')
  HAN_BLOCK[ch.charCodeAt(0)] = 1;

const isAsciiAlnum = (c: number): boolean =>
  (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);

const SURROGATE = /[\uD800-\uDFFF]/;

/* Double-double arithmetic, for a natural logarithm rounded like the C library's (which the
 * native side uses); Math.log is off by one unit in the last place for about 1.5% of jieba's
 * frequencies, and the route compares sums of these logarithms. */

const SPLITTER = 134217729; // 2^27 + 1

function twoProd(a: number, b: number): [number, number] {
  const p = a * b;
  let t = SPLITTER * a;
  const ah = t - (t - a);
  const al = a - ah;
  t = SPLITTER * b;
  const bh = t - (t - b);
  const bl = b - bh;
  return [p, ah * bh - p + ah * bl + al * bh + al * bl];
}

function twoSum(a: number, b: number): [number, number] {
  const s = a + b;
  const bb = s - a;
  return [s, a - (s - bb) + (b - bb)];
}

function ddAdd(ah: number, al: number, bh: number, bl: number): [number, number] {
  const [s, e] = twoSum(ah, bh);
  const [h, l] = twoSum(s, e + al + bl);
  return [h, l];
}

function ddMul(ah: number, al: number, bh: number, bl: number): [number, number] {
  const [p, e] = twoProd(ah, bh);
  return twoSum(p, e + ah * bl + al * bh);
}

function ddDiv(ah: number, al: number, bh: number, bl: number): [number, number] {
  const q1 = ah / bh;
  const [ph, pl] = ddMul(q1, 0, bh, bl);
  const [rh, rl] = ddAdd(ah, al, -ph, -pl);
  const q2 = rh / bh;
  const [ph2, pl2] = ddMul(q2, 0, bh, bl);
  const [rh2] = ddAdd(rh, rl, -ph2, -pl2);
  const q3 = rh2 / bh;
  const [h, l] = twoSum(q1, q2);
  return ddAdd(h, l, q3, 0);
}

const LN2_HI = 0.6931471805599453;
const LN2_LO = 2.3190468138462996e-17;
/** 1/(2k+1) as double-doubles, for the atanh series. */
const ODD_RECIPROCALS: [number, number][] = [];
for (let k = 0; k <= 24; k++) ODD_RECIPROCALS.push(ddDiv(1, 0, 2 * k + 1, 0));

/**
 * ln(n) for a positive integer (a word frequency), correctly rounded: ln(m·2^e) = e·ln 2 +
 * 2·atanh((m-1)/(m+1)) evaluated in double-double.
 */
export function lnCorrectlyRounded(n: number): number {
  if (n === 1) return 0;
  let e = 0;
  let m = n;
  while (m >= 2) {
    m /= 2;
    e++;
  }
  while (m < 1) {
    m *= 2;
    e--;
  }
  if (m > Math.SQRT2) {
    m /= 2;
    e++;
  }
  const [dh, dl] = twoSum(m, 1);
  const [sh, sl] = ddDiv(m - 1, 0, dh, dl);
  const [th, tl] = ddMul(sh, sl, sh, sl);
  let [ph, pl] = ODD_RECIPROCALS[ODD_RECIPROCALS.length - 1];
  for (let k = ODD_RECIPROCALS.length - 2; k >= 0; k--) {
    [ph, pl] = ddMul(ph, pl, th, tl);
    [ph, pl] = ddAdd(ph, pl, ODD_RECIPROCALS[k][0], ODD_RECIPROCALS[k][1]);
  }
  const [lh, ll] = ddMul(2 * sh, 2 * sl, ph, pl);
  const [eh, el] = ddMul(e, 0, LN2_HI, LN2_LO);
  const [rh, rl] = ddAdd(eh, el, lh, ll);
  return rh + rl;
}

/**
 * The dictionary as a trie in one flat array, three ints per node: first child, number of children,
 * and the node's code unit with a flag for "a word ends here". Children are contiguous and sorted by
 * code unit (breadth-first layout), so a lookup is a binary search within a few cache lines.
 */
export class Segmenter {
  private readonly nodes: Int32Array;
  /** ln(freq) - ln(total) of the word ending at a node (read only where the flag says one ends). */
  private readonly weight: Float64Array;
  /** The dictionary word ending at a node: returned as the token, so tokens are shared strings. */
  private readonly word: (string | undefined)[];
  /** Child of the root per first code unit (0 = none). */
  private readonly direct = new Int32Array(65536);
  private readonly logTotal: number;
  /**
   * Recently looked-up second characters: (first << 16 | second) -> node (0: no such prefix), direct
   * mapped. Most lookups are the second character of a word, a binary search among hundreds of
   * children far apart in memory; common pairs recur in every article and hit this small table.
   */
  private readonly pairKey = new Int32Array(PAIR_SLOTS).fill(-1);
  private readonly pairNode = new Int32Array(PAIR_SLOTS);
  private route = new Float64Array(256);
  private routeEnd = new Int32Array(256);
  private routeNode = new Int32Array(256);

  /** `words[i]` with frequency `freqs[i]`; a repeated word takes its last frequency (as jieba does). */
  constructor(words: string[], freqs: number[]) {
    const order = words.map((_, i) => i);
    let sorted = true;
    for (let i = 1; i < words.length && sorted; i++) if (words[i - 1] > words[i]) sorted = false;
    if (!sorted) order.sort((a, b) => (words[a] < words[b] ? -1 : words[a] > words[b] ? 1 : a - b));
    // Unique words in code-unit order, each with its last frequency.
    const ws: string[] = [];
    const fs: number[] = [];
    for (const i of order) {
      if (ws.length > 0 && ws[ws.length - 1] === words[i]) fs[fs.length - 1] = freqs[i];
      else {
        ws.push(words[i]);
        fs.push(freqs[i]);
      }
    }
    let total = 0;
    for (const f of fs) total += f;
    this.logTotal = lnCorrectlyRounded(total);

    // Breadth-first: a node is a prefix shared by words[lo..hi); its children group the words by
    // their next code unit, and are numbered consecutively as they are created, so a node's number
    // is also its place in the queue. There are at most as many nodes as code units, plus the root.
    let cap = 1;
    for (const w of ws) cap += w.length;
    const nodes = new Int32Array(3 * cap);
    const weight = new Float64Array(cap);
    // Filled in node order, one element per node: a dense array (a huge `new Array(n)` would not be).
    const word: (string | undefined)[] = [];
    const qLo = new Int32Array(cap);
    const qHi = new Int32Array(cap);
    const qDepth = new Int32Array(cap);
    qHi[0] = ws.length;
    let size = 1;
    const logs = new Map<number, number>();
    for (let node = 0; node < size; node++) {
      let lo = qLo[node];
      const hi = qHi[node];
      const depth = qDepth[node];
      word.push(undefined);
      if (lo < hi && ws[lo].length === depth) {
        if (depth > 0) {
          const f = fs[lo];
          let lf = logs.get(f);
          if (lf === undefined) logs.set(f, (lf = f > 0 ? lnCorrectlyRounded(f) : -Infinity));
          weight[node] = lf - this.logTotal;
          nodes[3 * node + 2] |= WORD_FLAG;
          word[node] = ws[lo];
        }
        lo++;
      }
      nodes[3 * node] = size;
      while (lo < hi) {
        const c = ws[lo].charCodeAt(depth);
        let end = lo + 1;
        while (end < hi && ws[end].charCodeAt(depth) === c) end++;
        const child = size++;
        nodes[3 * child + 2] = c;
        nodes[3 * node + 1]++;
        qLo[child] = lo;
        qHi[child] = end;
        qDepth[child] = depth + 1;
        lo = end;
      }
    }
    this.nodes = nodes.slice(0, 3 * size);
    this.weight = weight.slice(0, size);
    this.word = word;
    const first = this.nodes[0];
    for (let k = 0; k < this.nodes[1]; k++) this.direct[this.nodes[3 * (first + k) + 2] & 0xffff] = first + k;
  }

  /** Number of trie nodes: word ids (see `wordId`) are below it. */
  get nodeCount(): number {
    return this.weight.length;
  }

  /** The dictionary word `word` as a trie node number (> 0), or 0 when it is not a word. */
  wordId(word: string): number {
    if (word.length === 0) return 0;
    const nodes = this.nodes;
    let node = this.direct[word.charCodeAt(0)];
    for (let i = 1; node !== 0 && i < word.length; i++) node = this.child(node, word.charCodeAt(i));
    return node !== 0 && (nodes[3 * node + 2] & WORD_FLAG) !== 0 ? node : 0;
  }

  /** The child of `node` for code unit `c` (0 = none): binary search among its sorted children. */
  private child(node: number, c: number): number {
    const nodes = this.nodes;
    let lo = nodes[3 * node];
    let hi = lo + nodes[3 * node + 1] - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const u = nodes[3 * mid + 2] & 0xffff;
      if (u === c) return mid;
      if (u < c) lo = mid + 1;
      else hi = mid - 1;
    }
    return 0;
  }

  /** The word ending at node `id` (see `wordId`). */
  wordOf(id: number): string {
    return this.word[id]!;
  }

  /** Whether `cut` segments this text itself (false: the caller must use the native jieba). */
  static handles(text: string): boolean {
    return !SURROGATE.test(text);
  }

  /** Tokens of `text` (BMP only, see `handles`), as jieba's cut(text, false) returns them. */
  cut(text: string): string[] {
    const out: string[] = [];
    this.cutInto(text, out, null);
    return out;
  }

  /**
   * `cut`, appending the tokens to `out` and, when given, each token's offset in `text` to `starts`
   * (tokens are consecutive slices, so the offsets come for free).
   */
  cutInto(text: string, out: string[], starts: number[] | null, ids: number[] | null = null): void {
    const n = text.length;
    let i = 0;
    while (i < n) {
      const c = text.charCodeAt(i);
      if (HAN_BLOCK[c]) {
        let j = i + 1;
        while (j < n && HAN_BLOCK[text.charCodeAt(j)]) j++;
        this.cutBlock(text, i, j, out, starts, ids);
        i = j;
      } else if (c === 13 && text.charCodeAt(i + 1) === 10) {
        out.push('\r\n');
        if (starts) starts.push(i);
        if (ids) ids.push(0);
        i += 2;
      } else {
        out.push(charString(c));
        if (starts) starts.push(i);
        if (ids) ids.push(0);
        i++;
      }
    }
  }

  /** The best route through text[start, end) and its words (jieba's calc and cut_dag_no_hmm). */
  private cutBlock(
    text: string,
    start: number,
    end: number,
    out: string[],
    starts: number[] | null,
    ids: number[] | null,
  ): void {
    const len = end - start;
    if (this.route.length < len + 1) {
      const size = Math.max(len + 1, 2 * this.route.length);
      this.route = new Float64Array(size);
      this.routeEnd = new Int32Array(size);
      this.routeNode = new Int32Array(size);
    }
    const route = this.route;
    const routeEnd = this.routeEnd;
    const routeNode = this.routeNode;
    const nodes = this.nodes;
    const weight = this.weight;
    const direct = this.direct;
    const pairKey = this.pairKey;
    const pairNode = this.pairNode;
    const noWord = -this.logTotal; // ln(1) - ln(total): a character not in the dictionary
    route[len] = 0;
    routeEnd[len] = len;
    for (let x = len - 1; x >= 0; x--) {
      let best = 0;
      let bestEnd = -1;
      let bestNode = 0;
      let node = direct[text.charCodeAt(start + x)];
      for (let y = x + 1; node !== 0; y++) {
        if ((nodes[3 * node + 2] & WORD_FLAG) !== 0) {
          const p = weight[node] + route[y];
          if (bestEnd < 0 || p > best || (p === best && y > bestEnd)) {
            best = p;
            bestEnd = y;
            bestNode = node;
          }
        }
        if (y >= len) break;
        // The child for the next code unit; the first step goes through the pair table.
        const c = text.charCodeAt(start + y);
        let slot = -1;
        let key = 0;
        if (y === x + 1) {
          key = (text.charCodeAt(start + x) << 16) | c;
          slot = Math.imul(key, 0x9e3779b1) >>> PAIR_SHIFT;
          if (pairKey[slot] === key) {
            node = pairNode[slot];
            continue;
          }
        }
        node = this.child(node, c);
        if (slot >= 0) {
          pairKey[slot] = key;
          pairNode[slot] = node;
        }
      }
      if (bestEnd < 0) {
        best = noWord + route[x + 1];
        bestEnd = x + 1;
      }
      route[x] = best;
      routeEnd[x] = bestEnd;
      routeNode[x] = bestNode;
    }
    // Single ASCII alphanumerics the route leaves alone are joined into one word.
    const word = this.word;
    let left = -1;
    for (let x = 0; x < len;) {
      const y = routeEnd[x];
      if (y - x === 1 && isAsciiAlnum(text.charCodeAt(start + x))) {
        if (left < 0) left = x;
      } else {
        if (left >= 0) {
          out.push(text.slice(start + left, start + x));
          if (starts) starts.push(start + left);
          if (ids) ids.push(0);
          left = -1;
        }
        const node = routeNode[x];
        if (starts) starts.push(start + x);
        if (ids) ids.push(node);
        out.push(
          node !== 0
            ? word[node]!
            : y - x === 1
              ? charString(text.charCodeAt(start + x))
              : text.slice(start + x, start + y),
        );
      }
      x = y;
    }
    if (left >= 0) {
      out.push(text.slice(start + left, end));
      if (starts) starts.push(start + left);
      if (ids) ids.push(0);
    }
  }
}

const WORD_FLAG = 1 << 16;
const PAIR_SHIFT = 16;
const PAIR_SLOTS = 1 << (32 - PAIR_SHIFT);

/** One string per code unit, made once: most tokens that are not dictionary words are one character. */
const CHAR_STRINGS: (string | undefined)[] = new Array<string | undefined>(65536);
function charString(c: number): string {
  return (CHAR_STRINGS[c] ??= String.fromCharCode(c));
}
