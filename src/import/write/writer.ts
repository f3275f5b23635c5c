import type { Driver, ManagedTransaction } from 'neo4j-driver';
import { loadConfig } from '../../config';
import type { AliasMemoryEntry, ExtractedArticle, ImportError, ParsedArticle } from '../../model/article';
import { entityKey } from '../../graph/keys';
import { ADD_AGGREGATES, SUBTRACT_AGGREGATES, aggregateParams } from './aggregates';
import type { CurationRule } from '../resolve/curations';
import * as Q from './queries';
import {
  buildRows,
  parsedFromStored,
  contentHash,
  entityRowIsNoop,
  type BatchRows,
  type EntityLabel,
  type StoredEntity,
} from './rows';

export type WriteOutcome = 'new' | 'updated' | 'unchanged';

export interface BatchResult {
  /** One outcome per incoming article, in order; a superseded copy of a URL counts as unchanged. */
  outcomes: WriteOutcome[];
  nodesCreated: number;
  relationshipsCreated: number;
  /** Conflicts resolved by rule, e.g. two copies of one URL with one fetch time and different content. */
  warnings: ImportError[];
}

export interface Writer {
  /** Writes one batch in one transaction (retried on transient errors by the driver). */
  writeBatch(articles: ExtractedArticle[]): Promise<BatchResult>;
  /**
   * Corpus-level clean-up (what no article supports any more); run once after the batches.
   * `onStep` hears each step as it starts (its name, steps done, all steps).
   */
  finalize(onStep?: (step: string, done: number, total: number) => void): Promise<void>;
  /** What every stored article teaches the alias memory, with the version that decides between copies. */
  loadTeachings(): Promise<StoredTeaching[]>;
  /** Stored articles (not in `skip`) whose text or mentions involve one of these names. */
  affectedBy(names: string[], skip: string[]): Promise<string[]>;
  /** Stored articles as parsed, with the extraction key they were written with. */
  loadParsed(urls: string[]): Promise<{ article: ParsedArticle; extractionKey: string | null }[]>;
  /** The curations made through the API, in the order they were made. */
  loadCurations(): Promise<CurationRule[]>;
}

export interface StoredTeaching {
  url: string;
  taught: AliasMemoryEntry[];
  version: CopyVersion;
}

/** What decides between two copies of one URL. */
export interface CopyVersion {
  fetchedAt: string | null;
  /** Characters of the stored body (paragraphs joined by blank lines). */
  bodyLength: number;
  hash: string;
}

/**
 * Of several copies of one URL, the later fetch wins; on the same fetch time (or none) the longer
 * body wins, so a truncated copy never replaces the whole article; then the larger content hash.
 * A total order on copies: the winner is the same whatever the import order.
 */
export function newer(a: CopyVersion, b: CopyVersion): boolean {
  const fa = a.fetchedAt ?? '';
  const fb = b.fetchedAt ?? '';
  if (fa !== fb) return fa > fb;
  if (a.bodyLength !== b.bodyLength) return a.bodyLength > b.bodyLength;
  return a.hash > b.hash;
}

export const bodyLength = (article: { paragraphs: string[] }): number =>
  article.paragraphs.reduce((sum, p) => sum + p.length, 0) + 2 * Math.max(0, article.paragraphs.length - 1);

function versionOf(article: ExtractedArticle, hash: string): CopyVersion {
  return { fetchedAt: article.fetchedAt ?? null, bodyLength: bodyLength(article), hash };
}

function conflictWarning(
  source: string,
  kept: CopyVersion,
  dropped: CopyVersion,
  keptWhere: string,
): ImportError {
  return {
    source,
    message:
      `same URL and fetch time (${kept.fetchedAt ?? 'none'}) as ${keptWhere} with different content: ` +
      `kept the ${kept.bodyLength === dropped.bodyLength ? 'copy with the larger content hash' : 'longer body'} ` +
      `(${kept.bodyLength} characters), dropped ${dropped.bodyLength} characters`,
  };
}

type Params = Record<string, unknown>;
type Statement = [query: string, params: Params];

interface RoundResult {
  records: Record<string, unknown>[][];
  nodes: number;
  relationships: number;
}

/**
 * Sends the statements back to back and only then waits for the answers: one round trip for the
 * lot instead of one per statement. Bolt runs them in order within the transaction.
 */
async function pipelined(tx: ManagedTransaction, statements: Statement[]): Promise<RoundResult> {
  const results = await Promise.all(statements.map(([query, params]) => tx.run(query, params)));
  let nodes = 0;
  let relationships = 0;
  for (const result of results) {
    const counters = result.summary.counters.updates();
    nodes += counters.nodesCreated;
    relationships += counters.relationshipsCreated;
  }
  return { records: results.map((r) => r.records.map((record) => record.toObject())), nodes, relationships };
}

/** Skips statements whose row list is empty. */
function nonEmpty(statements: [string, Params, unknown[]][]): Statement[] {
  return statements.filter(([, , rows]) => rows.length > 0).map(([query, params]) => [query, params]);
}

const LABELS: EntityLabel[] = ['Person', 'Organization', 'Place', 'Topic'];
const entityId = (label: string, key: string) => `${label}\u0000${key}`;

/** The distinct element ids one statement refers to; rows carry indexes into `ids`. */
class IdTable {
  readonly ids: string[] = [];
  private readonly index = new Map<string, number>();

  constructor(private readonly lookup: (kind: string, key: string) => string | undefined) {}

  ref(kind: string, key: string): number {
    const id = this.lookup(kind, key);
    if (id === undefined) throw new Error(`no node for ${kind} ${key} in this batch`);
    let i = this.index.get(id);
    if (i === undefined) {
      i = this.ids.length;
      this.ids.push(id);
      this.index.set(id, i);
    }
    return i;
  }
}

async function writeRows(
  tx: ManagedTransaction,
  rows: BatchRows,
  replaced: string[],
  states: Map<string, StoredEntity & { id: string }>,
) {
  // Round 2: nodes. Each statement answers with the element ids of its nodes.
  const inBatch = new Set(rows.articles.map((a) => a.url));
  const stubs = [
    ...new Set([...rows.articleLinks, ...rows.translations].map((l) => l.to).filter((u) => !inBatch.has(u))),
  ];
  // Later rows win, as they would with one SET per row.
  const pages = [...new Map(rows.webLinks.map((l) => [l.to, { url: l.to, kind: l.kind }])).values()];
  const images = [
    ...new Map(
      rows.images.map((i) => [i.url, { url: i.url, caption: i.caption, credit: i.credit }]),
    ).values(),
  ];
  const changed = LABELS.map((label) =>
    rows.entities[label].filter((row) => !entityRowIsNoop(row, states.get(entityId(label, row.key)))),
  );
  // The replaced articles' contribution to the aggregates goes before their facts do.
  const clear: Statement[] =
    replaced.length > 0
      ? [
          ...SUBTRACT_AGGREGATES.map((q): Statement => [q, aggregateParams(replaced)]),
          ...Q.CLEAR_DERIVED.map((q): Statement => [q, { urls: replaced }]),
        ]
      : [];
  const nodeStatements = nonEmpty([
    [Q.MERGE_ARTICLES, { articles: rows.articles }, rows.articles],
    [Q.MERGE_STUBS, { urls: stubs }, stubs],
    [Q.MERGE_WEB_PAGES, { pages }, pages],
    [Q.MERGE_IMAGES, { images }, images],
    ...LABELS.map((label, i): [string, Params, unknown[]] => [
      Q.MERGE_ENTITIES[label],
      { entities: changed[i] },
      changed[i],
    ]),
  ]);
  const nodeKinds = [
    ['Article', rows.articles],
    ['Article', stubs],
    ['WebPage', pages],
    ['Image', images],
    ...LABELS.map((label, i) => [label, changed[i]]),
  ]
    .filter(([, list]) => (list as unknown[]).length > 0)
    .map(([kind]) => kind as string);
  const round2 = await pipelined(tx, [...clear, ...nodeStatements]);
  const ids = new Map<string, string>();
  for (const [key, state] of states) ids.set(key, state.id);
  round2.records.slice(clear.length).forEach((records, i) => {
    for (const r of records) ids.set(entityId(nodeKinds[i], r.key as string), r.id as string);
  });
  const lookup = (kind: string, key: string) => ids.get(entityId(kind, key));

  // Round 3: relationships between nodes found by element id.
  const edges = new IdTable(lookup);
  const byArticle = new Map(
    rows.articles.map((a) => [
      a.url,
      {
        a: edges.ref('Article', a.url),
        url: a.url,
        links: [] as unknown[],
        translations: [] as unknown[],
        references: [] as unknown[],
        mentions: [] as unknown[],
        topics: [] as unknown[],
        authored: [] as unknown[],
        contributed: [] as unknown[],
        translated: [] as unknown[],
        experts: [] as unknown[],
        images: [] as unknown[],
        affiliations: [] as unknown[],
      },
    ]),
  );
  const of = (url: string) => byArticle.get(url)!;
  for (const l of rows.articleLinks) of(l.from).links.push([edges.ref('Article', l.to), l.text]);
  for (const l of rows.translations) of(l.from).translations.push([edges.ref('Article', l.to), l.text]);
  for (const l of rows.webLinks) of(l.from).references.push([edges.ref('WebPage', l.to), l.text]);
  for (const label of ['Person', 'Organization', 'Place'] as const) {
    for (const m of rows.mentions[label]) of(m.article).mentions.push([edges.ref(label, m.key), m.count]);
  }
  for (const t of rows.topics) of(t.article).topics.push([edges.ref('Topic', t.key), t.score]);
  for (const r of rows.roles.AUTHORED) {
    of(r.article as string).authored.push([edges.ref('Person', r.key as string), r.position]);
  }
  for (const r of rows.roles.CONTRIBUTED_TO) {
    of(r.article as string).contributed.push(edges.ref('Person', r.key as string));
  }
  for (const r of rows.roles.TRANSLATED) {
    of(r.article as string).translated.push(edges.ref('Person', r.key as string));
  }
  for (const r of rows.roles.QUOTED_AS_EXPERT) {
    of(r.article as string).experts.push([
      edges.ref('Person', r.key as string),
      r.role,
      r.organization,
      r.quote,
    ]);
  }
  for (const i of rows.images) of(i.article).images.push([edges.ref('Image', i.url), i.position]);
  for (const target of ['Organization', 'Place'] as const) {
    for (const r of rows.affiliations[target]) {
      of(r.article as string).affiliations.push([
        edges.ref('Person', r.personKey as string),
        edges.ref(target, r.targetKey as string),
        r.role,
      ]);
    }
  }
  const credits = new IdTable(lookup);
  const photographers = rows.imageCredits.Person.map((c) => [
    credits.ref('Image', c.image),
    credits.ref('Person', c.key),
  ]);
  const agencies = rows.imageCredits.Organization.map((c) => [
    credits.ref('Image', c.image),
    credits.ref('Organization', c.key),
  ]);
  const quoteStatements = (['Person', 'Organization'] as const).map((label): [string, Params, unknown[]] => {
    const table = new IdTable(lookup);
    const quotes = rows.quotes[label].map((q) => [
      table.ref('Article', q.article as string),
      table.ref(label, q.speakerKey as string),
      q.key,
      q.text,
      q.position,
    ]);
    return [Q.CREATE_QUOTES[label], { quotes, ids: table.ids }, quotes];
  });
  const round3 = await pipelined(
    tx,
    nonEmpty([
      [Q.CREATE_ARTICLE_EDGES, { rows: [...byArticle.values()], ids: edges.ids }, rows.articles],
      [
        Q.CREATE_IMAGE_CREDITS,
        { photographers, agencies, ids: credits.ids },
        [...photographers, ...agencies],
      ],
      ...quoteStatements,
      // Last: the aggregates read the facts the statements above created.
      ...ADD_AGGREGATES.map((q): [string, Params, unknown[]] => [
        q,
        aggregateParams(rows.articles.map((a) => a.url)),
        rows.articles,
      ]),
    ]),
  );
  return { nodes: round2.nodes + round3.nodes, relationships: round2.relationships + round3.relationships };
}

export function createWriter(
  driver: Driver,
  database: string,
  options: { force?: boolean; txTimeoutMs?: number } = {},
): Writer {
  const session = () => driver.session({ database });
  // Server-side: a transaction that runs longer is terminated (and retried by executeWrite).
  const txConfig = { timeout: options.txTimeoutMs ?? loadConfig().importTxTimeoutMs };

  return {
    async writeBatch(incoming) {
      // Several copies of one URL in a batch: keep the one that would win in any order.
      const byUrl = new Map<string, { article: ExtractedArticle; hash: string; version: CopyVersion }>();
      const batchWarnings: ImportError[] = [];
      for (const article of incoming) {
        const hash = contentHash(article);
        const candidate = { article, hash, version: versionOf(article, hash) };
        const current = byUrl.get(article.url);
        const wins = !current || newer(candidate.version, current.version);
        if (current && current.hash !== hash && candidate.version.fetchedAt === current.version.fetchedAt) {
          const [kept, dropped] = wins ? [candidate, current] : [current, candidate];
          batchWarnings.push(
            conflictWarning(dropped.article.source, kept.version, dropped.version, kept.article.source),
          );
        }
        if (wins) byUrl.set(article.url, candidate);
      }
      const outcomes = new Map<string, WriteOutcome>();
      const hashes = new Map([...byUrl].map(([url, { hash }]) => [url, hash]));
      const candidates = [...byUrl.values()].map((c) => c.article);
      // Rows for every candidate: most batches write them all, and their entity keys are read first.
      const candidateRows = buildRows(candidates, hashes);
      const s = session();
      try {
        return await s.executeWrite(async (tx) => {
          // Per attempt: the driver may run this function again after a transient error.
          const warnings = [...batchWarnings];
          // Round 1: stored versions of the articles and stored state of the entities.
          const round1 = await pipelined(tx, [
            [Q.STORED_VERSIONS, { urls: [...byUrl.keys()] }],
            [
              Q.ENTITY_STATES,
              Object.fromEntries(
                LABELS.map((label) => [label, candidateRows.entities[label].map((e) => e.key)]),
              ),
            ],
          ]);
          const versions = new Map(
            round1.records[0].map((r) => [
              r.url as string,
              {
                hash: r.contentHash as string | null,
                fetchedAt: r.fetchedAt as string | null,
                bodyLength: Number(r.bodyLength ?? 0),
                imported: r.imported as boolean | null,
                extractionKey: r.extractionKey as string | null,
              },
            ]),
          );
          const states = new Map(
            round1.records[1].map((r) => [
              entityId(r.label as string, r.key as string),
              {
                id: r.id as string,
                name: r.name as string | null,
                aliases: r.aliases as string[] | null,
                aliasNames: r.aliasNames as [string, string | null][],
              },
            ]),
          );
          const toWrite: ExtractedArticle[] = [];
          for (const [url, { article, hash, version: incomingVersion }] of byUrl) {
            const version = versions.get(url);
            if (!version || !version.imported) {
              outcomes.set(url, 'new');
              toWrite.push(article);
              continue;
            }
            const stored: CopyVersion = {
              fetchedAt: version.fetchedAt,
              bodyLength: version.bodyLength,
              hash: version.hash ?? '',
            };
            if (version.hash === hash) {
              // Same content: written again only when the alias memory it was extracted with changed.
              const rewrite = options.force || (article.extractionKey ?? null) !== version.extractionKey;
              outcomes.set(url, rewrite ? 'updated' : 'unchanged');
              if (rewrite) toWrite.push(article);
              continue;
            }
            const storedWins = newer(stored, incomingVersion);
            if (stored.fetchedAt === incomingVersion.fetchedAt) {
              const [kept, dropped] = storedWins ? [stored, incomingVersion] : [incomingVersion, stored];
              warnings.push(
                conflictWarning(
                  article.source,
                  kept,
                  dropped,
                  storedWins ? 'the stored copy' : 'the copy it replaces',
                ),
              );
            }
            if (storedWins) {
              // An older (or truncated) copy of an article we already hold: the stored one stays.
              outcomes.set(url, 'unchanged');
            } else {
              outcomes.set(url, 'updated');
              toWrite.push(article);
            }
          }
          const perArticle = incoming.map((article): WriteOutcome =>
            byUrl.get(article.url)?.article === article ? outcomes.get(article.url)! : 'unchanged',
          );
          if (toWrite.length === 0) {
            return { outcomes: perArticle, nodesCreated: 0, relationshipsCreated: 0, warnings };
          }
          const replaced = toWrite.filter((a) => outcomes.get(a.url) === 'updated').map((a) => a.url);
          const rows = toWrite.length === candidates.length ? candidateRows : buildRows(toWrite, hashes);
          const counted = await writeRows(tx, rows, replaced, states);
          return {
            outcomes: perArticle,
            nodesCreated: counted.nodes,
            relationshipsCreated: counted.relationships,
            warnings,
          };
        }, txConfig);
      } finally {
        await s.close();
      }
    },

    async finalize(onStep) {
      const total = 2;
      const s = session();
      try {
        onStep?.('clean-up and counts', 0, total);
        await s.executeWrite(async (tx) => {
          for (const query of Q.FINALIZE) await tx.run(query);
        }, txConfig);
        onStep?.('full-text index refresh', 1, total);
        await s.run(Q.AWAIT_FULLTEXT);
      } finally {
        await s.close();
      }
      onStep?.('finished', total, total);
    },

    async loadCurations() {
      const result = await driver.executeQuery(Q.LOAD_CURATIONS, {}, { database, routing: 'READ' });
      return result.records.map((r) => r.toObject() as CurationRule);
    },

    async loadTeachings() {
      const result = await driver.executeQuery(Q.STORED_TEACHINGS, {}, { database, routing: 'READ' });
      return result.records.map((r) => ({
        url: r.get('url') as string,
        taught: r.get('taught') ? (JSON.parse(r.get('taught') as string) as AliasMemoryEntry[]) : [],
        version: {
          fetchedAt: r.get('fetchedAt') as string | null,
          bodyLength: Number(r.get('bodyLength') ?? 0),
          hash: (r.get('contentHash') as string | null) ?? '',
        },
      }));
    },

    async affectedBy(names, skip) {
      if (names.length === 0) return [];
      const latin = names.filter((n) => /[A-Za-z]/.test(n)).map((n) => n.toLowerCase());
      const result = await driver.executeQuery(
        Q.ARTICLES_AFFECTED_BY_NAMES,
        { surfaces: names, latin, keys: [...new Set(names.map(entityKey))], skip },
        { database, routing: 'READ' },
      );
      return result.records.map((r) => r.get('url') as string);
    },

    async loadParsed(urls) {
      if (urls.length === 0) return [];
      const result = await driver.executeQuery(Q.STORED_PARSED, { urls }, { database, routing: 'READ' });
      return result.records
        .filter((r) => typeof r.get('parsed') === 'string')
        .map((r) => ({
          article: parsedFromStored(r.toObject() as Parameters<typeof parsedFromStored>[0]),
          extractionKey: r.get('extractionKey') as string | null,
        }));
    },
  };
}
