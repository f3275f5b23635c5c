import fs from 'node:fs';
import path from 'node:path';

/**
 * The importer and the API share their domain rules through src/graph/ and never import each
 * other: every relative import of every file under one of them is resolved and checked.
 */
const SRC = path.resolve(__dirname, '../../src');

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return /\.tsx?$/.test(entry.name) ? [full] : [];
  });
}

/** The stages (top-level folders under src/) a file imports from by relative path. */
function importedStages(file: string): string[] {
  const text = fs.readFileSync(file, 'utf8');
  const specifiers = [...text.matchAll(/(?:from|import|require\()\s*['"](\.{1,2}\/[^'"]+)['"]/g)].map(
    (m) => m[1],
  );
  return specifiers.map((s) => path.relative(SRC, path.resolve(path.dirname(file), s)).split(path.sep)[0]);
}

describe('stage boundaries', () => {
  it.each([
    ['import', 'api'],
    ['api', 'import'],
  ])('no file under src/%s imports from src/%s', (from, forbidden) => {
    const files = sourceFiles(path.join(SRC, from));
    expect(files.length).toBeGreaterThan(5);
    const offenders = files.filter((file) => importedStages(file).includes(forbidden));
    expect(offenders.map((f) => path.relative(SRC, f))).toEqual([]);
  });

  it('sees an import across the boundary when there is one', () => {
    const api = sourceFiles(path.join(SRC, 'api'));
    // The resolver imports the shared URL rule from src/graph, which the check resolves as such.
    expect(api.some((file) => importedStages(file).includes('graph'))).toBe(true);
  });
});
