/**
 * Whether a number phrase counts people, and where the count's words end. A figure counts
 * people when a person noun heads it ("30 Druze women"), when it is a partitive of people
 * ("five of them"), when a cue follows as its predicate ("dozens were killed", "50 dead"), or
 * when it is the object of a cue ("killing 12"). Years, ages, money, distances and things
 * ("three churches") have none of these and are dropped.
 */
import type { Span } from '../types.js';
import type { CountMatcher } from './lexicon.js';
import type { Quantity } from './numbers.js';
import { cueEndingBefore, type Cue } from './cues.js';
import { isCapitalised, isWordLike, wordsAfter, wordsBefore, type Word } from './words.js';

export type TailKind = 'head' | 'partitive' | 'predicate' | 'ellipsis' | 'object' | 'bridge' | 'coordinated';

export interface PeopleTail {
  /** End of the count's words (the head noun, when there is one). */
  end: number;
  via: TailKind;
  /** The cue the figure is the subject or object of, when that is how it was found. */
  cue: Cue | null;
  /** Further cues joined to that one ("were arrested and killed"): the same people, other fates. */
  also: Cue[];
}

const MONTHS = new Set([
  'january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october',
  'november', 'december', 'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct',
  'nov', 'dec',
]);
/** "the one", "no one", "each one": pronoun uses of "one". */
const ONE_PRONOUN = new Set(['the', 'this', 'that', 'each', 'every', 'any', 'no', 'which', 'only', 'another', 'someone']);
const PARTITIVE = new Set(['them', 'whom', 'those', 'these', 'us']);
const DETERMINER = new Set(['the', 'its', 'their', 'his', 'her', 'our', 'those', 'these']);
/** Words that may stand between a count and its predicate cue: "dozens were reportedly killed". */
const AUX = new Set([
  'was', 'were', 'is', 'are', 'has', 'have', 'had', 'been', 'being', 'be', 'also', 'reportedly',
  'allegedly', 'later', 'still', 'now', 'all', 'each', 'believed', 'thought', 'feared', 'said',
  'reported', 'confirmed', 'to', 'remain', 'remains', 'remained', 'critically', 'seriously',
  'severely', 'fatally', 'badly', 'slightly', 'lightly', 'who', 'subsequently', 'eventually', 'got',
  'either', 'both', 'themselves', 'presumed', 'officially', 'may', 'might', 'could', 'would', 'will',
  'likely', 'probably', 'possibly', 'already', 'since',
]);
/** Words that may follow a bare object count: "killing 12 in Kabul", "killed 5 and wounded 12". */
const FOLLOWERS = new Set([
  'and', 'or', 'but', 'in', 'on', 'at', 'near', 'during', 'including', 'while', 'as', 'when',
  'after', 'before', 'across', 'since', 'with', 'among', 'from', 'overnight', 'yesterday', 'today',
  'tonight', 'last', 'this', 'earlier', 'later', 'inside', 'outside', 'according', 'so', 'far',
  'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'more', 'others',
  'there', 'here', 'then', 'by', 'over', 'between', 'mostly', 'mainly', 'many', 'most', 'all',
]);

/** True for figures that a word before them marks as something else: "aged 25", "$5 million". */
export function rejectedBefore(text: string, q: Quantity, limit: Span, m: CountMatcher): boolean {
  const before = wordsBefore(text, q.start, limit.start, 2);
  const prev = before[before.length - 1];
  const next = wordsAfter(text, q.end, limit.end, 1)[0];
  // A capitalised month beside a figure makes it a date ("25 May", "July 25"; not "may have").
  if (next && isCapitalised(next.text) && MONTHS.has(next.norm) && !q.vague) return true;
  if (!prev) return false;
  if (isCapitalised(prev.text) && MONTHS.has(prev.norm.replace(/\.$/, '')) && /^\d/.test(q.word)) return true;
  if (q.word === 'one' && q.start === q.numberStart && ONE_PRONOUN.has(prev.norm)) return true;
  if (q.word === 'one' && prev.norm === 'no') return true;
  if (m.rejectBefore.has(prev.norm) || m.rejectBefore.has(prev.text)) return true;
  return before.length === 2 && m.rejectBefore.has(`${before[0]!.norm} ${before[1]!.norm}`);
}

function isHead(word: Word, m: CountMatcher): boolean {
  return m.pluralHeads.has(word.norm) || m.singularHeads.has(word.norm);
}

function canModify(word: Word, m: CountMatcher): boolean {
  const possessive = /['’]s$/.test(word.text);
  return m.modifiers.has(word.norm) || possessive || isCapitalised(word.text) || (word.text.includes('-') && isWordLike(word)) || isOpenModifier(word, m);
}

/**
 * A noun the lists do not know, used as a modifier before a head ("two drug traffickers",
 * "one bus driver"): a plain lower-case word that is no function word, participle or adverb.
 */
export function isOpenModifier(word: Word, m: CountMatcher): boolean {
  return /^[a-z]+$/.test(word.text) && !/(?:ed|ing|ly)$/.test(word.text) && !m.notModifiers.has(word.norm) && !AUX.has(word.norm) && !FOLLOWERS.has(word.norm) && !m.notPeople.has(word.norm);
}

/**
 * "30 Druze women", "100 wounded people": the last head noun in a run of modifiers and heads.
 * "one Ugandan": a singular demonym heads a count of one when no other head follows it.
 */
function headAfter(words: readonly Word[], from: number, m: CountMatcher, one = false): Word | null {
  let head: Word | null = null;
  let demonym: Word | null = null;
  for (let i = from; i < Math.min(words.length, from + 5); i++) {
    const word = words[i];
    if (!word) break;
    if (isHead(word, m)) {
      head = word;
      // "volunteer fighters", "police officers": a noun before a plural head modifies it.
      const next = words[i + 1];
      // "Tuareg herders", "Kurdish fighters": a capitalised plural head used as an adjective too.
      const nounModifier = (!m.pluralHeads.has(word.norm) || isCapitalised(word.text)) && next !== undefined && m.pluralHeads.has(next.norm);
      if (!m.modifiers.has(word.norm) && !nounModifier) break;
    } else if (head || !canModify(word, m)) break;
    else if (m.singularDemonyms.has(word.norm)) demonym = word;
  }
  return head ?? (one && demonym && demonym === lastRun(words, from, m) ? demonym : null);
}

/** The last word of the run of modifiers starting at `from`. */
function lastRun(words: readonly Word[], from: number, m: CountMatcher): Word | null {
  let last: Word | null = null;
  for (let i = from; i < Math.min(words.length, from + 5); i++) {
    const word = words[i];
    if (!word || !canModify(word, m)) break;
    last = word;
  }
  return last;
}

/** The cue after a few aux words, if there is one: "dozens were killed", "50 dead". */
function predicateCue(words: readonly Word[], from: number, cues: readonly Cue[]): Cue | null {
  for (let i = from; i < Math.min(words.length, from + 5); i++) {
    const word = words[i];
    if (!word) return null;
    const cue = cues.find((c) => c.start === word.start && c.role === 'event' && !c.forwardOnly);
    if (cue) return cue;
    // "were shot and killed": a first participle joined to the cue.
    if (/^(?:[a-z]+(?:ed|en)|shot|beat|hit)$/.test(word.text) && words[i + 1]?.norm === 'and') {
      i++;
      continue;
    }
    if (!AUX.has(word.norm)) return null;
  }
  return null;
}

/** "were arrested and (later) killed": event cues joined to `first` by "and". */
export function chainedCues(text: string, first: Cue, cues: readonly Cue[]): Cue[] {
  const chain: Cue[] = [];
  let last = first;
  for (;;) {
    const next = cues.find((c) => c.start > last.end && c.role === 'event' && CHAIN_GAP.test(text.slice(last.end, c.start)));
    if (!next) return chain;
    chain.push(next);
    last = next;
  }
}

const CHAIN_GAP = /^\s*,?\s+and\s+(?:(?:then|later|subsequently|eventually|were|was|also)\s+)*$/i;

function partitiveTail(text: string, words: readonly Word[], q: Quantity, m: CountMatcher, cues: readonly Cue[]): PeopleTail | null {
  const of = words[0];
  const det = words[1];
  if (of?.norm !== 'of' || !det) return null;
  if (PARTITIVE.has(det.norm)) return { end: det.end, via: 'partitive', cue: null, also: [] };
  if (DETERMINER.has(det.norm) && q.word === 'one') return null;
  const head = headAfter(words, DETERMINER.has(det.norm) ? 2 : 1, m);
  if (!head) return null;
  // "dozens of soldiers were killed and wounded": the verb right after the head types it.
  const cue = predicateCue(words, words.indexOf(head) + 1, cues);
  return { end: head.end, via: 'head', cue, also: cue ? chainedCues(text, cue, cues) : [] };
}

/**
 * "killing 12 in Kabul", "killed 3 Taliban", "wounding 1 militia bomb expert": a bare figure right
 * after a cue. Nouns this lexicon does not know may follow a cue of killing or wounding, which
 * only people (and the animals and things `notPeople` lists) undergo.
 */
function objectTail(text: string, q: Quantity, words: readonly Word[], cues: readonly Cue[], m: CountMatcher): PeopleTail | null {
  const cue = cueEndingBefore(text, q.start, cues);
  if (!cue) return null;
  let i = 0;
  while (words[i] && isCapitalised(words[i]!.text) && isWordLike(words[i]!)) i++;
  if (cue.kind === 'killed' || cue.kind === 'injured') {
    const open = openNouns(words, i, m, cues);
    if (open > 0 && (!words[i + open] || !isWordLike(words[i + open]!) || FOLLOWERS.has(words[i + open]!.norm))) i += open;
  }
  const follower = words[i];
  const ok = !follower || !isWordLike(follower) || FOLLOWERS.has(follower.norm);
  const end = i > 0 ? words[i - 1]!.end : q.end;
  return ok ? { end, via: 'object', cue, also: chainedCues(text, cue, cues) } : null;
}

/** How many words from `from` (at most 3) could be nouns the lexicon does not list ("woodcutter"). */
function openNouns(words: readonly Word[], from: number, m: CountMatcher, cues: readonly Cue[]): number {
  let n = 0;
  while (n < 3) {
    const word = words[from + n];
    if (!word || !isWordLike(word) || !/^[\p{L}][\p{L}'’-]*$/u.test(word.text)) break;
    const norm = word.norm;
    if (AUX.has(norm) || FOLLOWERS.has(norm) || m.notModifiers.has(norm) || m.rejectAfter.has(norm) || m.notPeople.has(norm)) break;
    if (cues.some((c) => c.start === word.start)) break;
    n++;
  }
  return n;
}

/**
 * "one woodcutter died", "two guards were killed": nouns this lexicon does not know between a
 * figure and a predicate of killing or wounding that has no object of its own.
 */
function bridgeTail(text: string, words: readonly Word[], m: CountMatcher, cues: readonly Cue[]): PeopleTail | null {
  const open = openNouns(words, 0, m, cues);
  if (open === 0) return null;
  const cue = predicateCue(words, open, cues);
  if (!cue || (cue.kind !== 'killed' && cue.kind !== 'injured') || (cue.transitive && !cue.backwardOnly)) return null;
  return { end: words[open - 1]!.end, via: 'bridge', cue, also: chainedCues(text, cue, cues) };
}

export function peopleTail(
  text: string,
  q: Quantity,
  limit: Span,
  m: CountMatcher,
  cues: readonly Cue[],
  afterAnotherCount: boolean,
): PeopleTail | null {
  // "25-year-old", "seven-year war", "10-km": a figure glued to a unit is never a head count.
  if (/^[-–]\p{L}/u.test(text.slice(q.end, q.end + 2))) return null;
  // A clock time, read past the sentence end in case a splitter broke "3 a.m." at its dot.
  if (/^\s*[ap]\.?m\b/i.test(text.slice(q.end, q.end + 6))) return null;
  const words = wordsAfter(text, q.end, limit.end, 8);
  const next = words[0];
  if (next && (m.rejectAfter.has(next.norm) || m.rejectAfter.has(next.text.toLowerCase()))) return null;
  const partitive = partitiveTail(text, words, q, m, cues);
  if (partitive) return partitive;
  if (words[0]?.norm !== 'of') {
    const head = headAfter(words, 0, m, q.low === 1 && q.high === 1);
    if (head) {
      if (compoundHead(words, head, q, m, cues)) return null;
      // "37 people were wounded": the verb right after the head types it, whatever is nearer.
      const cue = predicateCue(words, words.indexOf(head) + 1, cues);
      return { end: head.end, via: 'head', cue, also: cue ? chainedCues(text, cue, cues) : [] };
    }
  }
  const more = words[0]?.norm === 'more' ? 1 : 0;
  const predicate = predicateCue(words, more, cues);
  if (predicate) return { end: more ? words[0]!.end : q.end, via: 'predicate', cue: predicate, also: chainedCues(text, predicate, cues) };
  if (more && afterAnotherCount && isEllipsis(text, q, limit, words[1])) return { end: words[0]!.end, via: 'ellipsis', cue: null, also: [] };
  return objectTail(text, q, words, cues, m) ?? (q.vague ? null : bridgeTail(text, words, m, cues));
}

/**
 * "two militant groups", "three member states": a singular person noun after a plural figure
 * modifies the next noun, so the figure counts that noun, not people.
 */
function compoundHead(words: readonly Word[], head: Word, q: Quantity, m: CountMatcher, cues: readonly Cue[]): boolean {
  if (q.low === 1 || !m.singularHeads.has(head.norm) || m.pluralHeads.has(head.norm)) return false;
  const next = words[words.indexOf(head) + 1];
  if (!next || !isWordLike(next) || isCapitalised(next.text)) return false;
  return !FOLLOWERS.has(next.norm) && !AUX.has(next.norm) && !cues.some((c) => c.start === next.start);
}

/** "38 died at the station and 12 more in hospital": a second figure whose verb is elided. */
function isEllipsis(text: string, q: Quantity, limit: Span, follower: Word | undefined): boolean {
  const prev = wordsBefore(text, q.start, limit.start, 1)[0];
  const joined = prev !== undefined && (prev.norm === 'and' || prev.norm === 'with' || prev.text === ',');
  return joined && (!follower || !isWordLike(follower) || FOLLOWERS.has(follower.norm));
}
