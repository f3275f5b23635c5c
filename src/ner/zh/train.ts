/**
 * `npm run train:ner`: rebuilds src/ner/zh/model.bin.gz from the files of ZH_TRAIN (deterministic:
 * fixed data order, seeded shuffles) and prints its scores on the held-out ZH_DEV after each epoch.
 *
 * Options: `--epochs <n>` (default 6), `--out <path>`, `--min-count <n>`, `--prune <w>`.
 */
import { EntityScorer } from '../evaluate';
import { NER_LABELS } from '../formats';
import { FeatureSeqBuilder } from '../sequence';
import type { Tagger } from '../tagger';
import { TagSet } from '../tags';
import { trainTagger, type TrainingExample } from '../train';
import { partName, readPart, ZH_DEV, ZH_TRAIN } from './data';
import { ChineseFeatures } from './features';
import { ZH_MODEL_PATH } from './tagger';

function option(name: string, fallback: string): string {
  const i = process.argv.indexOf(name);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1] : fallback;
}

function main(): void {
  const started = process.hrtime.bigint();
  const cpu0 = process.cpuUsage();
  const epochs = Number(option('--epochs', '6'));
  const out = option('--out', ZH_MODEL_PATH);
  const minCount = Number(option('--min-count', '2'));
  const prune = Number(option('--prune', '0.5'));
  const tags = new TagSet(NER_LABELS);
  const feats = new ChineseFeatures();
  const b = new FeatureSeqBuilder(512, 32);
  const examples: TrainingExample[] = [];
  // --only a,b: train on the ZH_TRAIN parts whose file names contain one of these (experiments).
  const only = option('--only', '').split(',').filter(Boolean);
  const trainParts = only.length ? ZH_TRAIN.filter((p) => only.some((o) => p.file.includes(o))) : ZH_TRAIN;
  for (const part of trainParts) {
    const sents = readPart(part);
    for (const s of sents) {
      if (part.silverPlaces) {
        const taken = new Uint8Array(s.text.length);
        for (const sp of s.spans) taken.fill(1, sp.start, sp.end);
        for (const g of feats.gazetteerSpans(s.text, 'place'))
          if (!taken.subarray(g.start, g.end).includes(1)) s.spans.push({ ...g, type: 'LOC' });
      }
      feats.extract(s.text, b);
      examples.push({ features: b.copy(), tags: tags.fromSpans(s.spans, s.text.length) });
    }
    console.error(`train: ${partName(part)}: ${sents.length} sentences`);
  }
  const dev = ZH_DEV.map((part) => ({
    name: partName(part),
    sents: readPart(part).map((s) => {
      feats.extract(s.text, b);
      return { features: b.copy(), spans: s.spans };
    }),
  }));
  const scores: Record<string, unknown> = {};
  const score = (epoch: number, tagger: Tagger): void => {
    for (const d of dev) {
      const scorer = new EntityScorer(NER_LABELS);
      for (const s of d.sents) scorer.add(s.spans, tagger.spans(s.features));
      const r = scorer.result();
      const f = (x: number): string => x.toFixed(3);
      console.error(
        `  epoch ${epoch} ${d.name}: F1 ${f(r.overall.f1)} (P ${f(r.overall.precision)} R ${f(r.overall.recall)}) ` +
          NER_LABELS.map((t) => `${t} ${f(r.byType[t].f1)}`).join(' '),
      );
      if (epoch === epochs)
        scores[d.name] = {
          f1: +r.overall.f1.toFixed(4),
          precision: +r.overall.precision.toFixed(4),
          recall: +r.overall.recall.toFixed(4),
          byType: Object.fromEntries(NER_LABELS.map((t) => [t, +r.byType[t].f1.toFixed(4)])),
        };
    }
  };
  const tagger = trainTagger(examples, {
    labels: NER_LABELS,
    epochs,
    seed: 1,
    minCount,
    prune,
    log: (m) => console.error(m),
    onEpoch: score,
  });
  const final = new (tagger.constructor as typeof Tagger)({
    ...tagger.data,
    meta: {
      trainedOn: trainParts.map(partName),
      heldOut: ZH_DEV.map(partName),
      options: { epochs, minCount, prune, seed: 1 },
      heldOutScores: scores,
    },
  });
  final.save(out);
  const secs = Number(process.hrtime.bigint() - started) / 1e9;
  const cpu = process.cpuUsage(cpu0);
  console.error(
    `wrote ${out}: ${final.featureCount} features; ${secs.toFixed(1)} s wall, ${((cpu.user + cpu.system) / 1e6).toFixed(1)} s CPU`,
  );
}

main();
