import fs from 'node:fs';
import { SCHEMA_PATH } from '../../src/api/emit-schema';
import { schemaSdl } from '../../src/api/schema';

describe('schema/schema.graphql', () => {
  it('matches the type-graphql classes (run `npm run schema:emit` after changing the API)', async () => {
    expect(fs.readFileSync(SCHEMA_PATH, 'utf8')).toBe(await schemaSdl());
  });

  it('documents how expert scores are computed', async () => {
    expect(await schemaSdl()).toMatch(/Relevance of the expert to the subject/);
  });
});
