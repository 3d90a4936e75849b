/**
 * Finds candidate place names in one sentence: runs of 1-5 capitalised words (with "al-", "de",
 * "of" inside) whose folded form is in the gazetteer, longest first, skipping organisation names
 * and the names that follow a person's title. Demonyms are collected on the way for the focus.
 */
import { cueAfter, cueBefore, isDivisionWord, strongerCue, type Cue } from './cues.js';
import type { Gazetteer } from './gazetteer.js';
import { ARTICLES, foldKey, stripArticles } from './normalize.js';
import { byPrior, type Reading } from './readings.js';
import { isStopWord, type StopLists } from './stop-lists.js';
import { plainFolds, plainGap, splitWords, type Word, type WordFolds } from './words.js';

export interface Spot {
  start: number;
  end: number;
  key: string;
  readings: Reading[];
  words: number;
  cue: Cue;
  sentence: number;
  headline: boolean;
  /** Starts at the sentence's first word, where any word is capitalised. */
  initial: boolean;
  /** Part of a longer run of capitalised words that is not itself a place: likely a name. */
  embedded: boolean;
  acronym: boolean;
  /** A single word that is also a common English word. */
  common: boolean;
  /** Embedded between capitalised words that are not news vocabulary: a person's name. */
  personLike: boolean;
  /** Set off by punctuation as a container is: "(Salem, TN)", "Nimbahera, MP." ("the MP said" is not). */
  setOff: boolean;
  /** Right after a locative preposition, and no longer name goes on: "gathered in Tours", "protests at Valence". */
  locative: boolean;
}

export interface DemonymHit {
  iso3: string;
  headline: boolean;
}

/**
 * What a document's sentences tell beyond the spots: demonyms, missions mandated to one country
 * ("the OSCE SMM", "UNMISS") and the words of persons' names.
 */
export interface SideFindings {
  demonyms: DemonymHit[];
  missions: DemonymHit[];
  personKeys: Set<string>;
}

export interface SentenceInput {
  text: string;
  start: number;
  end: number;
  index: number;
  headline: boolean;
  /** Memoised word folds shared across the documents of a batch; plain folds when absent. */
  folds?: WordFolds;
}

const MAX_WORDS = 5;

export function spotSentence(gaz: Gazetteer, stops: StopLists, s: SentenceInput, side: SideFindings): Spot[] {
  const folds = s.folds ?? plainFolds;
  const words = splitWords(s.text, s.start, s.end, folds);
  const blocked = blockOrganisations(words, stops, (iso3) => side.missions.push({ iso3, headline: s.headline }));
  const spots: Spot[] = [];
  for (let i = 0; i < words.length; i++) {
    const word = words[i];
    if (!word || blocked[i] || (word.shape !== 'cap' && word.shape !== 'acronym')) continue;
    const match = longestMatch(gaz, folds, s.text, words, i, blocked);
    const demonym = word.shape === 'cap' ? gaz.demonym(word.key) : null;
    // "Somali police" is a demonym, "Somali region" the Ethiopian region.
    const single = !match || (match.last === i && (isStopWord(stops, word.text) || (demonym !== null && match.tailCue !== 'division')));
    if (single) {
      if (demonym) side.demonyms.push({ iso3: demonym, headline: s.headline });
      else if (stops.titles.has(word.key)) i = skipName(s.text, words, i, side.personKeys);
      continue;
    }
    spots.push(makeSpot(gaz, stops, s, words, i, match));
    i = match.last;
  }
  return spots;
}

interface Match {
  last: number;
  key: string;
  readings: Reading[];
  /** The end offset, past a division or "camp" word when one was taken in. */
  end: number;
  tailCue: Cue;
}

function longestMatch(gaz: Gazetteer, folds: WordFolds, text: string, words: Word[], i: number, blocked: boolean[]): Match | null {
  let best: Match | null = null;
  const first = words[i] as Word;
  for (let j = i; j < Math.min(words.length, i + MAX_WORDS); j++) {
    const word = words[j] as Word;
    if (j > i && (blocked[j] || !plainGap(text, words[j - 1] as Word, word))) break;
    if (j > i && word.shape !== 'cap' && word.shape !== 'particle') break;
    const key = j === i ? first.key : folds.key(text.slice(first.start, word.end));
    if (word.shape === 'cap' || word.shape === 'acronym') {
      const readings = gaz.readings(key);
      let any = readings.length > 0 ? readings : gaz.readings(stripArticles(key) ?? '');
      // "Zolote-4": a numbered part of a place is found as the place.
      const numbered = any.length === 0 && j === i ? NUMBERED_PART_RE.exec(word.text) : null;
      if (numbered?.[1]) any = gaz.readings(folds.key(numbered[1]));
      // "UP" is Uttar Pradesh, "Up" only a word: abbreviations are read in capitals only.
      const found = j === i && word.shape === 'acronym' ? any : withoutAbbreviations(any);
      if (found.length > 0) best = { last: j, key, readings: found, end: word.end, tailCue: null };
    }
    if (!gaz.continues(key)) {
      const probe = withTrailingArticle(key);
      if (probe === key || !gaz.continues(probe)) break;
    }
  }
  return best ? extendWithTail(gaz, text, words, best) : null;
}

const NUMBERED_PART_RE = /^(\p{Lu}[\p{L}\p{M}'’-]+)-\d$/u;

function withoutAbbreviations(readings: Reading[]): Reading[] {
  return readings.some((r) => r.abbreviation) ? readings.filter((r) => !r.abbreviation) : readings;
}

/** Keys unify an article only before another word: "deir ez" must probe as "deir al" ("Deir ez-Zor", "Ar Raqqa"). */
function withTrailingArticle(key: string): string {
  const at = key.lastIndexOf(' ') + 1;
  return ARTICLES.has(key.slice(at)) ? `${key.slice(0, at)}al` : key;
}

/** Takes in a lower-case word that completes a name ("Yarmouk camp") or types it ("Daraa province"). */
function extendWithTail(gaz: Gazetteer, text: string, words: Word[], match: Match): Match {
  const next = words[match.last + 1];
  if (!next || !plainGap(text, words[match.last] as Word, next)) return match;
  const longer = gaz.readings(`${match.key} ${next.key}`);
  if (longer.length > 0 && next.shape === 'lower') {
    // "Salem city" may be an indexed name of one Salem, but it still names every Salem.
    const typed = cueAfter(next.text) === 'town';
    const readings = typed ? mergeReadings(longer, match.readings) : longer;
    return { last: match.last + 1, key: `${match.key} ${next.key}`, readings, end: next.end, tailCue: typed ? 'town' : null };
  }
  const tailCue = cueAfter(next.text);
  if (tailCue === 'division' && isDivisionWord(next.text)) return { ...match, end: next.end, tailCue, last: match.last + 1 };
  return { ...match, tailCue };
}

function mergeReadings(a: Reading[], b: Reading[]): Reading[] {
  const seen = new Set(a.map((r) => r.place.id));
  return [...a, ...b.filter((r) => !seen.has(r.place.id))].sort(byPrior);
}

function makeSpot(gaz: Gazetteer, stops: StopLists, s: SentenceInput, words: Word[], i: number, m: Match): Spot {
  const first = words[i] as Word;
  const nameLast = words[m.tailCue === 'division' && m.last > i ? m.last - 1 : m.last] as Word;
  const prevWord = words[i - 1];
  // A sentence's first word is capitalised anyway: it is part of a name only when it is no news word ("In", "Police").
  const prevCounts = !!prevWord && !stops.titles.has(prevWord.key) && (!prevWord.initial || (!isStopWord(stops, prevWord.text) && !stops.common.has(prevWord.key)));
  const prev = prevWord && prevCounts ? neighbour(gaz, stops, s.text, prevWord, prevWord, first) : null;
  // "Ghadir al Bostan": a name joined to a capitalised word by an article is only the tail of a longer name.
  const beforeArticle = words[i - 2];
  const articleJoined =
    !!prevWord && !!beforeArticle && prevWord.shape === 'particle' && ARTICLES.has(prevWord.key) && beforeArticle.shape === 'cap' &&
    !beforeArticle.initial && plainGap(s.text, beforeArticle, prevWord) && plainGap(s.text, prevWord, first);
  const afterWord = words[m.last + 1];
  const facility = namesFacility(stops, s.text, words, m.last + 1);
  const next = afterWord && m.tailCue === null && !facility ? neighbour(gaz, stops, s.text, afterWord, nameLast, afterWord) : null;
  return {
    start: first.start,
    end: m.end,
    key: m.key,
    readings: m.readings,
    words: m.last - i + 1,
    cue: strongerCue(m.tailCue, cueBefore(s.text.slice(s.start, first.start))),
    sentence: s.index,
    headline: s.headline,
    initial: first.initial,
    embedded: prev !== null || next !== null || articleJoined || namesStreet(afterWord),
    acronym: first.shape === 'acronym' && m.last === i,
    common: m.last === i && (stops.common.has(first.key) || isStopWord(stops, first.text)),
    personLike: (prev !== null || next !== null) && (prev === null || isPersonWord(stops, prev)) && (next === null || isPersonWord(stops, next)),
    locative: LOCATIVE_BEFORE_RE.test(s.text.slice(Math.max(s.start, first.start - 12), first.start)) && !LONGER_NAME_AFTER_RE.test(s.text.slice(m.end, m.end + 6)),
    setOff: SET_OFF_BEFORE_RE.test(s.text.slice(Math.max(s.start, first.start - 3), first.start)) && SET_OFF_AFTER_RE.test(s.text.slice(m.end, m.end + 2)),
  };
}

const SET_OFF_BEFORE_RE = /[(,]\s*$/;
const LOCATIVE_BEFORE_RE = /\b(?:in|at|from|into|inside|across|throughout)\s+$/i;
/** "Al Ghab Plain", "Tall al Ahmar": the word begins a longer name the gazetteer lacks. */
const LONGER_NAME_AFTER_RE = /^[\s-]+(?:\p{Lu}|(?:al|el|an|as|ad|ar|at|ash|az)[\s-])/u;
const SET_OFF_AFTER_RE = /^(?:$|[),.;]|\s*$)/;

/** A capitalised word right beside a name (no facility word, no demonym), or null. */
function neighbour(gaz: Gazetteer, stops: StopLists, text: string, w: Word | undefined, left: Word, right: Word): Word | null {
  return w && w.shape === 'cap' && plainGap(text, left, right) && !stops.facilities.has(w.key) && !gaz.demonym(w.key) ? w : null;
}

/** "Sanaa Street", "Baghdad Avenue": a street named after a city lies elsewhere, mostly. */
const STREET_KEYS = new Set(['street', 'avenue', 'boulevard'].map(foldKey));

function namesStreet(next: Word | undefined): boolean {
  return !!next && next.shape === 'cap' && STREET_KEYS.has(next.key);
}

/** Capitalised words after a name that end in a facility word name a site of that place: "Donetsk Filtration Station". */
const FACILITY_RUN = 3;

function namesFacility(stops: StopLists, text: string, words: Word[], from: number): boolean {
  for (let k = from; k < Math.min(words.length, from + FACILITY_RUN); k++) {
    const word = words[k] as Word;
    const prev = words[k - 1];
    if (word.shape !== 'cap' || !prev || !plainGap(text, prev, word)) return false;
    if (k > from && stops.facilities.has(word.key)) return true;
  }
  return false;
}

function isPersonWord(stops: StopLists, w: Word | null): boolean {
  return !!w && !isStopWord(stops, w.text);
}

/** After a title ("President", "Gen."), the capitalised run is a person's name: skip it. */
function skipName(text: string, words: Word[], i: number, personKeys: Set<string>): number {
  let j = i;
  while (j + 1 < words.length) {
    const next = words[j + 1] as Word;
    // Only "al"-type particles continue a name ("Bashar al Assad"); "Governor of Sinaloa" is a role.
    const article = next.shape === 'particle' && ARTICLES.has(next.key) && words[j + 2]?.shape === 'cap';
    if (!plainGap(text, words[j] as Word, next) || (next.shape !== 'cap' && !article)) break;
    if (next.shape === 'cap') personKeys.add(next.key);
    j++;
  }
  return j;
}

/**
 * Marks the words of organisation names ("Islamic State", "Human Rights Watch"), and reports the
 * country of each mission named (once per name, however many shorter names it holds).
 */
function blockOrganisations(words: Word[], stops: StopLists, onMission: (iso3: string) => void): boolean[] {
  const blocked = new Array<boolean>(words.length).fill(false);
  for (let i = 0; i < words.length; i++) {
    const key = (words[i] as Word).key;
    const space = key.indexOf(' ');
    const orgs = stops.orgsByFirst.get(space < 0 ? key : key.slice(0, space));
    if (!orgs) continue;
    let joined = '';
    let mission: string | undefined;
    let last = -1;
    for (let j = i; j < Math.min(words.length, i + 10); j++) {
      joined = joined ? `${joined} ${(words[j] as Word).key}` : (words[j] as Word).key;
      if (orgs.names.has(joined)) {
        last = j;
        mission = stops.missions.get(joined) ?? mission;
      }
      if (!orgs.prefixes.has(joined)) break;
    }
    if (last < 0) continue;
    const inside = blocked[i];
    for (let k = i; k <= last; k++) blocked[k] = true;
    if (mission && !inside) onMission(mission);
  }
  return blocked;
}
