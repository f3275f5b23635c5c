import fs from 'fs';
import path from 'path';
import type { Extraction, ParsedArticle } from '../model/article';
import { entityKey } from '../graph/keys';

export type GoldEntity = string | string[];

export interface GoldQuote {
  speaker: string;
  /** A prefix of the quoted words. */
  text: string;
}

export interface GoldAffiliation {
  person: string;
  organization: string;
  role: string | null;
}

export interface GoldExpert {
  person: string;
  organization: string | null;
}

export interface GoldArticle {
  id: string;
  file: string;
  section: string;
  persons: GoldEntity[];
  organizations: GoldEntity[];
  places: GoldEntity[];
  affiliations: GoldAffiliation[];
  quotes: GoldQuote[];
  /** Quoted persons speaking with a role or an affiliation; scored only in gold files that list them. */
  experts?: GoldExpert[];
  optional?: {
    persons?: GoldEntity[];
    organizations?: GoldEntity[];
    places?: GoldEntity[];
    quotes?: GoldQuote[];
  };
}

export const GOLD_DIR = path.join(__dirname, '..', '..', 'test', 'fixtures', 'gold');

export function loadGold(dir = GOLD_DIR): GoldArticle[] {
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => ({
      id: f.replace(/\.json$/, ''),
      ...JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8')),
    }));
}

export const TYPES = ['persons', 'organizations', 'places', 'affiliations', 'quotes'] as const;
export type ScoreType = (typeof TYPES)[number] | 'experts';

export interface TypeScore {
  tp: number;
  fp: number;
  fn: number;
  precision: number;
  recall: number;
  f1: number;
  misses: string[];
  falsePositives: string[];
}

/** `experts` only when some gold article lists its experts. */
export type Report = Record<(typeof TYPES)[number], TypeScore> & { experts?: TypeScore };

/** A name with every surface it is known by, as entity keys. */
type KeySet = Set<string>;

const keysOf = (names: string[]): KeySet => new Set(names.map(entityKey));
const goldKeys = (g: GoldEntity): KeySet => keysOf(Array.isArray(g) ? g : [g]);
const goldName = (g: GoldEntity): string => (Array.isArray(g) ? g[0] : g);
const intersects = (a: KeySet, b: KeySet): boolean => [...a].some((k) => b.has(k));

function emptyScore(): TypeScore {
  return { tp: 0, fp: 0, fn: 0, precision: 0, recall: 0, f1: 0, misses: [], falsePositives: [] };
}

function finish(s: TypeScore): TypeScore {
  s.precision = s.tp + s.fp ? s.tp / (s.tp + s.fp) : 1;
  s.recall = s.tp + s.fn ? s.tp / (s.tp + s.fn) : 1;
  s.f1 = s.precision + s.recall ? (2 * s.precision * s.recall) / (s.precision + s.recall) : 0;
  for (const k of ['precision', 'recall', 'f1'] as const) s[k] = Math.round(s[k] * 1000) / 1000;
  return s;
}

/**
 * Scores one article. Names match when equal after entityKey or through an alias on either side.
 * Predicted items that match an optional gold item count neither way.
 */
export function scoreArticle(gold: GoldArticle, got: Extraction, report: Report): void {
  // Every surface of every predicted and gold entity resolves to one key set, for relation matching.
  const resolveSets: KeySet[] = [];
  const entityScore = (type: 'persons' | 'organizations' | 'places'): void => {
    const s = report[type];
    const golds = gold[type].map(goldKeys);
    const optional = (gold.optional?.[type] ?? []).map(goldKeys);
    const matched = new Set<number>();
    for (const e of got[type]) {
      const keys = keysOf([e.name, ...e.aliases]);
      resolveSets.push(keys);
      const gi = golds.findIndex((g) => intersects(g, keys));
      if (gi >= 0) {
        if (!matched.has(gi)) s.tp++;
        matched.add(gi);
        golds[gi].forEach((k) => keys.add(k));
      } else if (!optional.some((o) => intersects(o, keys))) {
        s.fp++;
        s.falsePositives.push(`${gold.id}: ${e.name}`);
      }
    }
    gold[type].forEach((g, i) => {
      if (!matched.has(i)) {
        s.fn++;
        s.misses.push(`${gold.id}: ${goldName(g)}`);
      }
      resolveSets.push(goldKeys(g));
    });
  };
  entityScore('persons');
  entityScore('organizations');
  entityScore('places');
  const same = (a: string, b: string): boolean => {
    const ka = entityKey(a);
    const kb = entityKey(b);
    return ka === kb || resolveSets.some((set) => set.has(ka) && set.has(kb));
  };

  const aff = report.affiliations;
  const affMatched = new Set<number>();
  for (const a of got.affiliations) {
    const gi = gold.affiliations.findIndex(
      (g) => same(g.person, a.person) && same(g.organization, a.organization),
    );
    if (gi >= 0) {
      if (!affMatched.has(gi)) aff.tp++;
      affMatched.add(gi);
    } else {
      aff.fp++;
      aff.falsePositives.push(`${gold.id}: ${a.person} -> ${a.organization} (${a.role ?? '-'})`);
    }
  }
  gold.affiliations.forEach((g, i) => {
    if (affMatched.has(i)) return;
    aff.fn++;
    aff.misses.push(`${gold.id}: ${g.person} -> ${g.organization} (${g.role ?? '-'})`);
  });

  const q = report.quotes;
  const qMatched = new Set<number>();
  const quoteMatches = (g: GoldQuote, speaker: string, text: string): boolean =>
    same(g.speaker, speaker) && text.replace(/\s+/g, '').includes(g.text.replace(/\s+/g, ''));
  for (const p of got.quotes) {
    const hits = gold.quotes
      .map((g, i) => (quoteMatches(g, p.speaker, p.text) ? i : -1))
      .filter((i) => i >= 0);
    if (hits.length) {
      for (const i of hits) {
        if (!qMatched.has(i)) q.tp++;
        qMatched.add(i);
      }
    } else if (!(gold.optional?.quotes ?? []).some((g) => quoteMatches(g, p.speaker, p.text))) {
      q.fp++;
      q.falsePositives.push(`${gold.id}: ${p.speaker}: ${p.text.slice(0, 24)}`);
    }
  }
  gold.quotes.forEach((g, i) => {
    if (qMatched.has(i)) return;
    q.fn++;
    q.misses.push(`${gold.id}: ${g.speaker}: ${g.text}`);
  });

  if (gold.experts) {
    // An expert matches on the person; the organization, when the gold names one, must match too.
    const ex = (report.experts ??= emptyScore());
    const matched = new Set<number>();
    for (const e of got.experts) {
      const gi = gold.experts.findIndex(
        (g) =>
          same(g.person, e.person) &&
          (!g.organization || (!!e.organization && same(g.organization, e.organization))),
      );
      if (gi >= 0) {
        if (!matched.has(gi)) ex.tp++;
        matched.add(gi);
      } else {
        ex.fp++;
        ex.falsePositives.push(`${gold.id}: ${e.person} (${e.role}, ${e.organization ?? '-'})`);
      }
    }
    gold.experts.forEach((g, i) => {
      if (matched.has(i)) return;
      ex.fn++;
      ex.misses.push(`${gold.id}: ${g.person} (${g.organization ?? '-'})`);
    });
  }
}

export type ArticleLoader = (gold: GoldArticle, bytes: Buffer, file: string) => ParsedArticle;

export function evaluate(
  golds: GoldArticle[],
  load: ArticleLoader,
  extract: (a: ParsedArticle) => Extraction,
  dir = GOLD_DIR,
): Report {
  const report = Object.fromEntries(TYPES.map((t) => [t, emptyScore()])) as Report;
  for (const g of golds) {
    const file = path.join(dir, g.file);
    const article = load(g, fs.readFileSync(file), file);
    scoreArticle(g, extract(article), report);
  }
  for (const t of TYPES) finish(report[t]);
  if (report.experts) finish(report.experts);
  return report;
}

export function formatReport(report: Report, details = true): string {
  const lines = ['type           precision  recall     f1   tp   fp   fn'];
  const types: ScoreType[] = report.experts ? [...TYPES, 'experts'] : [...TYPES];
  for (const t of types) {
    const s = report[t]!;
    lines.push(
      `${t.padEnd(14)} ${s.precision.toFixed(3).padStart(9)} ${s.recall.toFixed(3).padStart(7)} ${s.f1
        .toFixed(3)
        .padStart(6)} ${String(s.tp).padStart(4)} ${String(s.fp).padStart(4)} ${String(s.fn).padStart(4)}`,
    );
  }
  if (details) {
    for (const t of types) {
      const s = report[t]!;
      if (s.misses.length) lines.push('', `${t} misses:`, ...s.misses.map((m) => `  - ${m}`));
      if (s.falsePositives.length)
        lines.push('', `${t} false positives:`, ...s.falsePositives.map((m) => `  + ${m}`));
    }
  }
  return lines.join('\n');
}
