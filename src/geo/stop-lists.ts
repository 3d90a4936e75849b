/**
 * The place stage's stop lists (data/geo/stopwords.json, data/geo/common-words.json), folded
 * once so the stage compares keys only.
 */
import { readDataJson } from '../data.js';
import { foldKey } from './normalize.js';

export interface StopLists {
  /**
   * Single words never read as places on their own, as written (lower case, without accents):
   * a stop word is a word, not a romanisation, so "SANA" (the news agency) does not stop "Sanaa"
   * though both fold to one gazetteer key.
   */
  words: Set<string>;
  /** Place names that are also common lower-case English words ("police", "mobile"). */
  common: Set<string>;
  /** Folded organisation names, grouped by their first word. */
  orgsByFirst: Map<string, OrgGroup>;
  /** Folded person titles ("president", "prime minister"), grouped by their last word. */
  titles: Set<string>;
  /** Capitalised words that may follow a place name ("university", "province"). */
  facilities: Set<string>;
  /** Folded names of missions and monitors mandated to one country (data/geo/missions.json) → ISO3. */
  missions: Map<string, string>;
}

/** The organisation names that begin with one word, and every leading part of them. */
export interface OrgGroup {
  names: Set<string>;
  /** Every prefix of every name, letter by letter ("h", "hu", ... "human rights watch"). */
  prefixes: Set<string>;
}

interface StopwordsFile {
  words: string[];
  orgs: string[];
  /** Fixed phrases that hold a place word but name no place: "US dollar" in a Lebanon story. */
  terms?: string[];
  titles: string[];
  facilities: string[];
}

interface MissionsFile {
  entries: Array<{ iso3: string; names: string[]; source: string }>;
}

/** A word as the stop list compares it: lower case, no accents, no apostrophes or dots. */
export function plainWord(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}+/gu, '').toLowerCase().replace(/['’.]/g, '');
}

/** True when the word, as written, is a stop word. */
export function isStopWord(stops: StopLists, text: string): boolean {
  return stops.words.has(plainWord(text));
}

export function loadStopLists(): StopLists {
  const file = readDataJson<StopwordsFile>('geo', 'stopwords.json');
  const common = readDataJson<string[]>('geo', 'common-words.json');
  const missions = new Map<string, string>();
  for (const entry of readDataJson<MissionsFile>('geo', 'missions.json').entries) {
    for (const name of entry.names) missions.set(foldKey(name), entry.iso3);
  }
  const orgsByFirst = new Map<string, OrgGroup>();
  // Terms and missions are matched and skipped exactly as organisation names are.
  for (const org of [...file.orgs, ...(file.terms ?? []), ...missions.keys()]) {
    const key = foldKey(org);
    const first = key.split(' ')[0] ?? '';
    let group = orgsByFirst.get(first);
    if (!group) orgsByFirst.set(first, (group = { names: new Set(), prefixes: new Set() }));
    group.names.add(key);
    for (let n = 0; n <= key.length; n++) group.prefixes.add(key.slice(0, n));
  }
  return {
    words: new Set(file.words.map(plainWord)),
    common: new Set(common),
    orgsByFirst,
    titles: new Set(file.titles.map((t) => foldKey(t).split(' ').pop() ?? '')),
    facilities: new Set(file.facilities.map(foldKey)),
    missions,
  };
}
