import type { Gazetteer, Kind, LexEntry, Resources } from './gazetteer';
import { Trie } from './gazetteer';
import { Segmenter } from './segment';
import { charTable, hasCharAt } from './chars';
import {
  COMPOUND_SURNAMES,
  GENERIC_ORG_SUFFIXES,
  NAME_ANCHORS_BEFORE,
  NAME_FOLLOW_CHARS,
  NAME_TITLES_AFTER,
  ORG_SUFFIXES,
  ROLE_NOUNS,
  STOP_ENTITIES,
  SURNAMES,
  TRANSLIT_BAD_END,
  TRANSLIT_BAD_START,
  TRANSLIT_CHARS,
  TRANSLIT_END_ONLY,
  ZH_SPEECH_VERBS,
} from './lexicon';

/** One recognised mention in a segment of text. */
export interface Span {
  start: number;
  end: number;
  kind: Kind;
  /** Canonical name (gazetteer canonical or the surface). */
  name: string;
  aliases: string[];
  /** 1 = dictionary or strong pattern, 2 = organization suffix rule, 3 = anchored name rule. */
  tier: number;
}

/** Tokens of a text, their offsets, and (from the JavaScript segmenter) their word ids. */
export interface Tokenized {
  tokens: string[];
  starts: number[];
  /** `Segmenter.wordId` of each token where the segmenter knows it, else 0 (absent: unknown). */
  ids?: number[];
}

export interface Segment extends Tokenized {
  text: string;
  cands: Span[];
  spans: Span[];
}

const HAN = /\p{Script=Han}/u;
/** Han script per BMP code unit (surrogates are never Han on their own). */
const HAN_TABLE = new Uint8Array(65536);
for (let c = 0; c < 65536; c++) if (HAN.test(String.fromCharCode(c))) HAN_TABLE[c] = 1;
const isHan = (c: string | undefined): boolean =>
  !!c && (c.length === 1 ? HAN_TABLE[c.charCodeAt(0)] === 1 : HAN.test(c));
/** Every character of `s` is Han (as `[...s].every(isHan)`). */
function allHan(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdfff) return [...s].every((x) => isHan(x));
    if (!HAN_TABLE[c]) return false;
  }
  return true;
}
const PUNCT = new Set('，。；：！？、“”‘’「」『』（）()《》…—,.;:!?"\''.split(''));
const CLAUSE_BREAK = new Set('，。；：！？“”「」,;:!?'.split(''));
/** A clause break or a full stop. */
const CLAUSE_OR_STOP_T = charTable([...CLAUSE_BREAK, '。']);
const TRANSLIT_T = charTable(TRANSLIT_CHARS);
const SURNAME_T = charTable(SURNAMES);
const COMPOUND_SURNAME_FIRST = charTable(COMPOUND_SURNAMES.map((c) => c[0]));

export const normalizeText = (s: string): string => s.replace(/[\u00b7\u2022\u30fb\u2027\u2219\uff65]/g, '·');

const byLengthDesc = (words: string[]): string[] => [...new Set(words)].sort((a, b) => b.length - a.length);
const ANCHORS = byLengthDesc(NAME_ANCHORS_BEFORE);
const ANCHOR_TRIE = new Trie();
for (const a of ANCHORS) ANCHOR_TRIE.add(a, { kind: 'person', name: a, aliases: [] });
const ROLE_SET = new Set(ROLE_NOUNS);
const ANCHOR_SET = new Set(NAME_ANCHORS_BEFORE);
const ROLES_DESC = byLengthDesc(ROLE_NOUNS);
const SPEECH_DESC = byLengthDesc(ZH_SPEECH_VERBS);
const ORG_SUFFIX_DESC = byLengthDesc(ORG_SUFFIXES);
/** Tags of jieba tokens that may belong to the body of an organization name. */
const ORG_BODY_TAGS = new Set([
  'n',
  'nz',
  'ns',
  'nt',
  'nr',
  'nrt',
  'nrfg',
  'j',
  'eng',
  'b',
  'vn',
  'an',
  'l',
  'ng',
  'x',
]);
const ORG_STOP_WORDS = new Set([
  '该',
  '这',
  '那',
  '其',
  '本',
  '此',
  '各',
  '每',
  '一',
  '某',
  '这家',
  '那家',
  '一家',
  '该国',
  '他们',
]);
const LATIN_ORG_CUES_AFTER =
  /^(?:公司|表示|称|说|的首席|首席|董事会|总部|员工|的员工|的董事|的销售|的报告|在报告|发言人|的发言人|的技术|的工具)/;
const LATIN_ORG_CUES_BEFORE = /(?:公司|企业|网站|品牌|平台|机构|组织|集团|初创企业|制造商|网络|名为|名叫)$/;
const PERSON_EN =
  /^(?:(?:Prince|Princess|King|Queen|Sir|Dr\.|Lord|Lady)\s)?(?:[A-Z][a-zà-ÿ'’-]+|[A-Z]\.)(?:\s(?:[A-Z][a-zà-ÿ'’-]+|[A-Z]\.|de|da|van|von|der|den|la|le|bin|al|Jr\.?))*$/;
const ORG_EN_WORDS =
  /\b(?:Commission|Council|Center|Centre|School|University|College|Institute|Institution|Project|Lab|Laboratory|Bank|Fund|Agency|Party|Association|Foundation|Group|Inc|Corp|Corporation|Company|Times|News|Post|Journal|Organization|Forum|Committee|Ministry|Department|Court|Office|Society|Union|Alliance|Network|Press|Review|Club|Service|Services|Consultancy|Partners|Capital|Holdings|Authority|Bureau|Academy|Program|Initiative|Trust|Affairs|Relations|Technology|Technologies|Consulting|Government|Strategies|Solutions|Systems|Industries|Motors|Airlines|Energy|Media|Labs|Research|Studies|Policy|Watch|International|Global|Brands|Foods|Chamber|Exchange|Hospital|Museum|Games|Magazine|Ltd|LLC|LLP|Archive|Archives|Church|House|Library|Press|Books|Studio|Studios)\b/;

const SPEECH_FIRST = charTable(SPEECH_DESC.map((v) => v[0]));

export function isSpeechVerbAt(text: string, i: number): string | null {
  if (SPEECH_FIRST[text.charCodeAt(i)] !== 1) return null;
  for (const v of SPEECH_DESC) if (text.startsWith(v, i)) return v;
  return null;
}

/** jieba's cut without HMM: the JavaScript segmenter, or the native one for text it leaves to it. */
function cut(res: Resources, text: string): string[] {
  if (!text) return [];
  return Segmenter.handles(text) ? res.segmenter.cut(text) : res.jieba.cut(text, false);
}

/**
 * Tokenises all segments with one jieba call (no HMM: it glues names to the verbs after them) and
 * maps token offsets back to each segment.
 */
export function tokenizeAll(res: Resources, texts: string[]): Tokenized[] {
  const joined = texts.join('\n');
  // The JavaScript segmenter's tokens are consecutive slices of the text: no need to find them, and
  // no need to cut the texts joined (a block never spans the '\n' between two texts).
  const exact = Segmenter.handles(joined);
  if (exact) return texts.map((t, i) => cutText(res.segmenter, t, i < texts.length - 1));
  const all = !joined ? [] : res.jieba.cut(joined, false);
  const out: Tokenized[] = texts.map(() => ({ tokens: [] as string[], starts: [] as number[] }));
  let seg = 0;
  let segStart = 0;
  let pos = 0;
  for (const t of all) {
    if (!joined.startsWith(t, pos)) {
      const found = joined.indexOf(t, pos);
      if (found < 0) continue;
      pos = found;
    }
    while (seg < texts.length - 1 && pos >= segStart + texts[seg].length + 1) {
      segStart += texts[seg].length + 1;
      seg++;
    }
    if (t !== '\n' && pos + t.length <= segStart + texts[seg].length) {
      out[seg].tokens.push(t);
      out[seg].starts.push(pos - segStart);
    }
    pos += t.length;
  }
  return out;
}

/** One text of `tokenizeAll` cut on its own: the same tokens as within the joined text. */
function cutText(segmenter: Segmenter, text: string, joinedNext: boolean): Tokenized {
  const tokens: string[] = [];
  const starts: number[] = [];
  const ids: number[] = [];
  segmenter.cutInto(text, tokens, starts, ids);
  // Joined, a final '\r' and the '\n' after it are one token '\r\n', which belongs to no text.
  if (joinedNext && text.charCodeAt(text.length - 1) === 13) {
    tokens.pop();
    starts.pop();
    ids.pop();
  }
  // A '\n' token is dropped wherever it is, as between the joined texts.
  if (text.includes('\n')) {
    let k = 0;
    for (let j = 0; j < tokens.length; j++) {
      if (tokens[j] === '\n') continue;
      tokens[k] = tokens[j];
      ids[k] = ids[j];
      starts[k++] = starts[j];
    }
    tokens.length = k;
    starts.length = k;
    ids.length = k;
  }
  return { tokens, starts, ids };
}

/** Tokenise with jieba (no HMM: it merges names with the verbs after them) and map token offsets. */
export function tokenize(res: Resources, text: string): { tokens: string[]; starts: number[] } {
  const tokens = cut(res, text);
  const starts: number[] = [];
  let pos = 0;
  for (const t of tokens) {
    if (!text.startsWith(t, pos)) {
      const found = text.indexOf(t, pos);
      pos = found >= 0 ? found : pos;
    }
    starts.push(pos);
    pos += t.length;
  }
  return { tokens, starts };
}

function translitRunRight(text: string, from: number, max: number): number {
  let k = from;
  while (k < text.length && k - from < max && TRANSLIT_T[text.charCodeAt(k)]) k++;
  return k;
}

/** Dotted transliterated names: 阿莉恰·巴胡尔斯卡, A·韦斯·米切尔, 让-吕克·克伦伯. */
const TRAILING_WORDS = new Set(
  '可能 可以 多次 提出 提到 认为 表示 指出 以及 而且 但是 还是 曾经 已经 正在 将会 不会 没有 之后 之前 以来 当时 此前'.split(
    ' ',
  ),
);

const isTrailingWord = (w: string, resPos?: Map<string, string>): boolean =>
  TRAILING_WORDS.has(w) && !!resPos?.has(w);

function dottedNames(text: string, out: Span[], resPos?: Map<string, string>): void {
  let i = text.indexOf('·');
  while (i >= 0) {
    let start = i;
    while (start > 0 && i - start < 5 && (TRANSLIT_CHARS.has(text[start - 1]) || text[start - 1] === '-'))
      start--;
    if (start === i && /[A-Z]/.test(text[i - 1] ?? '') && !/[A-Za-z]/.test(text[i - 2] ?? '')) {
      start = i - 1;
      // 乔治·W·布什, 理查德·A·莫伊察: a middle initial between two transliterated parts.
      if (text[start - 1] === '·') {
        let k = start - 1;
        while (k > 0 && start - 1 - k < 5 && TRANSLIT_CHARS.has(text[k - 1])) k--;
        if (k < start - 1) start = k;
      }
    }
    while (text[start] === '-') start++;
    while (start < i - 2 && TRANSLIT_BAD_START.has(text[start]) && text[start + 1] !== '-') start++;
    // 总理斯科特·莫里森: 理 is a transliteration character too, but here it ends the title.
    for (let k = start + 1; k < i; k++) {
      if (ANCHORS.some((a) => a.length > k - start && text.startsWith(a, k - a.length))) start = k;
    }
    let end = i + 1;
    for (;;) {
      const k = translitRunRight(text, end, 8);
      if (k === end) break;
      end = k;
      if ((text[end] === '·' || text[end] === '-') && TRANSLIT_CHARS.has(text[end + 1] ?? '')) end++;
      else break;
    }
    if (TRANSLIT_END_ONLY.has(text[end] ?? '') && end > i + 1) end++;
    // 休利特基金会: the name stops where an organization suffix starts.
    for (const suf of ORG_SUFFIX_DESC) {
      if (suf.length < 2) continue;
      for (let j = Math.max(i + 2, end - suf.length + 1); j < end; j++) if (text.startsWith(suf, j)) end = j;
    }
    while (end > i + 1 && TRANSLIT_BAD_END.has(text[end - 1])) end--;
    // 伯林可能: the last character starts an ordinary word.
    // Only frequent function words: a dictionary check alone cuts real names (麦克法登在).
    // 科顿多次, 杨提出: the name's last characters start an ordinary word.
    while (end > i + 3 && isTrailingWord(text.slice(end - 2, end), resPos)) end -= 2;
    while (end > i + 2 && isTrailingWord(text.slice(end - 1, end + 1), resPos)) end--;
    // 凯瑟琳·李: a Chinese surname after the dot.
    const after = text[i + 2];
    if (end === i + 1 && SURNAMES.has(text[i + 1] ?? '') && (!isHan(after) || NAME_FOLLOW_CHARS.has(after!)))
      end = i + 2;
    if (start < i && end > i + 1) {
      const name = text.slice(start, end);
      out.push({ start, end, kind: 'person', name, aliases: [], tier: 1 });
    }
    i = text.indexOf('·', Math.max(end, i + 1));
  }
}

export interface LocalLexicon {
  trie: Trie;
  latin: Map<string, LexEntry>;
}

function gazetteerMatches(gaz: Gazetteer, local: LocalLexicon | null, text: string, out: Span[]): void {
  // The second pass only needs the article's own names: the gazetteer was matched in the first.
  const trie = local ? local.trie : gaz.trie;
  trie.scan(text, 0x3000, (i, end, e) => {
    // A Chinese-style surname-only alias must not match inside a longer name (舒曼 in 罗伯特·舒曼).
    if (trie !== gaz.trie && (text[i - 1] === '·' || text[end] === '·')) return;
    // 意大利语 and 西班牙语 name languages, not places; 外交部长 is a role, not 外交部.
    if (e.kind === 'place' && (text[end] === '语' || text[end] === '裔')) return;
    if (e.kind === 'org' && text[end] === '长' && /[部局]$/.test(e.name)) return;
    out.push({ start: i, end, kind: e.kind, name: e.name, aliases: e.aliases, tier: 1 });
  });
  if (!/[A-Za-z]/.test(text)) return;
  const latinRe = /[A-Za-z][A-Za-z0-9.&'’-]*(?:\s[A-Z][A-Za-z0-9.&'’-]*)*/g;
  for (let m = latinRe.exec(text); m; m = latinRe.exec(text)) {
    // 白明(Jude Blanchette): an English name in brackets glosses the name before it; not a mention.
    if (/[(（]/.test(text[m.index - 1] ?? '') && isHan(text[m.index - 2])) continue;
    const words = m[0].split(/\s/);
    for (let n = words.length; n >= 1; n--) {
      const surface = words
        .slice(0, n)
        .join(' ')
        .replace(/[.'’-]+$/, '');
      const e = gaz.latin.get(surface.toLowerCase()) ?? local?.latin.get(surface.toLowerCase());
      if (!e) continue;
      // Acronyms must match exactly: "who" is not the WHO.
      if (surface.length <= 4 && surface !== surface.toUpperCase() && !e.name.startsWith(surface)) continue;
      out.push({
        start: m.index,
        end: m.index + surface.length,
        kind: e.kind,
        name: e.name,
        aliases: [...e.aliases, surface],
        tier: 1,
      });
      break;
    }
  }
}

function posOf(res: Resources, tok: string): string {
  const c0 = tok.charCodeAt(0);
  if (((c0 >= 65 && c0 <= 90) || (c0 >= 97 && c0 <= 122)) && /^[A-Za-z][A-Za-z0-9.&'-]*$/.test(tok))
    return 'eng';
  if (tok === '·') return 'x';
  return res.pos.get(tok) ?? (isHan(tok) ? 'n' : 'w');
}

const ORG_SUFFIX_LAST = charTable(ORG_SUFFIX_DESC.map((s) => s[s.length - 1]));

function endsWithOrgSuffix(tok: string): string | null {
  if (!hasCharAt(ORG_SUFFIX_LAST, tok, tok.length - 1)) return null;
  for (const s of ORG_SUFFIX_DESC) if (tok.endsWith(s)) return s;
  return null;
}

/** Words that end like an organization but are ordinary nouns. */
const NOT_ORG_WORDS = new Set(
  (
    '当局 格局 结局 布局 大局 出局 骗局 僵局 时局 政局 全局 邮局 内部 外部 南部 北部 东部 西部 中部 全部 局部 干部 ' +
    '头部 背部 底部 顶部 腹部 胸部 部分 关系 体系 联系 派系 星系 太阳系 银河系 直系 水系 谱系 市中心 重心 核心 ' +
    '信心 中心 公司 集团 联盟 组织 大学 学院 医院 法院 银行 社 党 部 局 署 厅 系 军 有组织 该党 政党 两党 签署 部署 ' +
    '公署 证明党'
  ).split(/\s+/),
);
const GENERIC_PARTIES = new Set(
  '执政党 反对党 在野党 政党 该党 两党 全党 入党 建党 本党 各党 一党 多党 退党 党'.split(' '),
);
const MINISTRY =
  /^(?:外交|国防|司法|财政|商务|教育|卫生|国土安全|国家安全|公安|安全|内政|劳工|能源|农业|交通|环境|文化|外务|防卫|经济|国务|民政|情报)部$/;

const STRONG_SUFFIXES = new Set(
  '委员会 理事会 基金会 联合会 协会 学会 商会 研究会 研究所 研究院 研究中心 实验室 智库 事务所'.split(' '),
);
/** Units named after their parent institution. */
const NESTED_UNITS = new Set(
  '系 研究所 研究院 研究中心 实验室 学院 法学院 商学院 委员会 中心 办公室'.split(' '),
);
/** 亚洲金融中心: a hub, not an institution. */
const HUB_WORDS = /(?:金融|商业|科技|创新|贸易|制造|文化|政治|经济|交通|航运|物流|人口|工业|市)中心$/;
const REGIONS = new Set('欧洲 亚洲 非洲 北美 南美 拉美 拉丁美洲 中东 东南亚 东亚 南亚 中亚 西方'.split(' '));
/** 中国科技公司, 美国上市公司: a place and class words describe companies, they do not name one. */
const CLASS_BODY =
  /^(?:外国|本地|当地|国有|民营|私营|上市|大型|小型|中型|科技|汽车|电动汽车|房地产|网络|媒体|网络媒体|子|母|跨国|外资|中资|美资|能源|制药|芯片|半导体|电信|互联网|金融|投资|咨询|保险|建筑|航空|游戏|律师|军工|国防|农业|钢铁|石油|太阳能|电池|电子|安全|数据|软件|化工|物流|医疗|生物|食品|服装|矿业)+$/;

/** Suffix words that name one institution by themselves. */
const BARE_ORGS = new Set(['众议院', '参议院', '国会', '国务院']);
const PROPER_TAGS = new Set(['ns', 'nr', 'nrt', 'nrfg', 'nt', 'eng', 'j']);

/** What the token helpers of orgBySuffix need (module functions, not per-call closures). */
interface SuffixScan {
  res: Resources;
  tokens: string[];
  starts: number[];
  strong: (Span | undefined)[];
  tags: (string | undefined)[];
}

/** The strongest tier-1 candidate covering token `i` entirely. */
function coveredTok(sc: SuffixScan, i: number): Span | undefined {
  const c = sc.strong[sc.starts[i]];
  return c && c.start <= sc.starts[i] && c.end >= sc.starts[i] + sc.tokens[i].length ? c : undefined;
}

function posAtTok(sc: SuffixScan, i: number): string {
  return (sc.tags[i] ??= posOf(sc.res, sc.tokens[i]));
}

/** A token's tag, or the kind of the candidate covering it. */
function tagOfTok(sc: SuffixScan, i: number): string {
  const c = coveredTok(sc, i);
  if (c) return c.kind === 'place' ? 'ns' : c.kind === 'org' ? 'nt' : 'nr';
  return posAtTok(sc, i);
}

/**
 * Candidate checks of orgBySuffix as functions of their own: a closure in its per-token loop that
 * captured the loop's variables made V8 allocate a fresh scope for every token.
 */
function placeStartsAt(cands: Span[], pos: number): boolean {
  for (const c of cands) if (c.kind === 'place' && c.start === pos) return true;
  return false;
}

/** A known organization (tier 1) ending at `end` and starting at or after `start`. */
function knownOrgWithin(cands: Span[], start: number, end: number): boolean {
  for (const c of cands)
    if (c.tier === 1 && c.kind === 'org' && c.end === end && c.start >= start) return true;
  return false;
}

/** 帮助俄罗斯战争努力的中国银行: a place plus a bare class noun, used generically. */
function genericClassNoun(gazCountries: Set<string>, seg: Segment, start: number, body: string): boolean {
  const { text } = seg;
  const bodyIsPlace = seg.cands.some(
    (c) =>
      c.kind === 'place' && c.start === start && c.end === start + body.length && gazCountries.has(c.name),
  );
  // 中国大银行, 俄罗斯公司: a country plus a class noun names a group, not an institution.
  const bodyIsCountryPlus = seg.cands.some(
    (c) =>
      c.kind === 'place' &&
      c.start === start &&
      gazCountries.has(c.name) &&
      /^(?:大|小|大型|主要|国有|私营|其他|各大)?$/.test(text.slice(c.end, start + body.length)),
  );
  if (bodyIsPlace || bodyIsCountryPlus) return true;
  const lead = seg.cands.find((c) => c.kind === 'place' && c.start === start && c.end < start + body.length);
  const rest = body.slice(lead ? lead.end - start : 0);
  if (CLASS_BODY.test(rest)) return true;
  // 欧洲公司: a country or a region with a class noun is a group of companies.
  return !rest && !!lead && (gazCountries.has(lead.name) || REGIONS.has(lead.name));
}

/** Per segmenter word id: 0 not known yet, 1 never ends an organization name, 2 may. */
const orgSkip = new WeakMap<Segmenter, Uint8Array>(); // weak: released resources take it with them

function orgSkipTable(segmenter: Segmenter): Uint8Array {
  let table = orgSkip.get(segmenter);
  if (!table) orgSkip.set(segmenter, (table = new Uint8Array(segmenter.nodeCount)));
  return table;
}

/**
 * Organization by suffix: walk back from a token ending in 委员会/研究所/银行/部/社… over noun-like
 * tokens. The name needs a proper part (a place, a foreign word, an unknown transliteration) so that
 * 私人保安公司 or 客服中心 stay common nouns.
 */
function orgBySuffix(res: Resources, gazCountries: Set<string>, seg: Segment, out: Span[]): void {
  const { tokens, starts, text } = seg;
  const strong: (Span | undefined)[] = new Array(text.length);
  for (const c of seg.cands) {
    if (c.tier !== 1) continue;
    for (let i = c.start; i < c.end; i++) {
      const cur = strong[i];
      if (!cur || cur.end - cur.start < c.end - c.start) strong[i] = c;
    }
  }
  // jieba tags per token index, looked up once: the walk back visits the same tokens again.
  const sc: SuffixScan = { res, tokens, starts, strong, tags: new Array(tokens.length) };
  const ids = seg.ids;
  const skip = orgSkipTable(res.segmenter);
  for (let t = 0; t < tokens.length; t++) {
    // Most tokens can never end an organization name, and that depends on the word alone: known per
    // word id, without reading the token (a string somewhere in a large heap).
    const id = ids ? ids[t] : 0;
    if (id !== 0) {
      let st = skip[id];
      if (st === 0) {
        const w = tokens[t];
        skip[id] = st = !endsWithOrgSuffix(w) && (w.length < 4 || posOf(res, w) !== 'nt') ? 1 : 2;
      }
      if (st === 1) continue;
    }
    const tok = tokens[t];
    const suffix = endsWithOrgSuffix(tok);
    if (!suffix && tok.length < 4) continue;
    const tag = posAtTok(sc, t);
    if (!suffix && tag !== 'nt') continue;
    // jieba tags 美国市场 and 中国军方 nt: a country plus a common noun is not a name.
    if (!suffix && placeStartsAt(seg.cands, starts[t])) continue;
    if (NOT_ORG_WORDS.has(tok) && tok !== suffix) continue;
    if (/(?:政府|当局|官方)$/.test(tok)) continue;
    const end = starts[t] + tok.length;
    // 国防部长 / 司法部长: the 部 belongs to a role, not an organization mention.
    if ((suffix === '部' || suffix === '局') && text[end] === '长') continue;
    if (suffix === '系' && !/(?:研究|学|工程)系$/.test(tok) && !/(?:研究|学|工程)$/.test(tokens[t - 1] ?? ''))
      continue;
    if ((suffix === '军' || suffix === '队') && tok.length < 3) continue;
    // 在伦敦组织声援活动: 组织 is a verb as often as a noun.
    if (suffix === '部' && /^[东南西北中][东南西北]?部$/.test(tok)) continue;
    // Known organizations (朝中社 in 朝鲜官方媒体朝中社) are the gazetteer's business.
    if (knownOrgWithin(seg.cands, starts[t], end)) continue;
    let first = t;
    let chars = tok.length;
    for (let b = t - 1; b >= 0 && t - b <= 6; b--) {
      const bt = tokens[b];
      const btag = tagOfTok(sc, b);
      const cov = coveredTok(sc, b);
      // 中国驻伦敦大使馆: 驻 belongs to the name of a mission abroad.
      if (bt === '驻' && b > 0 && coveredTok(sc, b - 1)?.kind === 'place') {
        chars += 1;
        first = b;
        continue;
      }
      if (!cov && (ORG_STOP_WORDS.has(bt) || STOP_ENTITIES.has(bt) || PUNCT.has(bt) || /^\s+$/.test(bt)))
        break;
      if (/^[另该这那一每各某其本此]/.test(bt) && !cov) break;
      // 米勒·希瓦利埃律师事务所: a firm named after people is an organization.
      if (
        cov?.kind === 'person' &&
        cov.name.includes('·') &&
        b >= t - 2 &&
        cov.end === starts[b] + bt.length
      ) {
        first = tokenAt(starts, cov.start, b);
        if (first < 0) first = b;
        break;
      }
      if (cov?.kind === 'person') break;
      if (cov?.kind === 'org') {
        // 大西洋理事会数字法医研究实验室: a unit named after its parent organization.
        if (b === t - 1 || tokens.slice(b + 1, t).every((x) => !PUNCT.has(x))) {
          first = tokenAt(starts, cov.start, b);
          if (first < 0) first = b;
        }
        break;
      }
      const adjacent = b === t - 1 && tok === suffix;
      // 华盛顿咨询公司亚洲集团, 互联网政策协会亚洲互联网联盟: a complete name before this one is a
      // descriptor, unless this one is a unit of it (伦敦国王学院战争研究系).
      if (!cov && (endsWithOrgSuffix(bt)?.length ?? 0) >= 2 && !(suffix && NESTED_UNITS.has(suffix))) break;
      const verbal = btag === 'vn' || btag === 'a';
      if (!ORG_BODY_TAGS.has(btag) && !(adjacent && verbal)) break;
      if (btag === 'vn' && !adjacent) break;
      if (chars + bt.length > 18) break;
      chars += bt.length;
      first = b;
    }
    // A stray single character on the left (美众议院) is an abbreviation or a verb, unless it starts
    // a run of single characters, which is how jieba leaves unknown transliterations (福坦莫).
    while (
      first < t &&
      tokens[first].length === 1 &&
      !coveredTok(sc, first) &&
      !(first + 1 < t && tokens[first + 1].length === 1) &&
      !(first + 1 < t && [...(tokens[first] + tokens[first + 1])].every((c) => TRANSLIT_CHARS.has(c)))
    ) {
      first++;
    }
    // 时任美国空军, 机构台湾民主实验室: the name starts at its first proper part.
    let firstProper = -1;
    for (let b = first; b < t && firstProper < 0; b++)
      if (strong[starts[b]]?.start === starts[b]) firstProper = b;
    if (firstProper > first) first = firstProper;
    const start = starts[first];
    let name = text.slice(start, end);
    const bare = suffix !== null && name === suffix;
    if (
      (bare && !BARE_ORGS.has(name)) ||
      name.length < 3 ||
      STOP_ENTITIES.has(name) ||
      NOT_ORG_WORDS.has(name)
    ) {
      if (!BARE_ORGS.has(name)) continue;
    }
    if (/^[\d一二三四五六七八九十两几多]/.test(name)) continue;
    if (suffix === '中心' && HUB_WORDS.test(name)) continue;
    // 在伦敦组织声援活动: 组织 is a verb as often as a noun.
    if (suffix === '组织' && name.length < 5) continue;
    // Parties and ministries are named by what they stand for (复兴党, 司法部); councils, institutes and
    // labs by a descriptive body (公民实验室); companies and centres need a proper name (not 客服中心).
    let proper =
      BARE_ORGS.has(name) ||
      (suffix === '党' && !GENERIC_PARTIES.has(name)) ||
      MINISTRY.test(name) ||
      (suffix !== null && STRONG_SUFFIXES.has(suffix) && name.length - suffix.length >= 2 && first < t);
    for (let i = start; i < end && !proper; i++) if (strong[i] && strong[i]!.start >= start) proper = true;
    let singles = 0;
    for (let b = first; b <= t; b++) {
      // The suffix token's own tag says nothing: jieba tags 地方法院 nt.
      // jieba calls 外国, 上市 and 非营利 ns: only the gazetteer vouches for a place.
      const tb = tagOfTok(sc, b);
      const translit = tokens[b].length >= 3 && [...tokens[b]].every((c) => TRANSLIT_CHARS.has(c));
      if (
        PROPER_TAGS.has(tb) &&
        (tb !== 'ns' || coveredTok(sc, b) || translit) &&
        (b < t || coveredTok(sc, b))
      )
        proper = true;
      singles = tokens[b].length === 1 && isHan(tokens[b]) ? singles + 1 : 0;
      if (singles >= 2) proper = true;
    }
    if (!proper) continue;
    // 帮助俄罗斯战争努力的中国银行: a place plus a bare class noun, used generically.
    const body = suffix ? name.slice(0, name.length - suffix.length) : '';
    if (suffix && GENERIC_ORG_SUFFIXES.has(suffix) && genericClassNoun(gazCountries, seg, start, body))
      continue;
    const aliases: string[] = [];
    if (/^[A-Za-z][\w.&' -]*$/.test(body) && (suffix === '公司' || suffix === '集团')) {
      aliases.push(name);
      name = body.trim();
    }
    out.push({ start, end, kind: 'org', name, aliases, tier: 2 });
  }
  // 一个名为国际虚拟媒体联盟的组织: the text says what kind of name it is.
  const named = /名为([^，。、的“”]{2,20})的(组织|公司|机构|团体|网站|企业|基金会|智库)/g;
  for (let m = named.exec(text); m; m = named.exec(text)) {
    const start = m.index + 2;
    out.push({ start, end: start + m[1].length, kind: 'org', name: m[1], aliases: [], tier: 2 });
  }
}

const ROYAL_TITLES = ['内亲王', '亲王', '天皇', '王子', '公主', '王妃'];

/** 秋筱宫文仁亲王, 哈里王子, 明仁天皇: royal names keep their title. */
function royalNames(res: Resources, text: string, cands: Span[], out: Span[]): void {
  for (const title of ROYAL_TITLES) {
    for (let j = text.indexOf(title); j >= 0; j = text.indexOf(title, j + title.length)) {
      if (title === '亲王' && text[j - 1] === '内') continue;
      let s = j;
      while (
        s > 0 &&
        j - s < 5 &&
        isHan(text[s - 1]) &&
        !/[的这位在和与及其、年了是被把将对向为当]/.test(text[s - 1])
      )
        s--;
      const place = cands.find((c) => c.kind === 'place' && c.start === s && c.end <= j);
      if (place) s = place.end;
      // 如果真子内亲王: a leading function word is not part of the name.
      if (/^(?:c|d|p|r|v)$/.test(res.pos.get(text.slice(s, s + 2)) ?? '')) s += 2;
      if (j - s < 2) continue;
      out.push({
        start: s,
        end: j + title.length,
        kind: 'person',
        name: text.slice(s, j + title.length),
        aliases: [],
        tier: 2,
      });
    }
  }
}

/** Index of the token starting at `pos`, searching back from `from` (-1 if none). */
function tokenAt(starts: number[], pos: number, from: number): number {
  for (let k = from; k >= 0; k--) if (starts[k] === pos) return k;
  return -1;
}

/** Chinese-style name (surname + one or two characters) starting at `i`, checked by its right boundary. */
export function chineseNameAt(res: Resources, text: string, i: number): string | null {
  if (i < 0 || i >= text.length) return null;
  const c0 = text.charCodeAt(i);
  const compound = COMPOUND_SURNAME_FIRST[c0] === 1 && COMPOUND_SURNAMES.some((s) => text.startsWith(s, i));
  const sl = compound ? 2 : SURNAME_T[c0] ? 1 : 0;
  if (!sl) return null;
  for (let given = 2; given >= 1; given--) {
    const end = i + sl + given;
    if (end > text.length) continue;
    const name = text.slice(i, end);
    if (!allHan(name)) continue;
    const next = text[end];
    if (next !== undefined && !NAME_FOLLOW_CHARS.has(next) && isHan(next)) continue;
    const tag = res.pos.get(name) ?? res.pos.get(name.slice(0, 2));
    if (tag && !tag.startsWith('nr') && res.pos.has(name.slice(0, 2))) continue;
    if (
      /[一二三四五六七八九十年月日天周末今明昨前后上下中内外的了着过在是和与及也都就还又将被把向从对]/.test(
        name.slice(sl),
      )
    ) {
      continue;
    }
    // 孙韵说, 王毅本周: a third character that usually follows a name ends the name before it.
    if (
      given === 2 &&
      /[说称在曾也已将则对是被把向从为因还又就都却均亦并及和与等本多提时]/.test(name[name.length - 1])
    )
      continue;
    if (
      given === 1 &&
      /^[提表指认]/.test(text.slice(end - 1, end + 1)) &&
      res.pos.has(text.slice(end - 1, end + 1))
    )
      continue;
    const givenTag = given === 2 ? res.pos.get(name.slice(sl)) : undefined;
    if (givenTag && /^(?:n|nz|vn|v|l|i|a|d|r|ns)$/.test(givenTag)) continue;
    // jieba tags some role words nr (顾问): a role is never a name.
    if (STOP_ENTITIES.has(name) || ROLE_SET.has(name) || ANCHOR_SET.has(name)) continue;
    return name;
  }
  return null;
}

/** Transliterated name without a dot after a title (总理肖尔茨), checked by its right boundary. */
function translitNameAt(text: string, i: number, resPos?: Map<string, string>): string | null {
  const k = translitRunRight(text, i, 6);
  for (let end = k; end - i >= 2; end--) {
    const next = text[end];
    if (TRANSLIT_BAD_END.has(text[end - 1])) continue;
    const tag =
      resPos?.get(text.slice(i, end)) ?? (end - i > 2 ? resPos?.get(text.slice(i, end - 1)) : undefined);
    // 总统施加的制裁, 记者多次提出: ordinary words made of transliteration characters.
    if (tag && !/^(?:nr|nrt|nrfg|ns)$/.test(tag)) continue;
    if (next === undefined || !isHan(next) || NAME_FOLLOW_CHARS.has(next)) return text.slice(i, end);
  }
  return null;
}

function anchoredNames(res: Resources, text: string, out: Span[]): void {
  const anchorEnds: number[] = [];
  ANCHOR_TRIE.scan(text, 0, (_i, end) => anchorEnds.push(end));
  for (const p of anchorEnds) {
    const zh = chineseNameAt(res, text, p);
    const tr = translitNameAt(text, p, res.pos);
    const name = zh && (!tr || tr.length <= zh.length || !SURNAMES.has(text[p])) ? zh : tr;
    if (name) out.push({ start: p, end: p + name.length, kind: 'person', name, aliases: [], tier: 3 });
  }
  // 赵主彬（音）: the translator marks a transcribed Korean or Chinese name.
  const yin = /[（(]音[)）,，]/g;
  for (let m = yin.exec(text); m; m = yin.exec(text)) {
    for (const len of [3, 2]) {
      const s = m.index - len;
      if (s < 0) continue;
      const name = text.slice(s, m.index);
      if ([...name].every((c) => isHan(c)) && (SURNAMES.has(name[0]) || len === 2)) {
        out.push({ start: s, end: m.index, kind: 'person', name, aliases: [], tier: 1 });
        break;
      }
    }
  }
  for (const title of NAME_TITLES_AFTER) {
    for (let j = text.indexOf(title); j >= 0; j = text.indexOf(title, j + 1)) {
      for (const len of [3, 2]) {
        const s = j - len;
        if (s < 0) continue;
        const before = text[s - 1];
        if (isHan(before) && !/[的在和与对向据年了是被由及、]/.test(before)) continue;
        const name = chineseNameAt(res, text, s);
        if (name && name.length === len) {
          out.push({ start: s, end: j, kind: 'person', name, aliases: [], tier: 3 });
          break;
        }
      }
    }
  }
  // “……，”郑文杰在英国港侨协会办事处发表讲话时说: a Chinese name right after a quotation, speaking.
  for (let i = text.indexOf('”'); i >= 0; i = text.indexOf('”', i + 1)) {
    const name = chineseNameAt(res, text, i + 1);
    if (!name) continue;
    for (let k = i + 1 + name.length; k < Math.min(text.length, i + 40); k++) {
      if (CLAUSE_OR_STOP_T[text.charCodeAt(k)]) break;
      if (isSpeechVerbAt(text, k)) {
        out.push({ start: i + 1, end: i + 1 + name.length, kind: 'person', name, aliases: [], tier: 3 });
        break;
      }
    }
  }
  // 38岁的卫志良: an age introduces a person.
  for (const m of text.matchAll(/\d+岁的/g)) {
    const p = m.index + m[0].length;
    const name = chineseNameAt(res, text, p);
    if (name) out.push({ start: p, end: p + name.length, kind: 'person', name, aliases: [], tier: 3 });
  }
  // 约克郡, 泰晤士河: a transliteration with a place suffix is a place.
  for (const m of text.matchAll(/[郡州县河湾岛]/g)) {
    let s0 = m.index;
    while (s0 > 0 && m.index - s0 < 6 && TRANSLIT_CHARS.has(text[s0 - 1])) s0--;
    while (s0 < m.index - 2 && (TRANSLIT_BAD_START.has(text[s0]) || text[s0] === '于')) s0++;
    const name = text.slice(s0, m.index + 1);
    if (m.index - s0 >= 2 && !res.pos.has(name) && !res.pos.has(text.slice(s0, m.index))) {
      out.push({ start: s0, end: m.index + 1, kind: 'place', name, aliases: [], tier: 3 });
    }
  }
  // 罗德岛州克兰斯顿前市长冯伟杰: a transliterated name before a local office is a town.
  for (const m of text.matchAll(/[前原现]?(?:市长|州长|镇长|市议员|县长)/g)) {
    let s0 = m.index;
    while (s0 > 0 && m.index - s0 < 6 && TRANSLIT_CHARS.has(text[s0 - 1])) s0--;
    if (m.index - s0 >= 2 && !res.pos.has(text.slice(s0, m.index))) {
      out.push({
        start: s0,
        end: m.index,
        kind: 'place',
        name: text.slice(s0, m.index),
        aliases: [],
        tier: 3,
      });
    }
  }
  // “……，”布鲁基说: a transliterated subject right after a quotation or clause break.
  for (let i = 0; i < text.length; i++) {
    if (i > 0 && !CLAUSE_OR_STOP_T[text.charCodeAt(i - 1)]) continue;
    if (!TRANSLIT_T[text.charCodeAt(i)]) continue;
    const k = translitRunRight(text, i, 7);
    if (k - i < 2 || !isSpeechVerbAt(text, k)) continue;
    const name = text.slice(i, k);
    // 多次提到: ordinary words made of transliteration characters.
    const tag = res.pos.get(name) ?? res.pos.get(name.slice(0, -1));
    if (tag && !/^(?:nr|nrt|nrfg)$/.test(tag)) continue;
    if (!TRANSLIT_BAD_END.has(name[name.length - 1]))
      out.push({ start: i, end: k, kind: 'person', name, aliases: [], tier: 3 });
  }
}

/** Latin-script names inside Chinese text: Olivia Wang对本文有报道贡献, Graphika首席情报官. */
function latinNames(text: string, out: Span[]): void {
  if (!/[A-Z]/.test(text)) return;
  const re = /[A-Z][A-Za-z0-9.&'’-]*(?:\s(?:[A-Z][A-Za-z0-9.&'’-]*|of|and|de|von))*/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const surface = m[0].replace(/[.\s]+$/, '');
    const after = text.slice(m.index + surface.length, m.index + surface.length + 6);
    const before = text.slice(Math.max(0, m.index - 6), m.index);
    if (/[（(]$/.test(before)) continue;
    const words = surface.split(/\s+/);
    if (
      words.length >= 2 &&
      words.length <= 4 &&
      PERSON_EN.test(surface) &&
      /^(?:对本文|说|表示|写道|称|是|在)/.test(after)
    ) {
      out.push({
        start: m.index,
        end: m.index + surface.length,
        kind: 'person',
        name: surface,
        aliases: [],
        tier: 2,
      });
    } else if (
      (LATIN_ORG_CUES_AFTER.test(after) || LATIN_ORG_CUES_BEFORE.test(before)) &&
      surface.length >= 3
    ) {
      if (/^(?:GDP|CEO|AI|App|iPhone|ChatGPT|COVID)$/i.test(surface)) continue;
      if (words.length >= 2 && PERSON_EN.test(surface) && !ORG_EN_WORDS.test(surface)) continue;
      out.push({
        start: m.index,
        end: m.index + surface.length,
        kind: 'org',
        name: surface,
        aliases: [],
        tier: 2,
      });
    }
  }
}

/** Scratch coverage buffer of selectSpans, reused between calls (extraction is synchronous). */
let usedBuf = new Uint8Array(4096);

/** Greedy choice of non-overlapping spans: longer first, then stronger tier, then earlier. */
export function selectSpans(cands: Span[]): Span[] {
  const sorted = [...cands].sort(
    (a, b) => b.end - b.start - (a.end - a.start) || a.tier - b.tier || a.start - b.start,
  );
  const taken: Span[] = [];
  let size = 1;
  for (const c of cands) if (c.end + 1 > size) size = c.end + 1;
  if (usedBuf.length < size) usedBuf = new Uint8Array(Math.max(size, 2 * usedBuf.length));
  const used = usedBuf;
  used.fill(0, 0, size);
  for (const c of sorted) {
    let free = true;
    for (let i = c.start; i < c.end; i++) if (used[i]) free = false;
    if (!free) continue;
    for (let i = c.start; i < c.end; i++) used[i] = 1;
    taken.push(c);
  }
  return taken.sort((a, b) => a.start - b.start);
}

/** English names in brackets: alias of the name before them, or a new name when none was found. */
function bracketPairs(res: Resources, gaz: Gazetteer, seg: Segment): void {
  const re = /[（(]([^()（）]{1,80})[)）]/g;
  const { text } = seg;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const inner = m[1].trim();
    if (!/^[A-Za-z#]/.test(inner) || /^#/.test(inner)) continue;
    const at = m.index;
    if (text[at - 1] === '》' || text[at - 1] === '”') continue;
    const words = inner.split(/\s+/);
    // One English word is a brand or an organization (耐克(Nike)) unless the text introduces a
    // person (妻子梅根(Meghan)); 2-5 capitalised words without organization words are a person.
    const head = text.slice(0, at).replace(/[\p{Script=Han}]{1,4}$/u, '');
    const introduced = ANCHORS.some((a) => head.endsWith(a));
    const personLike =
      PERSON_EN.test(inner) &&
      words.length <= 5 &&
      !ORG_EN_WORDS.test(inner) &&
      !inner.includes('&') &&
      (words.length >= 2 || introduced) &&
      !gaz.latin.has(inner.toLowerCase());
    const acronym = /^[A-Z][A-Z0-9&.-]{1,7}$/.test(inner);
    const prev = seg.spans.find((s) => s.end === at);
    if (prev) {
      if (prev.kind === 'person' && !personLike) continue;
      if (prev.kind !== 'person' && personLike && inner.split(/\s+/).length >= 2 && !acronym) continue;
      // Copy on write: gazetteer spans share their entry's alias list.
      for (const c of seg.cands)
        if (c.start === prev.start && c.end === prev.end) c.aliases = [...c.aliases, inner];
      continue;
    }
    if (acronym) continue;
    // 萨克拉门托(Sacramento): one English word after a transliteration could be a place, a person
    // or a brand; without a name before it there is nothing safe to create.
    if (words.length === 1 && !personLike) {
      const before = /[\p{Script=Han}]{2,8}$/u.exec(text.slice(0, at))?.[0] ?? '';
      const tail = before.slice(-4);
      if ([...tail].every((c) => TRANSLIT_CHARS.has(c))) continue;
    }
    const { tokens, starts } = seg;
    let t = tokens.findIndex((tok, i) => starts[i] + tok.length === at);
    if (t < 0) continue;
    if (personLike) {
      const noble = /^(?:Prince|Princess|King|Queen)\s/.test(inner);
      let start = at;
      for (; t >= 0; t--) {
        const tok = tokens[t];
        if (!isHan(tok[0]) || ROLE_SET.has(tok) || ANCHORS.includes(tok) || STOP_ENTITIES.has(tok)) break;
        // 风险投资家谢家华: a one-character role suffix ends the walk.
        if (tok.length === 1 && /[家人者员师手长官士生]/.test(tok) && start < at) break;
        if (seg.spans.some((s) => s.start <= starts[t] && s.end > starts[t])) break;
        if (posOf(res, tok) === 'uj' || posOf(res, tok) === 'p' || posOf(res, tok) === 'c') break;
        if (at - starts[t] > (noble ? 6 : 4)) break;
        start = starts[t];
      }
      // The Chinese side must look like a name: a Chinese surname first, or all transliteration
      // characters (年朴赞郁 -> 朴赞郁; 档案馆 is not a name).
      const looksLikeName = (n: string): boolean =>
        SURNAMES.has(n[0]) ||
        COMPOUND_SURNAMES.some((c) => n.startsWith(c)) ||
        [...n].every((c) => TRANSLIT_CHARS.has(c));
      while (at - start > 2 && /[\d年月日的了是在和与及等为被将对向从]/.test(text[start])) start++;
      const name = text.slice(start, at);
      const tag = res.pos.get(name);
      if (
        at - start < 2 ||
        (!noble && !looksLikeName(name) && name.length > 3) ||
        (tag && !/^(?:nr|nrt|nrfg)$/.test(tag))
      ) {
        continue;
      }
      seg.cands.push({ start, end: at, kind: 'person', name, aliases: [inner], tier: 1 });
    } else {
      let start = at;
      for (let k = 0; t >= 0 && k < 5; t--, k++) {
        const tok = tokens[t];
        const tag = posOf(res, tok);
        if (PUNCT.has(tok) || ORG_STOP_WORDS.has(tok) || !ORG_BODY_TAGS.has(tag) || ROLE_SET.has(tok)) break;
        start = starts[t];
      }
      if (at - start < 2) continue;
      // 苹果(Apple): a known English name decides which organization the Chinese words mean.
      const known = gaz.latin.get(inner.toLowerCase());
      const surface = text.slice(start, at);
      if (known && known.kind !== 'person') {
        seg.cands.push({
          start,
          end: at,
          kind: known.kind,
          name: known.name,
          aliases: [...known.aliases, surface],
          tier: 1,
        });
      } else {
        seg.cands.push({ start, end: at, kind: 'org', name: surface, aliases: [inner], tier: 1 });
      }
    }
  }
}

export function baseCandidates(res: Resources, gaz: Gazetteer, seg: Segment): void {
  const cands: Span[] = [];
  gazetteerMatches(gaz, null, seg.text, cands);
  royalNames(res, seg.text, cands, cands);
  dottedNames(seg.text, cands, res.pos);
  seg.cands = cands;
  orgBySuffix(res, gaz.countries, seg, cands);
  anchoredNames(res, seg.text, cands);
  latinNames(seg.text, cands);
  seg.spans = selectSpans(cands);
  const before = seg.cands.length;
  bracketPairs(res, gaz, seg);
  // Without new candidates the selection is the same (bracket aliases do not change positions).
  if (seg.cands !== cands || seg.cands.length !== before) seg.spans = selectSpans(seg.cands);
}

/** Whether `cands` has `s`'s name at `s`'s place (a function: no closure per span). */
function hasSameCandidate(cands: Span[], s: Span): boolean {
  for (const c of cands) if (c.start === s.start && c.end === s.end && c.name === s.name) return true;
  return false;
}

/** `cands` without the weaker (tier > 1) readings of exactly `s`'s place. */
function withoutWeakerAt(cands: Span[], s: Span): Span[] {
  return cands.filter((c) => !(c.start === s.start && c.end === s.end && c.tier > 1));
}

/** Second pass: names found anywhere in the article (full names and safe short forms) everywhere. */
export function localPass(gaz: Gazetteer, local: LocalLexicon, seg: Segment): void {
  const extra: Span[] = [];
  gazetteerMatches(gaz, local, seg.text, extra);
  if (extra.length === 0) return;
  for (const s of extra) {
    if (s.tier !== 1 || hasSameCandidate(seg.cands, s)) continue;
    // The article-level name (娜塔莎·库尔特 for a bare 库尔特) replaces a weaker reading of the same span.
    seg.cands = withoutWeakerAt(seg.cands, s);
    seg.cands.push(s);
  }
  seg.spans = selectSpans(seg.cands);
}

export { isHan, PUNCT, CLAUSE_BREAK, ROLES_DESC, SPEECH_DESC };
export type { LexEntry };
