import fs from 'node:fs';
import path from 'node:path';
import { closeTestDriver, TEST_DATABASE, testDriver, wipeDatabase } from '../support/neo4j';
import { loadTestGraph, ROOT } from './support';

const EXAMPLES = path.join(ROOT, 'cypher', 'examples');
const files = fs.readdirSync(EXAMPLES).filter((name) => name.endsWith('.cypher'));
const driver = testDriver();

interface Example {
  params: Record<string, string>;
  query: string;
}

/** Neo4j Browser's `:param name => expression;` lines become parameters; the rest is the query. */
function parseExample(text: string): Example {
  const params: Record<string, string> = {};
  const lines: string[] = [];
  for (const line of text.split('\n')) {
    const param = /^:param\s+(\w+)\s*=>\s*(.+?);?\s*$/.exec(line.trim());
    if (param) params[param[1]] = param[2];
    else if (line.trim().startsWith(':')) throw new Error(`unsupported Browser command: ${line}`);
    else if (!line.trim().startsWith('//')) lines.push(line);
  }
  return { params, query: lines.join('\n').trim().replace(/;$/, '') };
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
  const example = parseExample(fs.readFileSync(path.join(EXAMPLES, file), 'utf8'));

  it('is one query with its parameters', () => {
    expect(example.query).not.toMatch(/;\s*\S/);
    expect(Object.keys(example.params).length).toBeGreaterThan(0);
  });

  it('runs on the seed and returns rows', async () => {
    // Parameter values are Cypher expressions, as in Neo4j Browser: Neo4j evaluates them.
    const params: Record<string, unknown> = {};
    for (const [name, expression] of Object.entries(example.params)) {
      const evaluated = await driver.executeQuery(
        `RETURN ${expression} AS value`,
        {},
        { database: TEST_DATABASE },
      );
      params[name] = evaluated.records[0].get('value');
    }
    const result = await driver.executeQuery(example.query, params, { database: TEST_DATABASE });
    expect(result.records.length).toBeGreaterThan(0);
  });
});

it('styles the aggregate relationships in Neo4j Browser', () => {
  const style = fs.readFileSync(path.join(ROOT, 'cypher', 'style.grass'), 'utf8');
  for (const type of ['EXPERT_ON', 'CO_MENTIONED']) {
    expect(style).toMatch(new RegExp(`relationship\\.${type} \\{[^}]*caption: "\\{articles\\}"`));
  }
});
