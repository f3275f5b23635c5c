/**
 * Entity-level exact-match scoring, as conlleval counts it: a predicted entity is correct when its
 * type, start and end all equal a gold entity's.
 */
import type { Span } from './tags';

export interface Prf {
  precision: number;
  recall: number;
  f1: number;
  gold: number;
  predicted: number;
  correct: number;
}

const round4 = (x: number): number => Math.round(x * 10000) / 10000;

/** A score as `ner:eval` prints it: ratios rounded to 4 decimals, counts as they are. */
export function formatPrf(p: Prf): Prf {
  return {
    precision: round4(p.precision),
    recall: round4(p.recall),
    f1: round4(p.f1),
    gold: p.gold,
    predicted: p.predicted,
    correct: p.correct,
  };
}

function prf(gold: number, predicted: number, correct: number): Prf {
  const precision = predicted ? correct / predicted : 0;
  const recall = gold ? correct / gold : 0;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  return { precision, recall, f1, gold, predicted, correct };
}

export class EntityScorer {
  private readonly counts = new Map<string, { gold: number; predicted: number; correct: number }>();
  sentences = 0;

  constructor(types: readonly string[] = []) {
    for (const t of types) this.counts.set(t, { gold: 0, predicted: 0, correct: 0 });
  }

  private entry(type: string): { gold: number; predicted: number; correct: number } {
    let e = this.counts.get(type);
    if (!e) this.counts.set(type, (e = { gold: 0, predicted: 0, correct: 0 }));
    return e;
  }

  /** Add one sentence's gold and predicted entities. */
  add(gold: readonly Span[], predicted: readonly Span[]): void {
    this.sentences++;
    const key = (s: Span): string => `${s.start}:${s.end}:${s.type}`;
    const goldKeys = new Set(gold.map(key));
    for (const g of gold) this.entry(g.type).gold++;
    for (const p of predicted) {
      const e = this.entry(p.type);
      e.predicted++;
      if (goldKeys.has(key(p))) e.correct++;
    }
  }

  result(): { overall: Prf; byType: Record<string, Prf> } {
    let g = 0;
    let p = 0;
    let c = 0;
    const byType: Record<string, Prf> = {};
    for (const [type, e] of this.counts) {
      byType[type] = prf(e.gold, e.predicted, e.correct);
      g += e.gold;
      p += e.predicted;
      c += e.correct;
    }
    return { overall: prf(g, p, c), byType };
  }
}
