import type { Driver, ManagedTransaction } from 'neo4j-driver';
import {
  AGGREGATE_TOP,
  CO_MENTION_KINDS,
  compareNames,
  STORED_HITS,
  STORED_QUOTES,
  type CoMentionKind,
  type StoredCoMention,
  type StoredEntity,
  type StoredExpertHit,
  type StoredQuote,
} from '../../graph/aggregates';

/**
 * Corpus-level aggregates the API reads instead of recomputing them per request. Refreshed by
 * the writer's finalize step, after clean-up and topic weights, so they always match the
 * imported articles whatever the import order.
 *
 * Both are stored as bounded property lists (at most AGGREGATE_TOP entries, the API's largest
 * page) on nodes that already exist, so the graph gains no relationships, degrees and paths are
 * unchanged, and a refresh is one SET per node:
 *
 * - Co-mentions, on every Person, Organization, Place and Topic `n`, one list per kind of the
 *   co-mentioned entity `m` (Person, Organization, Place): `co<Kind>Keys`, `co<Kind>Counts`,
 *   `co<Kind>Mentions`, ordered as the API orders them, and `co<Kind>Hits`, the first
 *   STORED_HITS entries whole (JSON), which answer the usual page without a join. count = articles that mention, are about
 *   or quote `n` (as an expert) and mention `m`; mentions = Σ MENTIONS.count of `m` in them.
 * - Experts, on every Alias (the subject key of `experts(topic:)`): `expertKeys`,
 *   `expertScores`, `expertArticleCounts`, best first, with the score of
 *   src/api/queries/experts.ts (the live query defines it; this is the same sum), and
 *   `expertHits`: the first STORED_HITS hits as the API returns them (person, organizations,
 *   role counts, first quotes), one JSON string per hit, so the usual request is one index seek
 *   and no joins.
 *
 * The numbers are computed here in one pass over the imported facts (streamed, so the
 * importer's heap cap holds), which is much cheaper than one Cypher aggregation per entity.
 * Every refresh recomputes everything: topic weights (IDF) change with every import, and so
 * does every expert score that involves a topic.
 */

const ENTITY_LABELS = ['Person', 'Organization', 'Place', 'Topic'];

const READ_ENTITIES = `
MATCH (n:Person|Organization|Place|Topic)
WITH n, [l IN labels(n) WHERE l IN $labels][0] AS label
ORDER BY label, n.key
RETURN elementId(n) AS id, label, n.key AS key, n.name AS name,
  coalesce(n.aliases, []) AS aliases, n.articleCount AS articleCount`;

/** Per article, every fact the two aggregates need; stubs carry none and are skipped. */
const READ_ARTICLES = `
MATCH (a:Article)
WHERE EXISTS { (a)-[:MENTIONS|HAS_TOPIC]->() } OR EXISTS { (a)<-[:QUOTED_AS_EXPERT]-() }
// Sorted here (and entities by key above) so floating-point sums never depend on storage order.
WITH a ORDER BY a.url
CALL (a) {
  OPTIONAL MATCH (p:Person)-[e:QUOTED_AS_EXPERT]->(a)
  WITH p, e WHERE p IS NOT NULL
  RETURN collect({
    person: elementId(p),
    role: e.role,
    quote: e.quote,
    // The organizations the expert speaks for in this article: stated affiliations, and the one
    // named on the edge, matched by its folded name as the importer keys it.
    organizations: COLLECT {
      MATCH (p)-[r:AFFILIATED_WITH]->(o:Organization) WHERE r.article = a.url RETURN o.key AS key
      UNION
      MATCH (al:Alias)-[:ALIAS_OF]->(o:Organization) WHERE al.key = toLower(trim(e.organization))
      RETURN o.key AS key
    },
    quotes: COLLECT {
      MATCH (a)<-[:QUOTED_IN]-(q:Quote)<-[:SAID]-(p)
      WITH q ORDER BY q.position, q.key
      RETURN [q.key, q.text, q.position]
    }
  }) AS experts
}
RETURN coalesce(a.imported, false) AS imported, a.url AS url,
  [(a)-[r:MENTIONS]->(m) | [elementId(m), coalesce(r.count, 0)]] AS mentions,
  [(a)-[h:HAS_TOPIC]->(t) | [elementId(t), coalesce(h.weight, h.score, 0.0), coalesce(h.count, 0)]] AS topics,
  experts,
  [(s)-[:SAID]->(:Quote)-[:QUOTED_IN]->(a) | elementId(s)] AS speakers`;

const READ_ALIASES = `
MATCH (al:Alias)
RETURN elementId(al) AS id, al.key AS key, [(al)-[:ALIAS_OF]->(e) | elementId(e)] AS targets
ORDER BY key`;

/**
 * Lists travel joined into one string each (ENTRY_SEPARATOR) and are split here: the driver
 * then packs a few strings per row instead of hundreds of values. Numbers are written by
 * JavaScript's shortest round-trip form, which toFloat/toInteger read back exactly.
 */
const split = (n: string, value: string, convert = '') =>
  `CASE WHEN ${n} = 0 THEN [] ELSE [x IN split(${value}, $separator) | ${convert}(x)] END`;

export const WRITE_CO_MENTIONS = `
UNWIND $rows AS row
MATCH (n) WHERE elementId(n) = row.id
SET ${CO_MENTION_KINDS.map(
  (kind, i) =>
    `n.co${kind}Keys = CASE WHEN row.lists IS NULL THEN null ELSE ${split(`row.lists[${i}].n`, `row.lists[${i}].keys`)} END,
    n.co${kind}Counts = CASE WHEN row.lists IS NULL THEN null ELSE ${split(`row.lists[${i}].n`, `row.lists[${i}].counts`, 'toInteger')} END,
    n.co${kind}Mentions = CASE WHEN row.lists IS NULL THEN null ELSE ${split(`row.lists[${i}].n`, `row.lists[${i}].mentions`, 'toInteger')} END,
    n.co${kind}Hits = CASE WHEN row.lists IS NULL THEN null ELSE ${split(`row.lists[${i}].h`, `row.lists[${i}].hits`)} END`,
).join(',\n    ')}`;

// expertRoles, expertOrganizations and expertQuotes were the hit details before expertHits.
export const WRITE_EXPERTS = `
UNWIND $rows AS row
MATCH (al:Alias) WHERE elementId(al) = row.id
SET al.expertKeys = ${split('row.n', 'row.keys')},
    al.expertScores = ${split('row.n', 'row.scores', 'toFloat')},
    al.expertArticleCounts = ${split('row.n', 'row.counts', 'toInteger')},
    al.expertHits = ${split('row.storedHits', 'row.hits')},
    al.expertRoles = null, al.expertOrganizations = null, al.expertQuotes = null`;

/** Separates the entries of a list written as one string; entries never contain it. */
export const ENTRY_SEPARATOR = '\u001e';

const WRITE_BATCH = 1000;

interface Entity {
  id: string;
  label: string;
  key: string;
  name: string | null;
  aliases: string[];
  articleCount: number | null;
}

interface ExpertEdge {
  role: string | null;
  quote: string | null;
  organizations: string[];
  /** The expert's quotes in the article, in order: [key, text, position]. */
  quotes: [string, string, number | null][];
}

interface ArticleFacts {
  imported: boolean;
  url: string;
  /** Entity indexes and MENTIONS.count, in pairs. */
  mentioned: number[];
  mentionCounts: number[];
  /** Anchor rels of this article for the experts score: entity index, weight term, log term. */
  relEntities: number[];
  relWeights: number[];
  relLogs: number[];
  /** Persons quoted as experts (one entry per QUOTED_AS_EXPERT edge) and what the edges say. */
  experts: number[];
  expertEdges: ExpertEdge[];
  /** Quotes per speaker in this article. */
  quotesBy: Map<number, number>;
}

interface Corpus {
  entities: Entity[];
  articles: ArticleFacts[];
  aliases: { id: string; key: string; targets: number[] }[];
}

export async function readCorpus(tx: ManagedTransaction): Promise<Corpus> {
  const entities: Entity[] = [];
  const index = new Map<string, number>();
  for await (const record of tx.run(READ_ENTITIES, { labels: ENTITY_LABELS })) {
    const entity = record.toObject() as Entity;
    index.set(entity.id, entities.length);
    entities.push(entity);
  }
  const articles: ArticleFacts[] = [];
  for await (const record of tx.run(READ_ARTICLES)) {
    const row = record.toObject() as {
      imported: boolean;
      mentions: [string, number][];
      topics: [string, number, number][];
      url: string;
      experts: {
        person: string;
        role: string | null;
        quote: string | null;
        organizations: string[];
        quotes: [string, string, number | null][];
      }[];
      speakers: string[];
    };
    const facts: ArticleFacts = {
      imported: row.imported,
      url: row.url,
      mentioned: [],
      mentionCounts: [],
      relEntities: [],
      relWeights: [],
      relLogs: [],
      experts: [],
      expertEdges: [],
      quotesBy: new Map(),
    };
    // Relationship order is storage order: sort by entity (sorted by label and key).
    const byEntity = (x: [string, ...unknown[]], y: [string, ...unknown[]]) =>
      (index.get(x[0]) ?? -1) - (index.get(y[0]) ?? -1);
    row.mentions.sort(byEntity);
    row.topics.sort(byEntity);
    for (const [id, count] of row.mentions) {
      const m = index.get(id);
      if (m === undefined) continue;
      facts.mentioned.push(m);
      facts.mentionCounts.push(count);
      facts.relEntities.push(m);
      facts.relWeights.push(0);
      facts.relLogs.push(Math.log(1 + count));
    }
    for (const [id, weight, count] of row.topics) {
      const t = index.get(id);
      if (t === undefined) continue;
      facts.relEntities.push(t);
      facts.relWeights.push(weight);
      facts.relLogs.push(Math.log(1 + count));
    }
    for (const edge of row.experts) {
      const p = index.get(edge.person);
      if (p === undefined) continue;
      facts.experts.push(p);
      facts.expertEdges.push({
        role: edge.role,
        quote: edge.quote,
        organizations: [...edge.organizations].sort(),
        quotes: edge.quotes,
      });
    }
    for (const id of row.speakers) {
      const s = index.get(id);
      if (s !== undefined) facts.quotesBy.set(s, (facts.quotesBy.get(s) ?? 0) + 1);
    }
    articles.push(facts);
  }
  const aliases: Corpus['aliases'] = [];
  for await (const record of tx.run(READ_ALIASES)) {
    const row = record.toObject() as { id: string; key: string; targets: string[] };
    aliases.push({
      id: row.id,
      key: row.key,
      targets: row.targets
        .map((id) => index.get(id))
        .filter((i): i is number => i !== undefined)
        .sort((x, y) => x - y),
    });
  }
  return { entities, articles, aliases };
}

/**
 * Entities with fewer articles than this keep no co-mention lists: the API computes theirs live
 * from at most this many articles, which costs about as much as reading stored lists.
 */
export const CO_MENTION_MIN_ARTICLES = 20;

/** Settings of the refresh; tests lower the threshold to have every entity's lists stored. */
export const AGGREGATE_OPTIONS = { coMentionMinArticles: CO_MENTION_MIN_ARTICLES };

export interface CoMentionList {
  keys: string[];
  counts: number[];
  mentions: number[];
  /** JSON of the first STORED_HITS entries as StoredCoMention. */
  hits: string[];
}

export interface CoMentionRow {
  id: string;
  /** One list per CO_MENTION_KINDS entry; null when the entity is answered live. */
  lists: CoMentionList[] | null;
}

/**
 * The items that can be among the AGGREGATE_TOP first by a numeric key (descending), ties at
 * the cut included, so the full comparator only sorts a few more than AGGREGATE_TOP.
 */
function topCandidates<T>(items: T[], key: (item: T) => number): T[] {
  if (items.length <= AGGREGATE_TOP) return items;
  const keys = Float64Array.from(items, key);
  const sorted = Float64Array.from(keys).sort();
  const cut = sorted[sorted.length - AGGREGATE_TOP];
  return items.filter((_, i) => keys[i] >= cut);
}

/** For each entity with enough articles, the entities mentioned in its articles, top AGGREGATE_TOP per kind. */
export function* computeCoMentions(corpus: Corpus): Generator<CoMentionRow> {
  const { entities, articles } = corpus;
  // An entity's articles, each once: those that mention it, have it as a topic or quote it as an expert.
  const articlesOf: number[][] = entities.map(() => []);
  articles.forEach((facts, a) => {
    for (const n of facts.mentioned) articlesOf[n].push(a);
    for (let i = facts.mentioned.length; i < facts.relEntities.length; i++)
      articlesOf[facts.relEntities[i]].push(a);
    for (const p of facts.experts) articlesOf[p].push(a);
  });
  const kindOf = entities.map((e) => CO_MENTION_KINDS.indexOf(e.label as CoMentionKind));
  const counts = new Int32Array(entities.length);
  const sums = new Float64Array(entities.length);
  for (let n = 0; n < entities.length; n++) {
    const own = new Set(articlesOf[n]);
    if (own.size < AGGREGATE_OPTIONS.coMentionMinArticles) {
      yield { id: entities[n].id, lists: null };
      continue;
    }
    const touched: number[] = [];
    for (const a of own) {
      const { mentioned, mentionCounts } = articles[a];
      for (let i = 0; i < mentioned.length; i++) {
        const m = mentioned[i];
        if (m === n) continue;
        if (counts[m] === 0) touched.push(m);
        counts[m] += 1;
        sums[m] += mentionCounts[i];
      }
    }
    const byKind: number[][] = CO_MENTION_KINDS.map(() => []);
    for (const m of touched) if (kindOf[m] >= 0) byKind[kindOf[m]].push(m);
    const lists = byKind.map((all) => {
      const ms = topCandidates(all, (m) => counts[m] * 1e9 + sums[m]);
      ms.sort(
        (x, y) =>
          counts[y] - counts[x] ||
          sums[y] - sums[x] ||
          compareNames(entities[x].name, entities[y].name) ||
          compareNames(entities[x].key, entities[y].key),
      );
      const top = ms.slice(0, AGGREGATE_TOP);
      return {
        keys: top.map((m) => entities[m].key),
        counts: top.map((m) => counts[m]),
        mentions: top.map((m) => sums[m]),
        hits: top.slice(0, STORED_HITS).map((m) => {
          const stored: StoredCoMention = {
            count: counts[m],
            mentions: sums[m],
            entity: storedEntity(entities[m]),
          };
          return JSON.stringify(stored);
        }),
      };
    });
    for (const m of touched) {
      counts[m] = 0;
      sums[m] = 0;
    }
    yield { id: entities[n].id, lists };
  }
}

export interface ExpertRow {
  id: string;
  keys: string[];
  scores: number[];
  counts: number[];
  /** JSON of each StoredExpertHit. */
  hits: string[];
}

/** How often the articles give each role (the API shows the most frequent). */
export function roleCounts(roles: (string | null)[]): { role: string; count: number }[] {
  const counts = new Map<string, number>();
  for (const role of roles) if (role) counts.set(role, (counts.get(role) ?? 0) + 1);
  return [...counts].sort(([a], [b]) => compareNames(a, b)).map(([role, count]) => ({ role, count }));
}

/**
 * An expert hit's quotes, in the API's order: the expert's quotes in the subject's articles (by
 * article URL, then position; at most the API's largest page), then the quotes that made them an
 * expert (on the QUOTED_AS_EXPERT edges) that are not already among those. Only the first
 * `limit` are made.
 */
export function expertQuotes(edges: { url: string; edge: ExpertEdge }[], limit: number): StoredQuote[] {
  const sorted = [...edges].sort((x, y) => compareNames(x.url, y.url));
  const quotes: StoredQuote[] = [];
  const seen = new Set<string>();
  for (const { url, edge } of sorted) {
    for (const [key, text, position] of edge.quotes) {
      if (quotes.length >= AGGREGATE_TOP) break;
      quotes.push({ key, text, position, articleUrl: url });
      seen.add(text);
    }
  }
  if (quotes.length >= limit) return quotes.slice(0, limit);
  for (const { url, edge } of sorted) {
    if (quotes.length >= limit) break;
    const text = edge.quote;
    if (!text || [...seen].some((s) => s.includes(text) || text.includes(s))) continue;
    seen.add(text);
    quotes.push({ key: null, text, position: null, articleUrl: url });
  }
  return quotes;
}

function storedEntity(entity: Entity): StoredEntity {
  const { label: kind, key, name, aliases, articleCount } = entity;
  return { kind, key, name, aliases, articleCount };
}

/**
 * For each alias key (a subject of `experts(topic:)`): its anchors are the entities it names
 * plus the Topic with that key; an imported article is about the subject when it links to an
 * anchor (HAS_TOPIC, MENTIONS), with relevance 1 + Σ weights + Σ ln(1 + mentions) over those links.
 */
export function* computeExperts(corpus: Corpus): Generator<ExpertRow> {
  const { entities, articles, aliases } = corpus;
  const topicByKey = new Map<string, number>();
  const organizationByKey = new Map<string, Entity>();
  entities.forEach((e, i) => {
    if (e.label === 'Topic') topicByKey.set(e.key, i);
    if (e.label === 'Organization') organizationByKey.set(e.key, e);
  });
  // Anchor -> (article, weight term, log term), for imported articles that quote an expert.
  const linksOf = new Map<number, { article: number; weight: number; log: number }[]>();
  articles.forEach((facts, a) => {
    if (!facts.imported || facts.experts.length === 0) return;
    for (let i = 0; i < facts.relEntities.length; i++) {
      const n = facts.relEntities[i];
      let links = linksOf.get(n);
      if (!links) linksOf.set(n, (links = []));
      links.push({ article: a, weight: facts.relWeights[i], log: facts.relLogs[i] });
    }
  });
  for (const alias of aliases) {
    const topic = topicByKey.get(alias.key);
    const anchors = new Set(
      topic === undefined || alias.targets.includes(topic)
        ? alias.targets
        : [...alias.targets, topic].sort((x, y) => x - y),
    );
    const relevance = new Map<number, { weight: number; log: number }>();
    for (const anchor of anchors) {
      for (const link of linksOf.get(anchor) ?? []) {
        const sums = relevance.get(link.article);
        if (sums) {
          sums.weight += link.weight;
          sums.log += link.log;
        } else relevance.set(link.article, { weight: link.weight, log: link.log });
      }
    }
    const hits = new Map<number, { score: number; count: number; edges: [number, number][] }>();
    for (const [a, sums] of relevance) {
      const facts = articles[a];
      const r = 1.0 + sums.weight + sums.log;
      facts.experts.forEach((p, i) => {
        const add = r * (1.0 + Math.log(1.0 + (facts.quotesBy.get(p) ?? 0)));
        const hit = hits.get(p);
        if (hit) {
          hit.score += add;
          hit.count += 1;
          hit.edges.push([a, i]);
        } else hits.set(p, { score: add, count: 1, edges: [[a, i]] });
      });
    }
    // Nobody is an expert on themselves.
    for (const target of alias.targets) hits.delete(target);
    const top = topCandidates([...hits], ([, hit]) => hit.score)
      .sort(
        ([x, a], [y, b]) =>
          b.score - a.score ||
          b.count - a.count ||
          compareNames(entities[x].name, entities[y].name) ||
          compareNames(entities[x].key, entities[y].key),
      )
      .slice(0, AGGREGATE_TOP);
    const hitsJson = top.slice(0, STORED_HITS).map(([p, hit]) => {
      const edges = hit.edges.map(([a, i]) => ({ url: articles[a].url, edge: articles[a].expertEdges[i] }));
      const organizations = [...new Set(edges.flatMap((e) => e.edge.organizations))]
        .sort(compareNames)
        .map((key) => organizationByKey.get(key))
        .filter((o): o is Entity => o !== undefined);
      const stored: StoredExpertHit = {
        person: storedEntity(entities[p]),
        score: hit.score,
        articleCount: hit.count,
        roleCounts: roleCounts(edges.map((e) => e.edge.role)),
        organizations: organizations.map(storedEntity),
        quotes: expertQuotes(edges, STORED_QUOTES),
      };
      return JSON.stringify(stored);
    });
    yield {
      id: alias.id,
      keys: top.map(([p]) => entities[p].key),
      scores: top.map(([, hit]) => hit.score),
      counts: top.map(([, hit]) => hit.count),
      hits: hitsJson,
    };
  }
}

/**
 * Writes rows as they are computed, WRITE_BATCH at a time, in one transaction so readers see the
 * old aggregates or the new ones, never a mix. Rows are made per batch and dropped once
 * written: all of them at once would not fit the importer's heap cap on a large corpus.
 */
export async function writeRows<T>(
  driver: Driver,
  database: string,
  query: string,
  rows: () => Iterable<T>,
  toParams: (row: T) => unknown,
): Promise<void> {
  const session = driver.session({ database });
  try {
    await session.executeWrite(async (tx) => {
      let batch: unknown[] = [];
      for (const row of rows()) {
        batch.push(toParams(row));
        if (batch.length >= WRITE_BATCH) {
          await tx.run(query, { rows: batch, separator: ENTRY_SEPARATOR });
          batch = [];
        }
      }
      if (batch.length > 0) await tx.run(query, { rows: batch, separator: ENTRY_SEPARATOR });
    });
  } finally {
    await session.close();
  }
}

const join = (values: (string | number)[]) => values.join(ENTRY_SEPARATOR);

export function coMentionParams(row: CoMentionRow) {
  return {
    id: row.id,
    lists:
      row.lists?.map((list) => ({
        n: list.keys.length,
        keys: join(list.keys),
        counts: join(list.counts),
        mentions: join(list.mentions),
        h: list.hits.length,
        hits: join(list.hits),
      })) ?? null,
  };
}

export function expertParams(row: ExpertRow) {
  return {
    id: row.id,
    n: row.keys.length,
    keys: join(row.keys),
    scores: join(row.scores),
    counts: join(row.counts),
    // JSON escapes every control character, ENTRY_SEPARATOR included.
    storedHits: row.hits.length,
    hits: join(row.hits),
  };
}

export interface AggregateTimings {
  readMs: number;
  computeAndWriteMs: number;
  entities: number;
  aliases: number;
}

export async function refreshAggregates(driver: Driver, database: string): Promise<AggregateTimings> {
  const t0 = performance.now();
  const session = driver.session({ database, defaultAccessMode: 'READ' });
  let corpus: Corpus;
  try {
    corpus = await session.executeRead(readCorpus);
  } finally {
    await session.close();
  }
  const t1 = performance.now();
  await writeRows(driver, database, WRITE_CO_MENTIONS, () => computeCoMentions(corpus), coMentionParams);
  await writeRows(driver, database, WRITE_EXPERTS, () => computeExperts(corpus), expertParams);
  const t2 = performance.now();
  return {
    readMs: t1 - t0,
    computeAndWriteMs: t2 - t1,
    entities: corpus.entities.length,
    aliases: corpus.aliases.length,
  };
}
