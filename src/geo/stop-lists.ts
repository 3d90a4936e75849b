/**
 * The place stage's stop lists (data/geo/stopwords.json, data/geo/common-words.json), folded
 * once so the stage compares keys only.
 */
import { readDataJson } from '../data.js';
import { foldKey } from './normalize.js';

export interface StopLists {
  /** Single words never read as places on their own. */
  words: Set<string>;
  /** Place names that are also common lower-case English words ("police", "mobile"). */
  common: Set<string>;
  /** Folded organisation names, grouped by their first word. */
  orgsByFirst: Map<string, string[]>;
  /** Folded person titles ("president", "prime minister"), grouped by their last word. */
  titles: Set<string>;
  /** Capitalised words that may follow a place name ("university", "province"). */
  facilities: Set<string>;
}

interface StopwordsFile {
  words: string[];
  orgs: string[];
  titles: string[];
  facilities: string[];
}

export function loadStopLists(): StopLists {
  const file = readDataJson<StopwordsFile>('geo', 'stopwords.json');
  const common = readDataJson<string[]>('geo', 'common-words.json');
  const orgsByFirst = new Map<string, string[]>();
  for (const org of file.orgs) {
    const key = foldKey(org);
    const first = key.split(' ')[0] ?? '';
    orgsByFirst.set(first, [...(orgsByFirst.get(first) ?? []), key].sort((a, b) => b.length - a.length));
  }
  return {
    words: new Set(file.words.map(foldKey)),
    common: new Set(common),
    orgsByFirst,
    titles: new Set(file.titles.map((t) => foldKey(t).split(' ').pop() ?? '')),
    facilities: new Set(file.facilities.map(foldKey)),
  };
}
