import type { ApolloServerPlugin } from '@apollo/server';
import { CLIENT_ERROR_CODES } from '../errors';
import type { ApiContext } from '../context';

/** One structured line per request (request id, operation, duration, Cypher round trips); server errors in full. */
export function loggingPlugin(): ApolloServerPlugin<ApiContext> {
  return {
    async requestDidStart({ contextValue }) {
      const started = performance.now();
      let errorCount = 0;
      return {
        async didEncounterErrors({ errors }) {
          errorCount = errors.length;
          for (const error of errors) {
            const code = error.extensions?.code;
            if (code === 'QUERY_TIMEOUT') {
              // The client's fault as much as ours, but a sign of a hot spot worth knowing about.
              contextValue.logger.warn({ path: error.path }, error.message);
              continue;
            }
            if (typeof code === 'string' && CLIENT_ERROR_CODES.has(code)) continue;
            // The full error (Cypher, driver details, stack) goes to the log, never to a production client.
            contextValue.logger.error(
              { err: error.originalError ?? error, path: error.path },
              'request failed',
            );
          }
        },
        async willSendResponse({ operationName, request }) {
          // Checked first so that a level above info never builds the request's child logger.
          if (!contextValue.logs('info')) return;
          contextValue.logger.info(
            {
              operationName: operationName ?? request.operationName ?? null,
              durationMs: Math.round((performance.now() - started) * 100) / 100,
              cypherCalls: contextValue.db.calls,
              errors: errorCount,
            },
            'graphql request',
          );
        },
      };
    },
  };
}
