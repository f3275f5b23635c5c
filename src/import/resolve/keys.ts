/**
 * The graph key of a named entity: one node per key. Width, case, spacing and the
 * transliteration dot variants are folded so that "阿莉恰·巴胡尔斯卡" and "阿莉恰•巴胡尔斯卡"
 * are the same node.
 */
export function entityKey(name: string): string {
  return name
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\u00b7\u2022\u30fb\u2027\u2219\uff65]/g, '·')
    .replace(/\s+/g, ' ')
    .trim();
}
