import fs from 'node:fs';
import path from 'node:path';
import { readmeExamples } from '../../src/api/plugins/playground';
import { describeWithBrowser, launchBrowser, type TestBrowser } from '../support/browser';
import { closeTestDriver, testDriver, wipeDatabase } from '../support/neo4j';
import { loadTestGraph, ROOT, startTestApi, type TestApi } from './support';

describe('playground examples', () => {
  it('are the README example operations, each titled by its heading', () => {
    const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
    const examples = readmeExamples(readme);
    expect(examples.length).toBe((readme.match(/```graphql\n/g) ?? []).length);
    expect(examples.length).toBeGreaterThanOrEqual(5);
    expect(examples[0].title).toBe('Which experts appear alongside a topic?');
    expect(examples[0].query).toMatch(/^\{ experts\(topic: "乌克兰"/);
  });
});

describeWithBrowser('GET /graphql in a browser', () => {
  const driver = testDriver();
  let api: TestApi;
  let browser: TestBrowser;

  beforeAll(async () => {
    await wipeDatabase(driver);
    await loadTestGraph(driver);
    api = await startTestApi(driver);
    browser = await launchBrowser();
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    await api?.server.stop();
    await closeTestDriver();
  });

  it('renders GraphiQL with no external request, with the README examples as tabs, and runs a query', async () => {
    const { context, external } = await browser.newContext();
    try {
      const page = await context.newPage();
      const response = await page.goto(api.url, { waitUntil: 'load' });
      expect(response?.status()).toBe(200);
      await page.waitForSelector('.graphiql-container', { timeout: 60_000 });

      const tabs = await page.locator('.graphiql-tab').count();
      expect(tabs).toBe(readmeExamples().length);

      // The first tab is the experts example; run it with the toolbar's run button.
      await page.locator('.graphiql-execute-button').click();
      // Evaluated in the page (a string: this file is compiled without the DOM's types).
      await page.waitForFunction(
        `(document.querySelector('.result-window')?.textContent ?? '').includes('"experts"')`,
        undefined,
        { timeout: 60_000 },
      );
      const result = (await page.locator('.result-window').textContent()) ?? '';
      expect(result).toContain('"person"');
      expect(result).toContain('巴胡尔斯卡');
      expect(result).not.toContain('"errors"');
      expect(external).toEqual([]);
    } finally {
      await context.close();
    }
  }, 180_000);

  it('offers Apollo Sandbox with ?sandbox, and says so when it cannot be loaded offline', async () => {
    const { context, external } = await browser.newContext();
    try {
      const page = await context.newPage();
      await page.goto(`${api.url}?sandbox`, { waitUntil: 'load' });
      await page.waitForFunction(
        `(document.getElementById('playground')?.textContent ?? '').includes('could not be loaded')`,
        undefined,
        { timeout: 60_000 },
      );
      expect(external.some((url) => url.includes('apollographql.com'))).toBe(true);
    } finally {
      await context.close();
    }
  }, 120_000);
});
