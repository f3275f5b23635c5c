import type { EntityKind, ExtractedArticle, NamedEntity, TopicWeight } from '../../model/article';
import { entityKey } from '../../graph/keys';

/**
 * Curations are corrections people made through the API (`(:Curation)` nodes: merge two
 * entities, rename one, split an alias off, mark an extraction wrong). The graph is changed when
 * they are made; this module makes every later import (and `--reextract`) give the same answer,
 * by applying them to each article after extraction and alias resolution, before anything is
 * written or learned into the alias memory.
 */

export type CurationAction = 'MERGE' | 'RENAME' | 'SPLIT_ALIAS' | 'REJECT';

export interface CurationRule {
  action: CurationAction;
  kind: EntityKind;
  /** The entity acted on, by its canonical name at the time. */
  name: string;
  /** MERGE: the entity it was merged into; RENAME: the new name. */
  target: string | null;
  /** SPLIT_ALIAS: the alias that is no longer a name of `name`. */
  alias: string | null;
  /** REJECT: the article whose extraction was wrong; null means every article. */
  articleUrl: string | null;
}

export interface Curations {
  /** kind -> name key -> the name it now goes by (merges and renames, followed to the end). */
  renames: Map<EntityKind, Map<string, string>>;
  /** kind -> entity key -> alias keys that are not its names. */
  splits: Map<EntityKind, Map<string, Set<string>>>;
  /** kind -> entity key -> the articles it was wrongly extracted from (null: all of them). */
  rejects: Map<EntityKind, Map<string, Set<string> | null>>;
}

function ofKind<V>(map: Map<EntityKind, Map<string, V>>, kind: EntityKind): Map<string, V> {
  let sub = map.get(kind);
  if (!sub) map.set(kind, (sub = new Map()));
  return sub;
}

/** The rules in the order they were made (a later rule wins over an earlier one). */
export function compileCurations(rules: readonly CurationRule[]): Curations {
  const curations: Curations = { renames: new Map(), splits: new Map(), rejects: new Map() };
  for (const rule of rules) {
    const key = entityKey(rule.name);
    if ((rule.action === 'MERGE' || rule.action === 'RENAME') && rule.target) {
      const renames = ofKind(curations.renames, rule.kind);
      const targetKey = entityKey(rule.target);
      if (targetKey === key) {
        renames.set(key, rule.target);
        continue;
      }
      renames.delete(targetKey); // a target is itself again, even if it was once merged away
      renames.set(key, rule.target);
      // Earlier merges into the old name now end at the new one.
      for (const [from, to] of renames) if (entityKey(to) === key) renames.set(from, rule.target);
    } else if (rule.action === 'SPLIT_ALIAS' && rule.alias) {
      const splits = ofKind(curations.splits, rule.kind);
      const set = splits.get(key) ?? new Set<string>();
      set.add(entityKey(rule.alias));
      splits.set(key, set);
    } else if (rule.action === 'REJECT') {
      const rejects = ofKind(curations.rejects, rule.kind);
      if (rule.articleUrl === null) rejects.set(key, null);
      else if (rejects.get(key) !== null) {
        const set = rejects.get(key) ?? new Set<string>();
        set.add(rule.articleUrl);
        rejects.set(key, set);
      }
    }
  }
  return curations;
}

export const NO_CURATIONS: Curations = compileCurations([]);

function isEmpty(curations: Curations): boolean {
  return curations.renames.size === 0 && curations.splits.size === 0 && curations.rejects.size === 0;
}

/** Renames, splits and rejections of one kind, for one article. */
class KindRules {
  constructor(
    private readonly curations: Curations,
    private readonly kind: EntityKind,
    private readonly url: string,
  ) {}

  /** The name a name goes by now. */
  name(name: string): string {
    return this.curations.renames.get(this.kind)?.get(entityKey(name)) ?? name;
  }

  rejected(name: string): boolean {
    const rejects = this.curations.rejects.get(this.kind);
    if (!rejects) return false;
    for (const key of new Set([entityKey(name), entityKey(this.name(name))])) {
      if (!rejects.has(key)) continue;
      const urls = rejects.get(key);
      if (urls === null || urls!.has(this.url)) return true;
    }
    return false;
  }

  keepsAlias(name: string, alias: string): boolean {
    return !this.curations.splits.get(this.kind)?.get(entityKey(name))?.has(entityKey(alias));
  }

  entities(list: NamedEntity[]): NamedEntity[] {
    const merged = new Map<string, NamedEntity>();
    for (const e of list) {
      if (this.rejected(e.name)) continue;
      const name = this.name(e.name);
      const key = entityKey(name);
      const target = merged.get(key) ?? { name, aliases: [], mentions: 0 };
      merged.set(key, target);
      const aliases = new Set(target.aliases);
      for (const alias of name === e.name ? e.aliases : [e.name, ...e.aliases]) {
        if (entityKey(alias) !== key && this.keepsAlias(name, alias)) aliases.add(alias);
      }
      target.aliases = [...aliases].sort();
      target.mentions += e.mentions;
    }
    return [...merged.values()];
  }

  topics(list: TopicWeight[]): TopicWeight[] {
    const merged = new Map<string, TopicWeight>();
    for (const t of list) {
      if (this.rejected(t.name)) continue;
      const name = this.name(t.name);
      const key = entityKey(name);
      const target = merged.get(key);
      if (target) target.weight = Math.max(target.weight, t.weight);
      else merged.set(key, { name, weight: t.weight });
    }
    return [...merged.values()];
  }

  names(list: string[]): string[] {
    return [...new Set(list.filter((n) => !this.rejected(n)).map((n) => this.name(n)))];
  }
}

/** One article with the curations applied; unchanged (the same object) when there are none. */
export function applyCurations(article: ExtractedArticle, curations: Curations): ExtractedArticle {
  if (isEmpty(curations)) return article;
  const person = new KindRules(curations, 'Person', article.url);
  const org = new KindRules(curations, 'Organization', article.url);
  const place = new KindRules(curations, 'Place', article.url);
  const topic = new KindRules(curations, 'Topic', article.url);
  // A speaker or an affiliation's organization can be of either kind: it is whichever it was.
  const speaker = (n: string) => (person.rejected(n) || org.rejected(n) ? null : org.name(person.name(n)));
  const orgOrPlace = (n: string, isPlace?: boolean) => {
    const rules = isPlace ? place : org;
    return rules.rejected(n) ? null : rules.name(n);
  };
  return {
    ...article,
    authors: person.names(article.authors),
    contributors: person.names(article.contributors),
    translators: person.names(article.translators),
    persons: person.entities(article.persons),
    organizations: org.entities(article.organizations),
    places: place.entities(article.places),
    topics: topic.topics(article.topics),
    quotes: article.quotes.flatMap((q) => {
      const name = speaker(q.speaker);
      return name === null ? [] : [{ ...q, speaker: name }];
    }),
    affiliations: article.affiliations.flatMap((a) => {
      const organization = orgOrPlace(a.organization, a.organizationIsPlace);
      if (person.rejected(a.person) || organization === null) return [];
      return [{ ...a, person: person.name(a.person), organization }];
    }),
    experts: article.experts.flatMap((e) => {
      if (person.rejected(e.person)) return [];
      const organization = e.organization === null ? null : orgOrPlace(e.organization);
      return [{ ...e, person: person.name(e.person), organization }];
    }),
  };
}
