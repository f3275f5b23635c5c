import type { TopicWeight } from '../../model/article';
import type { Gazetteer, Resources } from './gazetteer';
import { entityKey } from '../../graph/keys';
import type { Segmenter } from './segment';

/** Code-unit order: deterministic, and far cheaper than locale collation in a hot sort. */
const byCodeUnit = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Frequent words that say nothing about what an article is about. */
const TOPIC_STOP = new Set(
  (
    '问题 方面 国家 时候 今年 去年 明年 人们 情况 官员 专家 分析人士 报道 记者 时报 翻译 中文网 文章 英文版 点击 信息 ' +
    '目前 周一 周二 周三 周四 周五 周六 周日 本周 上周 下周 本月 上个月 一个 这一 可能 已经 没有 表示 认为 称 说 ' +
    '方式 事情 时间 地方 部分 原因 结果 关系 计划 行动 能力 东西 领导人 政府 当局 人士 成员 代表 声明 消息 ' +
    '一位 一名 这个 那个 这种 一种 其中 以来 之后 之前 期间 时期 年代 世纪 数字 数据 图片 照片 视频 网站 ' +
    '知情人士 发言人 总统 总理 主席 国家主席 部长 研究员 学者 教授 作者 读者 本文 更新 敬请关注 来自'
  ).split(/\s+/),
);

/** One name per topic across the corpus (俄乌战争 and 乌克兰战争 are the same topic). */
const TOPIC_ALIASES = new Map<string, string>(
  Object.entries({
    俄乌战争: '乌克兰战争',
    俄乌冲突: '乌克兰战争',
    乌克兰危机: '乌克兰战争',
    乌战: '乌克兰战争',
    新冠: '新冠病毒',
    新冠肺炎: '新冠病毒',
    冠状病毒: '新冠病毒',
    疫情: '新冠疫情',
    大流行: '新冠疫情',
    电动车: '电动汽车',
    美中关系: '中美关系',
  }),
);

/** A place's war or crisis is a topic of its own: 乌克兰 + 战争 -> 乌克兰战争. */
export const COMPOUND_HEADS = ['战争', '危机', '冲突', '贸易战'];
const MAX_TOPICS = 8;

/** Per word id of the segmenter: a count table (zero between calls) and the word's topic IDF. */
interface IdTables {
  counts: Int32Array;
  /** 0: not known yet, 1: the word is never counted (see `countsAsTopicWord`), 2: it is. */
  counted: Uint8Array;
  /** 0: not looked up yet, 1: not a topic word, 2: `idf` holds its topic IDF. */
  state: Uint8Array;
  idf: Float64Array;
}

/** Weakly keyed: released resources (see `releaseResources`) take their tables with them. */
const tables = new WeakMap<Segmenter, IdTables>();

function idTables(res: Resources): IdTables {
  let t = tables.get(res.segmenter);
  if (!t) {
    const n = res.segmenter.nodeCount;
    t = {
      counts: new Int32Array(n),
      counted: new Uint8Array(n),
      state: new Uint8Array(n),
      idf: new Float64Array(n),
    };
    tables.set(res.segmenter, t);
  }
  return t;
}

/** Words of one character and ASCII tokens that do not start with a letter are never counted. */
function countsAsTopicWord(tok: string): boolean {
  if (tok.length < 2) return false;
  return tok.charCodeAt(0) >= 0x80 || /^[A-Za-z]/.test(tok);
}

function topicIdfById(t: IdTables, res: Resources, id: number, word: string): number | undefined {
  const st = t.state[id];
  if (st === 2) return t.idf[id];
  if (st === 1) return undefined;
  const idf = res.topicIdf.get(word);
  if (idf === undefined) t.state[id] = 1;
  else {
    t.state[id] = 2;
    t.idf[id] = idf;
  }
  return idf;
}

export function normalizeTopic(gaz: Gazetteer, word: string): string {
  const w = TOPIC_ALIASES.get(word) ?? word;
  const known = gaz.byKey.get(entityKey(w));
  // Abbreviations and English names of known organizations and places share the canonical name.
  if (known && known.kind !== 'person') return known.name;
  return /[A-Za-z]/.test(w) ? w.toLowerCase() : w;
}

/**
 * Per-article topic weights: term frequency x jieba's static IDF, so that the weight of an article's
 * topic never depends on which other articles were imported. Title words count three times.
 */
export function chineseTopics(
  res: Resources,
  gaz: Gazetteer,
  segments: { tokens: string[]; ids?: number[]; title: boolean }[],
  section: string | null,
  excluded: Set<string>,
  compounds: Map<string, number> = new Map(),
): TopicWeight[] {
  // Dictionary words are counted by word id in a table shared by all calls (no string hashing, and
  // each word's topic IDF is looked up in the large table once per process); other words in a
  // small per-article map.
  const ids = idTables(res);
  const segmenter = res.segmenter;
  const byId = ids.counts;
  const counted = ids.counted;
  const touched: number[] = [];
  const raw = new Map<string, number>();
  let total = 0;
  for (const seg of segments) {
    const times = seg.title ? 3 : 1;
    const toks = seg.tokens;
    const tokIds = seg.ids;
    for (let i = 0; i < toks.length; i++) {
      let id = tokIds ? tokIds[i] : 0;
      if (id !== 0) {
        // Whether the word counts at all is known per word id: no need to read the token.
        let st = counted[id];
        if (st === 0) counted[id] = st = countsAsTopicWord(toks[i]) ? 2 : 1;
        if (st === 1) continue;
        total += times;
        if (byId[id] === 0) touched.push(id);
        byId[id] += times;
        continue;
      }
      const tok = toks[i];
      if (!countsAsTopicWord(tok)) continue;
      total += times;
      id = segmenter.wordId(tok);
      if (id !== 0) {
        if (byId[id] === 0) touched.push(id);
        byId[id] += times;
      } else raw.set(tok, (raw.get(tok) ?? 0) + times);
    }
  }
  const counts = new Map<string, number>(compounds);
  // 战争 inside 乌克兰战争 is counted by the compound; left alone it would crowd out other topics.
  const minCount = total > 400 ? 2 : 1;
  for (const [name, c] of compounds) {
    const head = COMPOUND_HEADS.find((h) => name.endsWith(h));
    if (!head) continue;
    const id = segmenter.wordId(head);
    if (id !== 0) {
      if (byId[id] !== 0) byId[id] = Math.max(0, byId[id] - c);
    } else if (raw.has(head)) raw.set(head, Math.max(0, raw.get(head)! - c));
  }
  // IDF found while filtering: one lookup per word in the large table.
  const idfOf = new Map<string, number>();
  for (const id of touched) {
    const c = byId[id];
    byId[id] = 0;
    if (c < minCount) continue;
    const tok = segmenter.wordOf(id);
    let idf: number | undefined;
    if (tok.charCodeAt(0) < 0x80) {
      if (tok.length < 3) continue;
    } else if ((idf = topicIdfById(ids, res, id, tok)) === undefined) continue;
    if (TOPIC_STOP.has(tok) || excluded.has(tok)) continue;
    counts.set(tok, c);
    if (idf !== undefined) idfOf.set(tok, idf);
  }
  for (const [tok, c] of raw) {
    // In a long article a word said once is never among the top topics; skipping it saves most lookups.
    if (c < minCount) continue;
    let idf: number | undefined;
    if (tok.charCodeAt(0) < 0x80) {
      if (tok.length < 3) continue;
    } else if ((idf = res.topicIdf.get(tok)) === undefined) continue;
    if (TOPIC_STOP.has(tok) || excluded.has(tok)) continue;
    counts.set(tok, c);
    if (idf !== undefined) idfOf.set(tok, idf);
  }
  const scored: TopicWeight[] = [];
  for (const [w, c] of counts) {
    const idf =
      idfOf.get(w) ??
      res.topicIdf.get(w) ??
      res.idf.get(w) ??
      (w.length > 3 ? res.medianIdf + 1 : res.medianIdf);
    scored.push({ name: w, weight: (c / Math.max(total, 1)) * idf });
  }
  // Normalise only the strongest words: enough to fill the list after merging synonyms.
  scored.sort((a, b) => b.weight - a.weight || byCodeUnit(a.name, b.name));
  const merged = new Map<string, number>();
  for (const t of scored.slice(0, MAX_TOPICS * 4)) {
    const name = normalizeTopic(gaz, t.name);
    if (excluded.has(name)) continue;
    const prev = merged.get(name);
    // A synonym adds half its weight: 俄乌战争 strengthens 乌克兰战争 without doubling it.
    merged.set(name, prev === undefined ? t.weight : prev + t.weight / 2);
  }
  return withSection(
    [...merged.entries()].map(([name, weight]) => ({ name, weight })),
    section,
  );
}

export function englishTopics(nouns: string[], section: string | null, excluded: Set<string>): TopicWeight[] {
  const counts = new Map<string, number>();
  for (const n of nouns) if (!excluded.has(n)) counts.set(n, (counts.get(n) ?? 0) + 1);
  const total = Math.max(nouns.length, 1);
  // No static English IDF ships with our packages; longer noun phrases are more specific.
  return withSection(
    [...counts.entries()].map(([name, c]) => ({
      name,
      weight: (c / total) * Math.min(3, name.split(' ').length) * 4,
    })),
    section,
  );
}

function withSection(all: TopicWeight[], section: string | null): TopicWeight[] {
  const top = all
    .sort((a, b) => b.weight - a.weight || byCodeUnit(a.name, b.name))
    .slice(0, MAX_TOPICS)
    .map((t) => ({ name: t.name, weight: Math.round(t.weight * 1e4) / 1e4 }));
  if (section) {
    const name = section.toLowerCase();
    const boost = Math.max(0.05, top[0]?.weight ?? 0);
    const existing = top.find((t) => t.name === name);
    if (existing) existing.weight += boost;
    else top.push({ name, weight: boost });
  }
  return top;
}
