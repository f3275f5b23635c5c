import * as Q from '../../src/import/write/queries';

/** Names every statement of the writer, so that query timings read as MERGE_ENTITIES.Person etc. */
export function queryNames(): Map<string, string> {
  const names = new Map<string, string>();
  const visit = (value: unknown, name: string) => {
    if (typeof value === 'string') names.set(value, name);
    else if (Array.isArray(value)) value.forEach((v, i) => visit(v, `${name}[${i}]`));
    else if (value && typeof value === 'object') {
      for (const [key, v] of Object.entries(value)) visit(v, `${name}.${key}`);
    }
  };
  for (const [key, value] of Object.entries(Q)) visit(value, key);
  return names;
}
