/**
 * `npm run train:ner:en`: trains the English tagger on CoNLL-2003 English train and writes
 * src/ner/en/model.bin.gz, printing dev-set scores after every epoch (the test split is not in
 * ../shared/ner and is never read here). Deterministic: same data and options, same model.
 *
 *   npm run train:ner:en -- [--train FILE] [--dev FILE] [--epochs N] [--out FILE]
 */
import path from 'node:path';
import { FeatureSeqBuilder } from '../sequence';
import { TagSet } from '../tags';
import { trainTagger } from '../train';
import { nerDataDir, readConll, TRAIN_LABELS } from './conll';
import { scoreEnglish } from './score';
import { englishFeatures } from './features';
import { EnglishTagger, EN_MODEL_PATH } from './tagger';

const SHARED = nerDataDir();

function main(argv: string[]): void {
  const option = (name: string, fallback: string): string => {
    const i = argv.indexOf(name);
    return i >= 0 && argv[i + 1] ? argv[i + 1] : fallback;
  };
  const trainFile = option('--train', path.join(SHARED, 'conll2003-en-train.txt'));
  const devFile = option('--dev', path.join(SHARED, 'conll2003-en-dev.txt'));
  const epochs = Number(option('--epochs', '10'));
  const out = option('--out', EN_MODEL_PATH);
  const train = readConll(trainFile, TRAIN_LABELS);
  const dev = readConll(devFile);
  const tagSet = new TagSet(TRAIN_LABELS);
  const b = new FeatureSeqBuilder(128, 40);
  const t0 = performance.now();
  const examples = train.map((s) => {
    englishFeatures(s.tokens, b);
    return { features: b.copy(), tags: tagSet.fromSpans(s.spans, s.tokens.length) };
  });
  console.error(
    `features of ${examples.length} sentences in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
  );
  const scores: Record<number, number> = {};
  const tagger = trainTagger(examples, {
    labels: TRAIN_LABELS,
    epochs,
    minCount: 1,
    prune: Number(option('--prune', '0')),
    log: (m) => console.error(m),
    onEpoch: (epoch, model) => {
      const r = scoreEnglish(new EnglishTagger(model), dev);
      scores[epoch] = Math.round(r.overall.f1 * 10000) / 10000;
      console.error(
        `  dev F1 ${r.overall.f1.toFixed(4)} (PER ${r.byType.PER.f1.toFixed(4)}, ORG ${r.byType.ORG.f1.toFixed(4)}, LOC ${r.byType.LOC.f1.toFixed(4)})`,
      );
    },
    meta: {
      language: 'en',
      trainedOn: path.basename(trainFile),
      tunedOn: path.basename(devFile),
      source:
        'CoNLL-2003 English (Reuters, 1996) via ../shared/ner (suryasumukh/conll-ner); MISC learned, never reported',
      epochs,
      devF1ByEpoch: scores,
    },
  });
  tagger.save(out);
  console.error(`wrote ${out}: ${tagger.featureCount} features`);
}

if (require.main === module) main(process.argv.slice(2));
