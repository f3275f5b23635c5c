import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { HeaderMap, type ApolloServer, type BaseContext } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';

/**
 * The HTTP side of the API: Apollo's request handling behind a plain Node server whose every
 * answer is JSON. Bodies are size-limited while they are read (413), bodies that are not JSON get
 * a 400 with the parser's message, and an unexpected failure is a 500 with no stack trace.
 * (Apollo's standalone server answers those with an HTML page that carries a stack trace.)
 */

export interface HttpOptions<T extends BaseContext> {
  port: number;
  host?: string;
  maxBodyBytes: number;
  context: (args: { req: IncomingMessage; res: ServerResponse }) => Promise<T>;
  onError?: (error: unknown) => void;
  /** Plain GET pages served beside GraphQL (the Neo4j Browser guide and style), by exact path. */
  routes?: Record<string, (req: IncomingMessage) => { type: string; body: string }>;
}

class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

function sendError(res: ServerResponse, status: number, code: string, message: string): void {
  if (res.headersSent) {
    res.end();
    return;
  }
  res.statusCode = status;
  res.setHeader('content-type', 'application/json; charset=utf-8');
  if (status === 413) res.setHeader('connection', 'close');
  res.end(JSON.stringify({ errors: [{ message, extensions: { code } }] }));
}

/** Reads the body up to `limit` bytes; stops reading (and fails with 413) past it. */
function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > limit) {
    return Promise.reject(tooLarge(limit));
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        // Stop keeping it, let the rest drain, and answer 413 (destroying the socket would lose the answer).
        req.removeAllListeners('data');
        req.resume();
        reject(tooLarge(limit));
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks, size)));
    req.on('error', reject);
  });
}

const tooLarge = (limit: number) =>
  new HttpError(413, 'PAYLOAD_TOO_LARGE', `Request body is larger than the limit of ${limit} bytes.`);

function parseBody(req: IncomingMessage, raw: Buffer): unknown {
  if (req.method !== 'POST' || raw.length === 0) return undefined;
  const type = String(req.headers['content-type'] ?? '');
  if (!/^application\/(graphql-response\+)?json\b/i.test(type)) {
    // Apollo answers these (e.g. a form post) with its own 400 about the content type.
    return raw.toString('utf8');
  }
  const charset = /charset=([^;]+)/i.exec(type)?.[1]?.trim().toLowerCase();
  if (charset && charset !== 'utf-8' && charset !== 'utf8') {
    throw new HttpError(415, 'UNSUPPORTED_MEDIA_TYPE', `Unsupported charset "${charset}": send UTF-8 JSON.`);
  }
  try {
    return JSON.parse(raw.toString('utf8'));
  } catch (error) {
    throw new HttpError(400, 'BAD_REQUEST', `Malformed JSON body: ${(error as Error).message}`);
  }
}

export async function startHttpServer<T extends BaseContext>(
  server: ApolloServer<T>,
  options: HttpOptions<T>,
): Promise<{ url: string; httpServer: http.Server }> {
  const httpServer = http.createServer((req, res) => {
    void handle(req, res);
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    try {
      // Any origin may call the API (it is read-only and takes no cookies), as with Apollo's standalone server.
      res.setHeader('access-control-allow-origin', '*');
      if (req.method === 'OPTIONS') {
        res.setHeader('access-control-allow-methods', 'GET,HEAD,POST');
        res.setHeader(
          'access-control-allow-headers',
          String(req.headers['access-control-request-headers'] ?? 'content-type'),
        );
        res.statusCode = 204;
        res.end();
        return;
      }
      const route = options.routes?.[new URL(req.url ?? '/', 'http://localhost').pathname];
      if (route && (req.method === 'GET' || req.method === 'HEAD')) {
        const page = route(req);
        res.statusCode = 200;
        res.setHeader('content-type', page.type);
        res.end(req.method === 'HEAD' ? undefined : page.body);
        return;
      }
      const body = parseBody(req, await readBody(req, options.maxBodyBytes));
      const headers = new HeaderMap();
      for (const [key, value] of Object.entries(req.headers)) {
        if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
      }
      const response = await server.executeHTTPGraphQLRequest({
        httpGraphQLRequest: {
          method: (req.method ?? 'GET').toUpperCase(),
          headers,
          search: new URL(req.url ?? '/', 'http://localhost').search,
          body,
        },
        context: () => options.context({ req, res }),
      });
      for (const [key, value] of response.headers) res.setHeader(key, value);
      res.statusCode = response.status ?? 200;
      if (response.body.kind === 'complete') {
        res.end(response.body.string);
        return;
      }
      for await (const chunk of response.body.asyncIterator) res.write(chunk);
      res.end();
    } catch (error) {
      if (error instanceof HttpError) {
        sendError(res, error.status, error.code, error.message);
      } else {
        options.onError?.(error);
        sendError(res, 500, 'INTERNAL_SERVER_ERROR', 'Internal server error');
      }
    }
  }

  server.addPlugin(ApolloServerPluginDrainHttpServer({ httpServer }));
  await server.start();
  await new Promise<void>((resolve) =>
    httpServer.listen({ port: options.port, host: options.host }, resolve),
  );
  const address = httpServer.address() as AddressInfo;
  const host =
    !options.host || address.address === '::' || address.address === '0.0.0.0'
      ? 'localhost'
      : address.family === 'IPv6'
        ? `[${address.address}]`
        : address.address;
  return { url: `http://${host}:${address.port}/`, httpServer };
}
