/** Request limits; each one is enforced before any resolver (and so any Cypher) runs. */
export const LIMITS = {
  /** Deepest selection allowed; the deepest useful query (experts -> person -> articles -> node -> mentions -> entity) is 7. */
  maxDepth: 10,
  /** Aliased fields per operation (fragments included): 1,000 aliases of one field is a flood, not a query. */
  maxAliases: 30,
  /** Lexical tokens per document; the parser stops at the first one over, so a huge query costs nothing. */
  maxTokens: 5000,
  /** Largest HTTP request body, in bytes (a larger one is refused with 413 before it is read whole). */
  maxBodyBytes: 100_000,
  /** Estimated cost ceiling, see `costEstimator` in plugins/limits.ts. */
  maxCost: 5000,
  /** Largest page any list or connection returns. */
  maxPageSize: 100,
  defaultPageSize: 20,
  /** `connection` path length ceiling: the variable-length expansion grows exponentially with it. */
  maxHops: 6,
  defaultHops: 4,
  /** Assumed size of lists that take no `first`, for the cost estimate only. */
  listEstimate: 10,
  maxSearchTextLength: 200,
  /** Server-side timeout of every Cypher query of a request. */
  queryTimeoutMs: 10_000,
} as const;
