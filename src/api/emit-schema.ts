import fs from 'node:fs';
import path from 'node:path';
import { schemaSdl } from './schema';

export const SCHEMA_PATH = path.resolve(__dirname, '..', '..', 'schema', 'schema.graphql');

/** `npm run schema:emit`: writes the SDL that the schema drift test compares with the code. */
async function main(): Promise<void> {
  const sdl = await schemaSdl();
  fs.mkdirSync(path.dirname(SCHEMA_PATH), { recursive: true });
  fs.writeFileSync(SCHEMA_PATH, sdl);
  console.error(`wrote ${path.relative(process.cwd(), SCHEMA_PATH)}`);
}

if (require.main === module) {
  main().catch((error: Error) => {
    console.error(error.message);
    process.exit(1);
  });
}
