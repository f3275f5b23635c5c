/**
 * The Chinese training and held-out data (../shared/ner, see its README for provenance), as fixed
 * lists: the model trains on `ZH_TRAIN` and is scored on `ZH_DEV`, which it never sees.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { type AnnotatedSentence, readAnnotated, toCodeUnits } from '../formats';
import type { Span } from '../tags';

const ROOT = path.resolve(__dirname, '../../..');

/** `NER_DATA_DIR`, else `shared/ner` beside the project (or beside its worktree folder). */
export const NER_DATA_DIR =
  process.env.NER_DATA_DIR ??
  [path.resolve(ROOT, '../shared/ner'), path.resolve(ROOT, '../../shared/ner')].find((d) => existsSync(d)) ??
  path.resolve(ROOT, '../shared/ner');

/** A file, or a fixed part of it (`part` 0 = first half, 1 = second half). */
export interface DataPart {
  file: string;
  half?: 0 | 1;
  /**
   * The set leaves country and city names unlabelled (CLUENER's `address` is a street address):
   * training adds LOC for the static gazetteer's places that overlap no labelled entity, so the
   * model does not learn that 中国 is no place.
   */
  silverPlaces?: boolean;
}

export const ZH_TRAIN: DataPart[] = [
  { file: 'cluener-train.jsonl', silverPlaces: true },
  { file: 'msra-test.bio' },
  { file: 'peoples-daily-dev.bio', half: 0 },
  { file: 'weibo-train.bio' },
  { file: 'weibo-dev.bio' },
  { file: 'weibo-test.bio' },
];

export const ZH_DEV: DataPart[] = [{ file: 'peoples-daily-dev.bio', half: 1 }, { file: 'cluener-dev.jsonl' }];

export function partName(p: DataPart): string {
  return p.half === undefined ? p.file : `${p.file} (${p.half === 0 ? 'first' : 'second'} half)`;
}

export function readPart(p: DataPart, dir = NER_DATA_DIR): { text: string; spans: Span[] }[] {
  const all: AnnotatedSentence[] = readAnnotated(path.join(dir, p.file)).sentences;
  const mid = Math.floor(all.length / 2);
  const part = p.half === undefined ? all : p.half === 0 ? all.slice(0, mid) : all.slice(mid);
  return part.map(toCodeUnits);
}
