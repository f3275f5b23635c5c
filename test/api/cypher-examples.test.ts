import fs from 'node:fs';
import path from 'node:path';
import { isNode, isPath, isRelationship } from 'neo4j-driver';
import { closeTestDriver, TEST_DATABASE, testDriver, wipeDatabase } from '../support/neo4j';
import { loadTestGraph, ROOT } from './support';

const EXAMPLES = path.join(ROOT, 'cypher', 'examples');
const files = fs.readdirSync(EXAMPLES).filter((name) => name.endsWith('.cypher'));
const driver = testDriver();

/**
 * The file as Neo4j Browser runs it: one statement, example values inline. A `:param` line or a
 * second statement would put Browser in multi-statement mode, which shows no result.
 */
function statementsOf(text: string): string[] {
  const code = text
    .split('\n')
    .filter((line) => !line.trim().startsWith('//'))
    .join('\n');
  return code
    .split(/;\s*(?:\n|$)/)
    .map((statement) => statement.trim())
    .filter((statement) => statement.length > 0);
}

/** Whether a value is something Browser draws: a node, a relationship, a path, or a list of them. */
function isGraph(value: unknown): boolean {
  if (Array.isArray(value)) return value.some(isGraph);
  return isNode(value) || isRelationship(value) || isPath(value);
}

beforeAll(async () => {
  await wipeDatabase(driver);
  await loadTestGraph(driver);
}, 300_000);

afterAll(async () => {
  await closeTestDriver();
});

it('has an example for each main question of the API', () => {
  expect(files).toEqual(
    expect.arrayContaining([
      'experts-for-topic.cypher',
      'co-mentions-of-person.cypher',
      'what-links-to-article.cypher',
      'path-between-entities.cypher',
      'expert-graph.cypher',
      'co-mentioned-graph.cypher',
    ]),
  );
});

describe.each(files)('cypher/examples/%s', (file) => {
  const text = fs.readFileSync(path.join(EXAMPLES, file), 'utf8');
  const statements = statementsOf(text);

  it('is one statement with its example values inline, as Browser runs a pasted file', () => {
    expect(text).not.toMatch(/^\s*:/m);
    expect(text).not.toMatch(/\$\w+/);
    expect(statements).toHaveLength(1);
  });

  it('runs alone on the seed and corpus and returns graph rows', async () => {
    const result = await driver.executeQuery(statements[0], {}, { database: TEST_DATABASE });
    expect(result.records.length).toBeGreaterThan(0);
    const drawn = result.records.some((record) => record.keys.some((key) => isGraph(record.get(key))));
    expect(drawn).toBe(true);
  });
});

it('styles the aggregate relationships in Neo4j Browser', () => {
  const style = fs.readFileSync(path.join(ROOT, 'cypher', 'style.grass'), 'utf8');
  for (const type of ['EXPERT_ON', 'CO_MENTIONED']) {
    expect(style).toMatch(new RegExp(`relationship\\.${type} \\{[^}]*caption: "\\{articles\\}"`));
  }
});
