import fs from 'node:fs';
import path from 'node:path';
import { parseInput } from '../../src/import/parse';
import { readabilityCase } from './readability-cases';

/**
 * Acceptance on real English news pages from Mozilla Readability's test suite (see the PROVENANCE note):
 * every page gives an article whose title is Readability's, whose authors include the person(s) of the
 * expected byline, whose date is the expected one, and whose body is 0.5–2× Readability's expected text.
 */
const DIR = path.join(__dirname, '..', 'fixtures', 'readability');
const pages = fs
  .readdirSync(DIR)
  .filter((name) => fs.existsSync(path.join(DIR, name, 'source.html')))
  .sort();

describe('Readability test pages', () => {
  it('are about twenty English news pages', () => {
    expect(pages.length).toBeGreaterThanOrEqual(15);
  });

  describe.each(pages)('%s', (name) => {
    const result = readabilityCase(path.join(DIR, name), parseInput);

    it('gives an article with the expected title', () => {
      expect(result.error).toBeNull();
      expect(result.title).toBe(result.expectedTitle.replace(/\s+/g, ' ').trim());
    });

    it("names the expected byline's people as authors", () => {
      for (const author of result.expectedAuthors)
        expect(result.authors.map((a) => a.toLowerCase())).toContain(author.toLowerCase());
    });

    it('has the expected publication date, when Readability finds one', () => {
      if (result.expectedDate !== null) expect(result.dateMatch).toBe(true);
    });

    it("has a body of 0.5–2× Readability's expected text", () => {
      expect(result.ratio).toBeGreaterThanOrEqual(0.5);
      expect(result.ratio).toBeLessThanOrEqual(2);
    });
  });
});

describe('newsroom bylines and pages without a URL', () => {
  it('a newsroom byline (BBC News, Our Foreign Staff) names no person', () => {
    for (const name of ['bbc-1', 'telegraph']) {
      expect(readabilityCase(path.join(DIR, name), parseInput).authors).toEqual([]);
    }
  });

  it('a page without canonical link or og:url is imported under its file URL, with a warning', () => {
    const source = path.join(DIR, 'lwn-1', 'source.html');
    const result = parseInput({ source, bytes: fs.readFileSync(source) });
    expect(result.articles[0].url).toBe(`file://${source}`);
    expect(result.warnings[0].message).toMatch(/no article URL/);
  });
});
