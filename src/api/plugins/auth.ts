import { createHash, timingSafeEqual } from 'node:crypto';
import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError } from 'graphql';

/**
 * API keys. `NEWSGRAPH_API_KEYS` is a comma-separated list of `name:key` (or bare keys, then
 * named `key-1`, `key-2`, ...); the name is who a curation is recorded as. A request presents its
 * key as `Authorization: Bearer <key>` or `X-API-Key: <key>`. Mutations (curation, the only
 * writes) always need a key, and are refused outright when no key is configured; queries stay
 * open unless `NEWSGRAPH_READ_REQUIRES_KEY=true`.
 */
export interface ApiKeys {
  /** sha256(key) -> name; compared in constant time. */
  readonly keys: readonly { digest: Buffer; name: string }[];
}

const digest = (key: string) => createHash('sha256').update(key, 'utf8').digest();

export function parseApiKeys(spec: string | undefined): ApiKeys {
  const keys: { digest: Buffer; name: string }[] = [];
  for (const [i, entry] of (spec ?? '')
    .split(',')
    .map((e) => e.trim())
    .filter(Boolean)
    .entries()) {
    const colon = entry.indexOf(':');
    const name = colon > 0 ? entry.slice(0, colon).trim() : `key-${i + 1}`;
    const key = colon > 0 ? entry.slice(colon + 1).trim() : entry;
    if (key.length < 16) {
      throw new Error(`NEWSGRAPH_API_KEYS: the key of "${name}" is shorter than 16 characters`);
    }
    keys.push({ digest: digest(key), name });
  }
  return { keys };
}

/** Who presents this request's key, or null when it has none or an unknown one. */
export function callerFor(
  headers: Record<string, string | string[] | undefined>,
  apiKeys: ApiKeys,
): string | null {
  const header = (name: string) => {
    const value = headers[name];
    return Array.isArray(value) ? value[0] : value;
  };
  const bearer = /^Bearer\s+(.+)$/i.exec(header('authorization') ?? '')?.[1];
  const presented = (bearer ?? header('x-api-key'))?.trim();
  if (!presented) return null;
  const given = digest(presented);
  let found: string | null = null;
  for (const key of apiKeys.keys) if (timingSafeEqual(key.digest, given)) found ??= key.name;
  return found;
}

export function unauthenticated(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } } });
}

/** Checks each operation before it runs: no resolver (and so no write) is reached without a key. */
export function authPlugin<T extends { caller: string | null }>(options: {
  apiKeys: ApiKeys;
  readRequiresKey: boolean;
}): ApolloServerPlugin<T> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation, contextValue }) {
          if (contextValue.caller !== null) return;
          if (operation?.operation === 'mutation') {
            throw unauthenticated(
              options.apiKeys.keys.length === 0
                ? 'Curation is disabled: no API key is configured (NEWSGRAPH_API_KEYS).'
                : 'Mutations need an API key: send Authorization: Bearer <key>.',
            );
          }
          if (options.readRequiresKey) {
            throw unauthenticated(
              'This server needs an API key for every request: send Authorization: Bearer <key>.',
            );
          }
        },
      };
    },
  };
}
