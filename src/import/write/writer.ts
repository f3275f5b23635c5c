import type { Driver, ManagedTransaction } from 'neo4j-driver';
import type { AliasMemory, ExtractedArticle } from '../../model/article';
import { refreshAggregates } from './aggregates';
import * as Q from './queries';
import { aliasMemoryFromRecords, buildRows, contentHash, type BatchRows } from './rows';

export type WriteOutcome = 'new' | 'updated' | 'unchanged';

export interface BatchResult {
  /** One outcome per incoming article, in order; a superseded copy of a URL counts as unchanged. */
  outcomes: WriteOutcome[];
  nodesCreated: number;
  relationshipsCreated: number;
}

export interface Writer {
  /** Writes one batch in one transaction (retried on transient errors by the driver). */
  writeBatch(articles: ExtractedArticle[]): Promise<BatchResult>;
  /** Corpus-level clean-up and topic weights; run once after the batches. */
  finalize(): Promise<void>;
  loadAliasMemory(): Promise<AliasMemory>;
}

/** Of several copies of one URL, the later fetch wins; ties go to the larger content hash. */
function newer(
  a: { fetchedAt: string | null; hash: string },
  b: { fetchedAt: string | null; hash: string },
): boolean {
  const fa = a.fetchedAt ?? '';
  const fb = b.fetchedAt ?? '';
  return fa !== fb ? fa > fb : a.hash > b.hash;
}

async function runRows(tx: ManagedTransaction, query: string, params: Record<string, unknown[]>) {
  const rows = Object.values(params)[0];
  if (rows.length === 0) return { nodes: 0, relationships: 0 };
  const result = await tx.run(query, params);
  const counters = result.summary.counters.updates();
  return { nodes: counters.nodesCreated, relationships: counters.relationshipsCreated };
}

async function writeRows(tx: ManagedTransaction, rows: BatchRows, replaced: string[]) {
  const steps: [string, Record<string, unknown[]>][] = [
    // Only articles stored before have derived facts to clear; new ones skip four scans.
    ...Q.CLEAR_DERIVED.map((q): [string, Record<string, unknown[]>] => [q, { urls: replaced }]),
    [Q.MERGE_ARTICLES, { articles: rows.articles }],
    [Q.MERGE_ARTICLE_LINKS, { links: rows.articleLinks }],
    [Q.MERGE_TRANSLATIONS, { links: rows.translations }],
    [Q.MERGE_WEB_LINKS, { links: rows.webLinks }],
    [Q.MERGE_ENTITIES.Person, { entities: rows.entities.Person }],
    [Q.MERGE_ENTITIES.Organization, { entities: rows.entities.Organization }],
    [Q.MERGE_ENTITIES.Place, { entities: rows.entities.Place }],
    [Q.MERGE_ENTITIES.Topic, { entities: rows.entities.Topic }],
    [Q.MERGE_MENTIONS.Person, { edges: rows.mentions.Person }],
    [Q.MERGE_MENTIONS.Organization, { edges: rows.mentions.Organization }],
    [Q.MERGE_MENTIONS.Place, { edges: rows.mentions.Place }],
    [Q.MERGE_PERSON_ROLES.AUTHORED, { edges: rows.roles.AUTHORED }],
    [Q.MERGE_PERSON_ROLES.CONTRIBUTED_TO, { edges: rows.roles.CONTRIBUTED_TO }],
    [Q.MERGE_PERSON_ROLES.TRANSLATED, { edges: rows.roles.TRANSLATED }],
    [Q.MERGE_PERSON_ROLES.QUOTED_AS_EXPERT, { edges: rows.roles.QUOTED_AS_EXPERT }],
    [Q.MERGE_TOPICS, { edges: rows.topics }],
    [Q.MERGE_IMAGES, { images: rows.images }],
    [Q.MERGE_IMAGE_CREDITS.Person, { credits: rows.imageCredits.Person }],
    [Q.MERGE_IMAGE_CREDITS.Organization, { credits: rows.imageCredits.Organization }],
    [Q.MERGE_QUOTES.Person, { quotes: rows.quotes.Person }],
    [Q.MERGE_QUOTES.Organization, { quotes: rows.quotes.Organization }],
    [Q.MERGE_AFFILIATIONS.Organization, { affiliations: rows.affiliations.Organization }],
    [Q.MERGE_AFFILIATIONS.Place, { affiliations: rows.affiliations.Place }],
  ];
  let nodes = 0;
  let relationships = 0;
  for (const [query, params] of steps) {
    const counted = await runRows(tx, query, params);
    nodes += counted.nodes;
    relationships += counted.relationships;
  }
  return { nodes, relationships };
}

export function createWriter(driver: Driver, database: string, options: { force?: boolean } = {}): Writer {
  const session = () => driver.session({ database });

  return {
    async writeBatch(incoming) {
      // Several copies of one URL in a batch: keep the one that would win in any order.
      const byUrl = new Map<string, { article: ExtractedArticle; hash: string }>();
      for (const article of incoming) {
        const candidate = { article, hash: contentHash(article) };
        const current = byUrl.get(article.url);
        if (
          !current ||
          newer(
            { fetchedAt: article.fetchedAt ?? null, hash: candidate.hash },
            { fetchedAt: current.article.fetchedAt ?? null, hash: current.hash },
          )
        ) {
          byUrl.set(article.url, candidate);
        }
      }
      const outcomes = new Map<string, WriteOutcome>();
      const s = session();
      try {
        return await s.executeWrite(async (tx) => {
          const stored = await tx.run(Q.STORED_VERSIONS, { urls: [...byUrl.keys()] });
          const versions = new Map(
            stored.records.map((r) => [
              r.get('url') as string,
              {
                hash: r.get('contentHash') as string | null,
                fetchedAt: r.get('fetchedAt') as string | null,
                imported: r.get('imported') as boolean | null,
              },
            ]),
          );
          const toWrite: ExtractedArticle[] = [];
          for (const [url, { article, hash }] of byUrl) {
            const version = versions.get(url);
            if (!version || !version.imported) {
              outcomes.set(url, 'new');
              toWrite.push(article);
            } else if (version.hash === hash && !options.force) {
              outcomes.set(url, 'unchanged');
            } else if (
              version.fetchedAt &&
              article.fetchedAt &&
              version.fetchedAt > article.fetchedAt &&
              !options.force
            ) {
              // An older copy of an article we already hold: the stored, later fetch stays.
              outcomes.set(url, 'unchanged');
            } else {
              outcomes.set(url, 'updated');
              toWrite.push(article);
            }
          }
          const perArticle = incoming.map((article): WriteOutcome =>
            byUrl.get(article.url)?.article === article ? outcomes.get(article.url)! : 'unchanged',
          );
          if (toWrite.length === 0) return { outcomes: perArticle, nodesCreated: 0, relationshipsCreated: 0 };
          const replaced = toWrite.filter((a) => outcomes.get(a.url) === 'updated').map((a) => a.url);
          const counted = await writeRows(tx, buildRows(toWrite), replaced);
          return {
            outcomes: perArticle,
            nodesCreated: counted.nodes,
            relationshipsCreated: counted.relationships,
          };
        });
      } finally {
        await s.close();
      }
    },

    async finalize() {
      const s = session();
      try {
        await s.executeWrite(async (tx) => {
          for (const query of Q.FINALIZE) await tx.run(query);
        });
      } finally {
        await s.close();
      }
      await refreshAggregates(driver, database);
    },

    async loadAliasMemory() {
      const result = await driver.executeQuery(Q.LOAD_ALIAS_MEMORY, {}, { database, routing: 'READ' });
      return {
        entries: aliasMemoryFromRecords(
          result.records.map((r) => ({
            kind: r.get('kind'),
            name: r.get('name'),
            aliases: r.get('aliases'),
          })),
        ),
      };
    },
  };
}
