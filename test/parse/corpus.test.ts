import fs from 'node:fs';
import path from 'node:path';
import { parseInput } from '../../src/import/parse';

const CORPUS = process.env.NYT_CN_CORPUS ?? '/work/shared/corpus/nyt-cn';
const files = fs.existsSync(CORPUS)
  ? fs
      .readdirSync(CORPUS)
      .filter((f) => f.endsWith('.md'))
      .sort()
  : [];

/** What site chrome, feed-archive trailers and markup look like when they leak into article text. */
const JUNK =
  /获取更多RSS|feedx\.|<\/?[a-z][^>]*>|[\u200b-\u200f\u2060\ufeff]|点击查看本文英文版|Skip to content/;

if (files.length === 0) {
  describe('shared corpus', () => {
    it.skip(`skipped: ${CORPUS} is not present (set NYT_CN_CORPUS to run)`, () => undefined);
  });
} else {
  describe(`shared corpus (${files.length} files in ${CORPUS})`, () => {
    it.each(files)('%s parses cleanly', (file) => {
      const source = path.join(CORPUS, file);
      const { articles, errors } = parseInput({ source, bytes: fs.readFileSync(source) });
      expect(errors).toEqual([]);
      expect(articles).toHaveLength(1);
      const a = articles[0];
      expect(a.url).toMatch(/^https:\/\/cn\.nytimes\.com\/[a-z-]+\/\d{8}\/[^/?#]+$/);
      expect(a.title.length).toBeGreaterThan(0);
      expect(a.language).toBe('zh');
      expect(a.publishedAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+08:00$/);
      // Beijing time is right: no article is fetched before it is published.
      expect(Date.parse(a.fetchedAt!)).toBeGreaterThanOrEqual(Date.parse(a.publishedAt!));
      expect(a.paragraphs.length).toBeGreaterThan(0);
      for (const p of a.paragraphs) expect(p).not.toMatch(JUNK);
      expect(a.links.filter((l) => /feedx\./.test(l.url))).toEqual([]);
      expect(a.links.every((l) => l.url.startsWith('https://'))).toBe(true);
    });
  });
}
