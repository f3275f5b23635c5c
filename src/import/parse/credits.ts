import { collapseText } from './text';

/**
 * Credits name the newsroom itself when no person is credited (`《纽约时报》` as byline, `翻译：纽约时报中文网`).
 * Those are not people: keeping them would make the newsroom an author/translator Person in the graph.
 */
const INSTITUTIONAL = /^(《?纽约时[报候]》?(中文网)?|the new york times|new york times|nyt|staff)$/i;

/**
 * Bylines that credit a newsroom, a desk or a wire rather than a person ("BBC News", "Our Foreign Staff",
 * "WebMD Health News", "Reuters", "Associated Press"): never Person authors.
 */
const NEWSROOM =
  /\b(news|staff|desk|editors?|editorial|reporters|correspondents?|bureau|agency|wire|press|reuters|times|post|journal|magazine|media|online|team|digital|\.com)\b/i;

const MONTH_WORD = '(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\\.?';

/** A date or time glued to or following the names ("Lucas Nolan22 Dec 2016651", "Nathan Willis March 25, 2015"). */
const TRAILING_DATE = new RegExp(
  `\\s*(?:\\d{1,2}\\s+${MONTH_WORD}\\s+\\d{4}|${MONTH_WORD}\\s+\\d{1,2},?\\s+\\d{4}|\\d{4}-\\d{2}-\\d{2}|(?:updated|published|posted|last updated)\\b).*$`,
  'i',
);

/**
 * Person names from a byline as pages print it: "By Erin Cunningham", "by Lucas Nolan22 Dec 2016651",
 * "By Brenda Goodman, MA\n WebMD Health News", "Written by X\n Edited by Y", "April 28, 2019 at 6:01 am".
 * Only the first line counts (the next ones are desks, dates and editors); academic degrees, dates and
 * newsroom credits are dropped. Returns [] when no person is named.
 */
export function bylineNames(raw: string | null | undefined): string[] {
  if (!raw) return [];
  const first =
    raw
      .trim()
      .replace(/^(?:(?:written|posted|reported|story|words)\s+)?by[:\s]+/i, '')
      .split(/\n|\s{3,}|\s+[|•]\s+/)[0] ?? '';
  const text = collapseText(first)
    .replace(TRAILING_DATE, '')
    .replace(/,?\s+(?:MA|MS|MD|PhD|Ph\.D\.|MPH|RN|Jr\.?|Sr\.?)(?=$|,)/g, '')
    .trim();
  if (text === '' || /\d/.test(text) || /^(?:last\s+)?updated\b/i.test(text)) return [];
  // A person in a byline has a given name and a surname; one word is a handle, an initial or a desk.
  const names = parseByline(text).filter((name) => {
    const words = name.split(' ').length;
    return !NEWSROOM.test(name) && words >= 2 && words <= 5;
  });
  return looksLikeNames(names) ? names : [];
}

/** Splits a list of names on `,` `，` `、` `;` `和` `与` `及` `and` `&` and drops duplicates (keeping order). */
export function splitNames(raw: string): string[] {
  const parts = collapseText(raw)
    .split(/\s*(?:[,，、;；&]|\band\b|和|与|及)\s*/i)
    .map((part) => part.trim())
    .filter((part) => part !== '');
  return dedupe(parts);
}

function dedupe(names: string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const name of names) {
    const key = name.toLowerCase();
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(name);
  }
  return out;
}

function capitalize(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1).toLowerCase();
}

/**
 * Bylines are set in capitals ("DAVID PIERSON", "CHOE SANG-HUN"): each all-caps Latin token is title-cased,
 * hyphen and apostrophe parts too (Sang-Hun, O'Brien), and `McCABE` becomes McCabe. Initials with dots
 * (J.X.), mixed-case tokens and Chinese names are left as written.
 */
export function normalizeName(raw: string): string {
  const name = collapseText(raw);
  return name
    .split(' ')
    .map((token) => {
      const mc = /^(Mc|Mac)([A-Z]{2,})$/.exec(token);
      if (mc) return mc[1] + capitalize(mc[2]);
      if (/^[A-Z]{2,}(?:['’-][A-Z]+)*$/.test(token) || /^[A-Z](?:['’-][A-Z]+)+$/.test(token)) {
        return token.replace(/[A-Z]+/g, capitalize);
      }
      return token;
    })
    .join(' ');
}

function cleanNames(names: string[]): string[] {
  return dedupe(
    names
      .map((name) => normalizeName(name.replace(/[\s。.；;：:\-—]+$/, '')))
      .filter((name) => name !== '' && !INSTITUTIONAL.test(name)),
  );
}

/**
 * A credit names people, not sentences: a body sentence that happens to contain "contributed reporting" or
 * 贡献 must not become a list of contributors. Names are short and, in Latin script, capitalized.
 */
function looksLikeNames(names: string[]): boolean {
  return (
    names.length > 0 &&
    names.every(
      (name) =>
        name.length <= 40 && (!/[A-Za-z]/.test(name) || /^[A-Z][^\s]*(\s+[A-Z][^\s]*){0,4}$/.test(name)),
    )
  );
}

/** A byline: "本文作者：X", "By X and Y", "X, Y". */
export function parseByline(raw: string): string[] {
  const text = collapseText(raw)
    .replace(/^(本文作者|作者|文)\s*[:：]?\s*/, '')
    .replace(/^by\s+/i, '');
  return cleanNames(splitNames(text));
}

const CREDIT_CLAUSE_END =
  /(?:也)?(?:对本文(?:的)?(?:有|作出了|做出了)?|有)(?:报道|研究|采访|写作)?(?:和(?:报道|研究))?$/;

/**
 * Contributors: "X对本文有报道贡献", "X和Y对本文有研究贡献", "X对本文有报道贡献、Y有研究贡献", "Chau Doan自越南河内、
 * Elaine Yu自香港对本文有报道贡献" (the `自<place>` part is where they reported from, and sometimes is the only
 * separator between names), "X and Y contributed reporting". Returns [] when the sentence is no such credit.
 */
export function parseContributors(sentence: string): string[] {
  const text = collapseText(sentence).replace(/[(（][^)）]*[)）]/g, '');
  if (/对本文.*贡献/.test(text)) {
    const clauses = text.split(/贡献/).slice(0, -1);
    // Every clause must end the way credits do ("…对本文有报道", "…有研究"); anything else is body text.
    if (!clauses.every((clause) => CREDIT_CLAUSE_END.test(clause))) return [];
    const names = clauses.map((clause) =>
      clause
        .replace(/^[，,、。；;\s]+/, '')
        .replace(CREDIT_CLAUSE_END, '')
        .replace(/自[\u4e00-\u9fff]+/g, '、'),
    );
    const found = cleanNames(names.flatMap(splitNames));
    return looksLikeNames(found) ? found : [];
  }
  const en = /^(.+?)\s+contributed\s+(?:reporting|research)/i.exec(text);
  if (!en) return [];
  const found = cleanNames(splitNames(en[1]).map((name) => name.replace(/\s+(?:from|in)\s.*$/i, '').trim()));
  return looksLikeNames(found) ? found : [];
}

const TRANSLATOR = /^(?:翻译|翻譯|编译|編譯|译者|譯者|translated by)\s*[:：]?\s*(.+)$/i;

/** "翻译：杜然、Harry Wong" -> ["杜然", "Harry Wong"]; null when the line is not a translator credit. */
export function parseTranslators(line: string): string[] | null {
  const match = TRANSLATOR.exec(collapseText(line));
  if (!match) return null;
  return cleanNames(splitNames(match[1]));
}

export interface ImageCredit {
  photographer: string | null;
  agency: string | null;
}

/** Credits that name only an organization, never a photographer. */
const AGENCY_WORDS =
  /(reuters|associated press|agence france|getty|afp|\bepa\b|shutterstock|xinhua|bloomberg|sputnik|kyodo|yonhap|tass|pool|\bap\b|\bvia\b|news agency|ministry|office|government|army|navy|command|handout|courtesy|press|times|post|images|photos?|社$|新华|美联|路透|法新|盖蒂|官方|政府|部$)/i;

/**
 * Reads a photo credit: "Name/Agency" -> both; "Name for The New York Times" -> Name + The New York Times;
 * "Pool photo by Name" -> Name; a credit that is only an organization (Reuters, Agence France-Presse — Getty
 * Images, 美联社, "Yonhap, via EPA") -> agency only; any other bare name -> photographer only.
 */
export function parseImageCredit(raw: string | null): ImageCredit {
  const credit = raw ? collapseText(raw) : '';
  if (credit === '' || /^sources?\s*[:：]/i.test(credit)) return { photographer: null, agency: null };
  // "Illustration by X/NYT; photograph by Y/Getty": the first credit is the one for the image as a whole.
  const first = credit.split(/\s*;\s*/)[0];
  const text = first.replace(/^(?:pool\s+)?(?:photo(?:graph)?s?|illustration|image)\s+by\s+|^by\s+/i, '');
  const byPrefix = text !== first;
  const forMatch = /^(.+?)\s+for\s+(.+)$/i.exec(text);
  if (forMatch) return { photographer: normalizeName(forMatch[1]), agency: forMatch[2].trim() };
  const slash = text.indexOf('/');
  if (slash > 0) {
    const left = text.slice(0, slash).trim();
    const right = text.slice(slash + 1).trim() || null;
    // "CFOTO/Future Publishing": an all-caps single token on the left is an agency's short name, not a person.
    if (/^[A-Z0-9]+$/.test(left) || AGENCY_WORDS.test(left)) return { photographer: null, agency: text };
    return { photographer: normalizeName(left), agency: right };
  }
  if (!byPrefix && AGENCY_WORDS.test(text)) return { photographer: null, agency: text };
  return { photographer: normalizeName(text), agency: null };
}
