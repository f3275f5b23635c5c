/**
 * The full Chinese extractor (rules + tagger) on annotated text it was never tuned on: the held-out
 * NER splits (ZH_DEV: People's Daily dev second half, CLUENER dev), read as pseudo-articles of 20
 * consecutive sentences. Scores persons, organizations and places as names per article: a gold
 * surface is found when an extracted entity has it as its name or an alias; an extracted entity is
 * correct when its name or an alias is a gold surface of the same type. Run once per scope:
 *
 *   NEWSGRAPH_NER=off|speech|all npx tsx bench/ner/extractor.ts
 *
 * Prints one JSON object. The conventions of these sets differ from the graph's (PD labels 中/美
 * abbreviations, CLUENER leaves countries unlabelled), so compare scopes, not absolute numbers.
 */
import { createExtractor } from '../../src/import/extract';
import { taggerScope } from '../../src/import/extract/tagged';
import type { ParsedArticle } from '../../src/model/article';
import { partName, readPart, ZH_DEV } from '../../src/ner/zh/data';
import { article as testArticle } from '../../test/extract/helpers';

const KINDS = [
  ['PER', 'persons'],
  ['ORG', 'organizations'],
  ['LOC', 'places'],
] as const;

const article = (paragraphs: string[]): ParsedArticle =>
  testArticle(paragraphs, { source: 'ner-dev', url: 'https://example.com/ner-dev' });

const out: Record<string, unknown> = { scope: taggerScope() };
const extractor = createExtractor();
for (const part of ZH_DEV) {
  const sents = readPart(part);
  const counts = Object.fromEntries(KINDS.map(([t]) => [t, { gold: 0, found: 0, predicted: 0, correct: 0 }]));
  const cpu0 = process.cpuUsage();
  for (let i = 0; i < sents.length; i += 20) {
    const group = sents.slice(i, i + 20);
    const gold = new Map<string, Set<string>>(KINDS.map(([t]) => [t, new Set<string>()]));
    for (const s of group) for (const sp of s.spans) gold.get(sp.type)!.add(s.text.slice(sp.start, sp.end));
    const x = extractor.extract(article(group.map((s) => s.text)));
    for (const [t, field] of KINDS) {
      const c = counts[t];
      const g = gold.get(t)!;
      const names = new Set<string>();
      for (const e of x[field]) {
        const all = [e.name, ...e.aliases];
        all.forEach((n) => names.add(n));
        c.predicted++;
        if (all.some((n) => g.has(n))) c.correct++;
      }
      c.gold += g.size;
      for (const s of g) if (names.has(s)) c.found++;
    }
  }
  const cpu = process.cpuUsage(cpu0);
  const r = (x: number): number => Math.round(x * 1000) / 1000;
  out[partName(part)] = {
    cpuSeconds: r((cpu.user + cpu.system) / 1e6),
    ...Object.fromEntries(
      KINDS.map(([t]) => {
        const c = counts[t];
        const p = c.correct / Math.max(1, c.predicted);
        const rec = c.found / Math.max(1, c.gold);
        return [t, { precision: r(p), recall: r(rec), f1: r((2 * p * rec) / Math.max(1e-9, p + rec)) }];
      }),
    ),
  };
}
console.log(JSON.stringify(out));
