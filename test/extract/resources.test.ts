import { createExtractor, releaseExtractorResources } from '../../src/import/extract';
import { goldArticle } from './helpers';

describe('releasing the shared dictionaries', () => {
  it('leaves extractors made afterwards working, with the same results', () => {
    const seed = goldArticle('1042757');
    const before = createExtractor().extract(seed);
    expect(before.experts.length).toBeGreaterThanOrEqual(4);

    releaseExtractorResources();
    const after = createExtractor().extract(seed);

    expect(after).toEqual(before);
  });
});
