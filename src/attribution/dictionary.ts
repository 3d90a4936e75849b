/**
 * The source dictionary (`data/attribution/sources.json`): cited bodies with their aliases,
 * generic phrases that stand for the last one named ("the monitor"), and the word lists the
 * phrase reader needs. Compiled once into look-up tables keyed by a phrase's first word, so a
 * document is scanned for names in one pass without a giant regex.
 */
import { readDataJson } from '../data.js';

export type SourceKind = 'monitor' | 'ngo' | 'un' | 'state-media' | 'media' | 'ministry' | 'military' | 'police';

export interface SourceEntry {
  name: string;
  kind: SourceKind;
  iso3: string | null;
  aliases: string[];
  /** Short names that stand for this entry only once the document has named it ("the Observatory"). */
  short: string[];
  /** True for generic bodies ("army", "Defence Ministry") named only with a country: "Military Forces of Ukraine". */
  qualified?: boolean;
}

export interface GenericGroup {
  kinds: SourceKind[];
  /** How far back (UTF-16 units) the named body may be; null for anywhere earlier. */
  near: number | null;
  phrases: string[];
}

export interface SourceData {
  sources: SourceEntry[];
  generic: GenericGroup[];
  titles: string[];
  verbs: string[];
  /** Verbs that may come before the cited words: "said X" (but not "blamed X"). */
  invertibleVerbs: string[];
  sourceNouns: string[];
  modifiers: string[];
  temporal: string[];
}

interface CountryRow {
  name: string;
  iso3: string;
  aliases: string[];
  demonyms: string[];
}

export interface Country {
  name: string;
  iso3: string;
}

export interface SourceDictionary {
  data: SourceData;
  /** Country names, aliases and demonyms (lower-cased) → the country. */
  countries: ReadonlyMap<string, Country>;
}

export function loadSourceDictionary(): SourceDictionary {
  const data = readDataJson<SourceData>('attribution', 'sources.json');
  const rows = readDataJson<CountryRow[]>('countries.json');
  const countries = new Map<string, Country>();
  for (const row of rows) {
    const country = { name: row.name, iso3: row.iso3 };
    for (const form of [row.name, ...row.aliases, ...row.demonyms]) countries.set(form.toLowerCase(), country);
  }
  return { data, countries };
}

/** One way of writing a name, split into words for the first-word index. */
export interface Alias {
  words: string[];
  /** `words` lower-cased once, for the case-insensitive comparison. */
  lowerWords: string[];
  entry: SourceEntry;
  /** Acronyms and capitalised names must match in case ("WHO", not "who"). */
  caseSensitive: boolean;
  short: boolean;
}

export interface SourceTables {
  byFirstWord: ReadonlyMap<string, Alias[]>;
  generic: ReadonlyMap<string, GenericGroup>;
  titles: ReadonlySet<string>;
  verbs: ReadonlySet<string>;
  invertibleVerbs: ReadonlySet<string>;
  sourceNouns: ReadonlySet<string>;
  modifiers: ReadonlySet<string>;
  temporal: ReadonlySet<string>;
  countries: ReadonlyMap<string, Country>;
  /** Dictionary entries by kind, for "Syrian state media" → the Syrian state agency. */
  entries: readonly SourceEntry[];
}

/** Splits a name the way `tokenize` splits text, so both index and look-up agree. */
export function nameWords(name: string): string[] {
  return name.match(WORD_SOURCE) ?? [];
}

/**
 * Words, with inner dots, hyphens and apostrophes; the possessive "'s" is its own word. Letters
 * are Latin, Greek and Cyrillic, spelled as ranges so the regex needs no `u` flag (much faster).
 */
const L = 'A-Za-z\\u00C0-\\u024F\\u0370-\\u03FF\\u0400-\\u04FF';
export const WORD_SOURCE = new RegExp(
  `[${L}](?:\\.[${L}])+\\.?|[${L}](?:[${L}0-9&-]|['’](?!s(?![${L}]))(?=[${L}]))*|[0-9]+|['’]s(?![${L}])|[^\\s${L}0-9]`,
  'g',
);

function addAlias(index: Map<string, Alias[]>, text: string, entry: SourceEntry, short: boolean): void {
  const words = nameWords(text);
  const first = words[0];
  if (!first) return;
  const caseSensitive = /\p{Lu}/u.test(text);
  const key = first.toLowerCase();
  const list = index.get(key) ?? [];
  list.push({ words, lowerWords: words.map((w) => w.toLowerCase()), entry, caseSensitive, short });
  // Longest first, so "Syrian Observatory for Human Rights" wins over "Syrian Observatory".
  list.sort((a, b) => b.words.length - a.words.length);
  index.set(key, list);
}

export function compileSourceTables(dictionary: SourceDictionary): SourceTables {
  const { data } = dictionary;
  const byFirstWord = new Map<string, Alias[]>();
  for (const entry of data.sources) {
    for (const alias of entry.aliases) addAlias(byFirstWord, alias, entry, false);
    for (const alias of entry.short) addAlias(byFirstWord, alias, entry, true);
  }
  const generic = new Map<string, GenericGroup>();
  for (const group of data.generic) for (const phrase of group.phrases) generic.set(phrase.toLowerCase(), group);
  const lower = (xs: string[]): Set<string> => new Set(xs.map((x) => x.toLowerCase()));
  return {
    byFirstWord,
    generic,
    titles: lower(data.titles),
    verbs: new Set(data.verbs),
    invertibleVerbs: new Set(data.invertibleVerbs),
    sourceNouns: lower(data.sourceNouns),
    modifiers: lower(data.modifiers),
    temporal: lower(data.temporal),
    countries: dictionary.countries,
    entries: data.sources,
  };
}
