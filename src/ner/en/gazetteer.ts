import countries from 'i18n-iso-countries';
import enLocale from 'i18n-iso-countries/langs/en.json';
import { KNOWN_ORGS, KNOWN_PERSONS } from '../../import/extract/lexicon';

/**
 * Name lists for the English tagger's gazetteer features (never a decision by themselves: the model
 * learns how much each list is worth). Countries come from i18n-iso-countries; the rest are broad,
 * reviewed lists of US states, world cities and regions, common given names, organization heads, and
 * the Latin names of the extractor's own lexicon. Kept in code so a model and its features travel together.
 */
export type GazKind = 'country' | 'place' | 'given' | 'org' | 'orgword' | 'person';

const STATES =
  'Alabama Alaska Arizona Arkansas California Colorado Connecticut Delaware Florida Georgia Hawaii Idaho Illinois Indiana Iowa Kansas Kentucky Louisiana Maine Maryland Massachusetts Michigan Minnesota Mississippi Missouri Montana Nebraska Nevada Ohio Oklahoma Oregon Pennsylvania Tennessee Texas Utah Vermont Virginia Washington Wisconsin Wyoming|New Hampshire|New Jersey|New Mexico|New York|North Carolina|North Dakota|Rhode Island|South Carolina|South Dakota|West Virginia';

const CITIES =
  'London Paris Berlin Moscow Brussels Rome Milan Madrid Barcelona Lisbon Amsterdam Geneva Zurich Vienna Warsaw Prague Budapest Belgrade Athens Stockholm Oslo Helsinki Copenhagen Dublin Edinburgh Manchester Munich Frankfurt Hamburg Bonn Istanbul Ankara Cairo Nairobi Johannesburg Lagos Tokyo Osaka Kyoto Seoul Pyongyang Beijing Shanghai Shenzhen Guangzhou Wuhan Tianjin Chongqing Taipei Bangkok Hanoi Manila Jakarta Singapore Sydney Melbourne Canberra Wellington Auckland Delhi Mumbai Bangalore Karachi Islamabad Kabul Tehran Baghdad Damascus Beirut Jerusalem Riyadh Dubai Doha Kiev Kyiv Kharkiv Odessa Minsk Toronto Vancouver Ottawa Montreal Chicago Boston Seattle Houston Miami Atlanta Philadelphia Detroit Dallas Denver Phoenix Baltimore Brooklyn Manhattan Harlem Havana Caracas Lima Bogota Santiago Tunis Tripoli Benghazi Algiers Rabat Khartoum Gaza Hong Kong Macau Europe Asia Africa America Americas Antarctica Siberia Crimea Donbas Balkans Caucasus Scandinavia|Los Angeles|San Francisco|Las Vegas|New Delhi|Buenos Aires|Rio de Janeiro|Sao Paulo|Mexico City|Tel Aviv|Abu Dhabi|St. Petersburg|Saint Petersburg|Middle East|Latin America|North America|South America|Southeast Asia|East Asia|South Asia|Central Asia|North Africa|West Africa|East Africa|Eastern Europe|Western Europe|Silicon Valley|Wall Street|West Bank|Gaza Strip|Persian Gulf|South China Sea|Taiwan Strait|Korean Peninsula|Pacific Ocean|Atlantic Ocean|Indian Ocean|Washington D.C.|Washington, D.C.';

const GIVEN =
  'James John Robert Michael William David Richard Joseph Thomas Charles Christopher Daniel Matthew Anthony Mark Donald Steven Paul Andrew Joshua Kenneth Kevin Brian George Timothy Ronald Edward Jason Jeffrey Ryan Jacob Gary Nicholas Eric Jonathan Stephen Larry Justin Scott Brandon Benjamin Samuel Gregory Alexander Frank Patrick Raymond Jack Dennis Jerry Tyler Aaron Jose Adam Nathan Henry Douglas Zachary Peter Kyle Ethan Walter Noah Jeremy Christian Keith Roger Terry Gerald Harold Sean Austin Carl Arthur Lawrence Dylan Jesse Jordan Bryan Billy Joe Bruce Gabriel Logan Albert Willie Alan Juan Wayne Elijah Randy Roy Vincent Ralph Eugene Russell Bobby Mason Philip Louis Mary Patricia Jennifer Linda Elizabeth Barbara Susan Jessica Sarah Karen Lisa Nancy Betty Margaret Sandra Ashley Kimberly Emily Donna Michelle Carol Amanda Dorothy Melissa Deborah Stephanie Rebecca Sharon Laura Cynthia Kathleen Amy Angela Shirley Anna Brenda Pamela Emma Nicole Helen Samantha Katherine Christine Debra Rachel Carolyn Janet Catherine Maria Heather Diane Ruth Julie Olivia Joyce Virginia Victoria Kelly Lauren Christina Joan Evelyn Judith Megan Andrea Cheryl Hannah Jacqueline Martha Gloria Teresa Ann Sara Madison Frances Kathryn Janice Jean Abigail Alice Judy Sophia Grace Denise Amber Doris Marilyn Danielle Beverly Isabella Theresa Diana Natalie Brittany Charlotte Marie Kayla Alexis Lori Angela Vladimir Boris Sergei Dmitri Igor Mikhail Viktor Alexei Yuri Ivan Oleg Nikolai Pavel Andrei Jean Pierre Jacques Francois Emmanuel Nicolas Angela Helmut Gerhard Wolfgang Hans Klaus Jurgen Karl Heinz Carlos Luis Miguel Jorge Pedro Antonio Manuel Francisco Javier Fernando Ricardo Eduardo Giuseppe Giovanni Marco Mario Silvio Matteo Ahmed Mohammed Mohamed Muhammad Ali Hassan Hussein Omar Abdul Abdullah Ibrahim Mahmoud Khalid Yusuf Benjamin Shinzo Yoshihiko Naoto Kim Lee Park Narendra Rahul Sonia Nelson Jacob Kofi Barack Hillary Bill Joe Kamala Nancy Mitch Chuck Bernie Elizabeth Rishi Boris Theresa Tony Gordon Keir Olaf Emmanuel Recep Volodymyr Justin Xi Jinping Li Wang Zhang Liu Chen Yang Huang Zhao Wu Zhou';

const ORG_WORDS =
  'Inc Inc. Corp Corp. Co Co. Ltd Ltd. LLC PLC plc AG SA NV GmbH Group Holdings Bank Fund Council Commission Committee Agency Authority Institute Institution University College School Academy Foundation Association Society Union Federation League Party Ministry Department Office Bureau Service Services Court Parliament Congress Senate Assembly Army Navy Police Corporation Company Airlines Airways Motors Systems Technologies Times Post Journal News Press Review Network Television TV Radio Club United City Rovers Athletic Hospital Center Centre Organization Organisation Forum Alliance Coalition Board Exchange Reserve Trust Partners Capital Securities Insurance Energy Oil Petroleum Industries Labs Laboratory Laboratories Church Mission Tribunal Cabinet Government Administration Embassy Consulate Brigade Guard Force Forces Command';

function add(map: Map<string, Set<GazKind>>, phrase: string, kind: GazKind): void {
  const key = phrase.trim().toLowerCase();
  if (!key) return;
  let set = map.get(key);
  if (!set) map.set(key, (set = new Set()));
  set.add(kind);
}

const words = (list: string): string[] =>
  list.split('|').flatMap((part, i) => (i === 0 ? part.split(/\s+/) : [part.trim()]));

interface Gaz {
  phrases: Map<string, Set<GazKind>>;
  /** Every phrase's leading words ("new", "new york"): a scan stops at the first miss. */
  prefixes: Set<string>;
  maxLen: number;
}

let cached: Gaz | null = null;

/** Lower-cased phrase -> the lists it is on; `maxLen` is the longest phrase in tokens. */
export function gazetteer(): Gaz {
  if (cached) return cached;
  const phrases = new Map<string, Set<GazKind>>();
  countries.registerLocale(enLocale);
  for (const names of Object.values(countries.getNames('en', { select: 'all' })))
    for (const name of names) add(phrases, name.replace(/,/g, ' ,'), 'country');
  for (const extra of [
    'Britain',
    'Great Britain',
    'England',
    'Scotland',
    'Wales',
    'U.S.',
    'US',
    'USA',
    'U.K.',
    'UK',
    'Soviet Union',
    'Taiwan',
  ])
    add(phrases, extra, 'country');
  for (const w of words(STATES)) add(phrases, w, 'place');
  for (const w of words(CITIES)) add(phrases, w, 'place');
  for (const w of words(GIVEN)) add(phrases, w, 'given');
  for (const w of words(ORG_WORDS)) add(phrases, w, 'orgword');
  const latin = (s: string) => /^[A-Za-z]/.test(s);
  for (const names of KNOWN_ORGS) for (const n of names.filter(latin)) add(phrases, n, 'org');
  for (const names of KNOWN_PERSONS) for (const n of names.filter(latin)) add(phrases, n, 'person');
  let maxLen = 1;
  const prefixes = new Set<string>();
  for (const key of phrases.keys()) {
    const parts = key.split(' ');
    maxLen = Math.max(maxLen, parts.length);
    for (let k = 1; k <= parts.length; k++) prefixes.add(parts.slice(0, k).join(' '));
  }
  cached = { phrases, prefixes, maxLen: Math.min(maxLen, 6) };
  return cached;
}
