/**
 * Single people named without a figure: by an article or possessive ("a man", "the commander",
 * "his brother"), a title ("President X"), a pronoun ("he", "him") or an age ("a 9-year-old").
 * One counts only when a cue types it from right beside it ("a man was shot dead", "killing a
 * child", "President X, who was assassinated"), since "a man" is as often the attacker as the
 * victim; pronouns and nouns the lists lack count only when killed or wounded.
 */
import type { Span } from '../types.js';
import type { CountMatcher } from './lexicon.js';
import type { Cue } from './cues.js';
import { isCapitalised, isWordLike, wordsAfter, type Word } from './words.js';

/** One person named without a figure, and the cues that type that person alone (maybe none). */
export interface Single extends Span {
  cues: Cue[];
  /** Named by an unknown noun or a pronoun: counts only as killed or wounded. */
  loose: boolean;
}

/** How many words after a title or an article a name or a noun phrase is read from. */
const TITLE_WORDS = 4;
const ARTICLE_WORDS = 9;

/** Words that may stand between a person and the predicate that types them: "a man was later shot dead". */
const AFTER_WORDS = new Set([
  'was', 'is', 'has', 'had', 'been', 'being', 'also', 'reportedly', 'allegedly', 'later', 'critically',
  'seriously', 'severely', 'fatally', 'badly', 'slightly', 'lightly', 'who', 'subsequently', 'then',
  'eventually', 'immediately', 'and', ',', 'were', 'are', 'have', 'got', 'apparently',
]);
/** Participles that may come first in a chain of fates ("was shot and killed", "was tortured and killed"). */
const PARTICIPLE = /^(?:[a-z]+(?:ed|en)|shot|hit|struck|beat|cut)$/;
/** The words between a cue and the person it types: "killing a child", "the death of a soldier", "beat to death and then set fire to a man". */
const BEFORE_GAP = /^\s+(?:and\s+(?:then\s+|later\s+)?(?:[a-z]+\s+){1,3}?)?(?:of\s+)?$/;
/** Nouns that, after a person's possessive, say the person is dead: "a man's body". */
const REMAINS = new Set(['body', 'corpse', 'remains']);

function modifierOk(word: Word, m: CountMatcher, cues: readonly Cue[]): boolean {
  if (!isWordLike(word) || m.notModifiers.has(word.norm)) return false;
  if (m.modifiers.has(word.norm) || isCapitalised(word.text) || /[-\d]/.test(word.text)) return true;
  // An open-class noun used as a modifier ("bus driver", "shop assistant"), not a verb or adverb.
  return /^[a-z]+$/.test(word.text) && !/(?:ed|ing|ly)$/.test(word.text) && !cues.some((c) => c.start === word.start);
}

function isSingularHead(word: Word, m: CountMatcher): boolean {
  return m.singularHeads.has(word.norm) || m.singularDemonyms.has(word.norm);
}

interface Head {
  head: Word;
  /** A noun the lists do not know ("an informer"): typed only by killing or wounding. */
  open: boolean;
}

/**
 * After an article: the last singular head in a run of modifiers ("a young Kenyan bus
 * driver"), else the run's last plain noun, as an open head ("a party organiser").
 */
function headOfArticle(words: readonly Word[], m: CountMatcher, cues: readonly Cue[]): Head | null {
  let found: Head | null = null;
  let last: Word | null = null;
  for (let i = 0; i < Math.min(words.length, 7); i++) {
    const word = words[i]!;
    // "a 16 year old shepherd": an age written in words modifies the noun.
    if (/^\d+$/.test(word.text) && /^years?$/.test(words[i + 1]?.norm ?? '') && words[i + 2]?.norm === 'old') {
      i += 2;
      continue;
    }
    const head = isSingularHead(word, m) && /^[\p{L}][\p{L}'’-]*$/u.test(word.text);
    if (head) found = { head: word, open: false };
    const modifies = head || modifierOk(word, m, cues);
    if (modifies) last = word;
    // "a soldier's body": a possessive ends the phrase.
    if (/['’]s$/.test(word.text) || !modifies) break;
  }
  if (found) return found;
  return last && isOpenNoun(last, m) ? { head: last, open: true } : null;
}

function isOpenNoun(word: Word, m: CountMatcher): boolean {
  // "killed a 14-year-old": an age names a person.
  if (/^\d+-years?-old$/i.test(word.text)) return true;
  return /^[a-z]+(?:-[a-z]+)*$/.test(word.text) && !/(?:ed|ing|ly|ness|ion|ment|ity|ence|ance)$/.test(word.text) && !m.notPeople.has(word.norm) && !m.modifiers.has(word.norm);
}

/** Words after an open head or pronoun that make it worth reading the cues: "was", "died". */
const OPEN_NEXT = /^\s*,?\s*(?:was|were|is|had|has|died|dies|who)\b/i;
const OPEN_BEFORE = /(?:ed|ing|ill|ills)\s+(?:and\s+\w+\s+)?$/i;

/** After a title: the name ("Governor Malik Hassan", "Gen. Omar al-Rashid"). */
function nameAfterTitle(words: readonly Word[]): number {
  let n = 0;
  while (n < 4 && words[n] && (isCapitalised(words[n]!.text) || /^(?:al|el|bin|ibn|de|da|van|von)(?:-|$)/i.test(words[n]!.text)) && isWordLike(words[n]!)) n++;
  return n;
}

/** The cues right after a person, through auxiliaries and a chain of participles: "was abducted and killed". */
function cuesAfter(text: string, from: number, limit: Span, cues: readonly Cue[], ofPhrase = true): Cue[] {
  const words = wordsAfter(text, from, limit.end, 16);
  const found: Cue[] = [];
  let i = 0;
  // "a member of the local police was killed": an of-phrase may stand between.
  if (ofPhrase && words[0]?.norm === 'of') {
    i = 1;
    while (i < 8 && words[i] && isWordLike(words[i]!) && !AFTER_WORDS.has(words[i]!.norm) && !cues.some((c) => c.start === words[i]!.start)) i++;
    // "a son of imprisoned drug lord X": a cue inside the of-phrase is no predicate of the person.
    if (!words[i] || !AFTER_WORDS.has(words[i]!.norm)) return [];
  }
  const first = i;
  let joined = false;
  for (; i < words.length; i++) {
    const word = words[i]!;
    const cue = cues.find((c) => c.start === word.start && c.role === 'event');
    if (cue) {
      // "a soldier killed" (a headline) types the soldier; "a soldier and killed" does not.
      if (cue.forwardOnly || (cue.transitive && !cue.backwardOnly && (joined || i > first))) break;
      found.push(cue);
      while (words[i + 1] && words[i + 1]!.start < cue.end) i++;
      continue;
    }
    if (word.norm === 'and' && found.length === 0) joined = true;
    if (AFTER_WORDS.has(word.norm) || PARTICIPLE.test(word.text)) continue;
    break;
  }
  return found;
}

/** The nearest event cue right before a person: "killing a child", "the assassination of President X". */
function cueBefore(text: string, span: Span, cues: readonly Cue[]): Cue | null {
  let best: Cue | null = null;
  for (const cue of cues) {
    if (cue.end > span.start) continue;
    const gap = text.slice(cue.end, span.start);
    const usable = cue.role === 'event' ? BEFORE_GAP.test(gap) : cue.kind === 'killed' && /^\s+of\s+$/.test(gap);
    if (usable && (!best || cue.end > best.end)) best = cue;
  }
  return best;
}

/** A cue of killing or wounding among the words of a person's own noun phrase. */
function inside(cues: readonly Cue[], span: Span): Cue | undefined {
  return cues.find((c) => c.start > span.start && c.end < span.end && (c.kind === 'killed' || c.kind === 'injured'));
}

/** "killing him", "killed her": one person, typed by the killing or wounding just before. */
function pronounObject(text: string, span: Span, cues: readonly Cue[]): Single[] {
  const cue = cueBefore(text, span, cues);
  return cue && (cue.kind === 'killed' || cue.kind === 'injured') ? [{ ...span, cues: [cue], loose: true }] : [];
}

/**
 * Single people named without a figure ("a man", "the commander", "his brother", "President
 * X") with the cues that type them from right beside them. A single with no such cue is kept
 * untyped: it may still join a count it is coordinated with ("a soldier and two police officers
 * were killed"), but alone it is as often the attacker as the victim.
 */
export function findSingles(text: string, limit: Span, m: CountMatcher, cues: { get(): readonly Cue[] }): Single[] {
  const found: Single[] = [];
  const sentence = text.slice(limit.start, limit.end);
  // A single person is typed only by a cue beside them, and most sentences hold none.
  if (!m.cueHint.test(sentence)) return [];
  // Pronouns and unknown nouns count only when killed or wounded.
  const hurt = m.hurtHint.test(sentence);
  const re = m.single;
  re.lastIndex = 0;
  for (let match = re.exec(sentence); match; match = re.exec(sentence)) {
    const start = limit.start + match.index;
    // The words after the match are read only as far as a branch looks (a pronoun needs none).
    const wordsFrom = start + match[0].length;
    const before = text.slice(Math.max(limit.start, start - 24), start);
    let end: number;
    let possessive = false;
    // An open head or a pronoun says nothing of who the person is: only killing or wounding,
    // told as something done to them, counts them.
    let loose = false;
    if (match.groups?.title !== undefined) {
      const words = wordsAfter(text, wordsFrom, limit.end, TITLE_WORDS);
      const n = nameAfterTitle(words);
      if (n === 0) continue;
      end = words[n - 1]!.end;
    } else if (match.groups?.pronoun !== undefined) {
      if (!hurt) continue;
      end = start + match[0].length;
      if (!OPEN_NEXT.test(text.slice(end, end + 12)) && !OPEN_BEFORE.test(before)) continue;
      loose = true;
    } else {
      // Only read the sentence's cues once a noun that may be a person follows: most articles head none.
      const lead = wordsAfter(text, wordsFrom, limit.end, 6);
      const known = lead.some((w) => isSingularHead(w, m));
      const openLikely = OPEN_BEFORE.test(before) || /\band\s+$/.test(before) || lead.some((w, i) => i > 0 && OPEN_NEXT.test(text.slice(w.start, w.start + 8)));
      if (!known && (!hurt || !openLikely)) continue;
      const head = headOfArticle(wordsAfter(text, wordsFrom, limit.end, ARTICLE_WORDS), m, cues.get());
      // "killed her and her husband": "her" with no noun after it is the person.
      if (!head && /^her$/i.test(match.groups?.det ?? '') && OPEN_BEFORE.test(before)) {
        found.push(...pronounObject(text, { start, end: start + 3 }, cues.get()));
        continue;
      }
      if (!head) continue;
      possessive = /['’]s$/.test(head.head.text);
      end = possessive ? head.head.end - 2 : head.head.end;
      loose = head.open;
    }
    const all = cues.get();
    const span = { start, end };
    let typed: Cue[] = [];
    if (possessive) {
      const next = wordsAfter(text, end + 2, limit.end, 1)[0];
      if (next && REMAINS.has(next.norm)) typed.push({ start: next.start, end: next.end, kind: 'killed', role: 'event', forwardOnly: false, backwardOnly: false, transitive: false });
    } else if (!loose && inside(all, span)) {
      // "a wounded soldier", "the dead man": the person's own modifier says what happened.
      typed.push(inside(all, span)!);
    } else {
      const cue = match.groups?.pronoun === 'he' || match.groups?.pronoun === 'He' || /^[Ss]he$/.test(match.groups?.pronoun ?? '') ? null : cueBefore(text, span, all);
      if (cue) typed.push(cue);
      // An object's fate is told before it: a verb after it has another subject ("killed a man
      // and wounded his wife"), unless a relative clause says it ("President X, who was shot dead").
      // "a member of the local council was killed": what an of-phrase names is not the one killed.
      const ofPhrase = loose && /\bof\s+$/i.test(before);
      if ((!cue && !ofPhrase) || /^,?\s+who\b/i.test(text.slice(end, end + 8))) {
        // An unknown noun with an of-phrase is as often a thing ("a result of which 1 died").
        const after = cuesAfter(text, end, limit, all, !loose);
        typed.push(...(loose ? after.filter((c) => c.backwardOnly || !c.transitive) : after));
      }
      if (loose) typed = typed.filter((c) => c.kind === 'killed' || c.kind === 'injured');
    }
    // "killed a trucker and his co-pilot": an untyped loose person may still join the one before.
    if (loose && typed.length === 0 && !/\band\s+$/.test(before)) continue;
    found.push({ start, end, cues: typed, loose });
    re.lastIndex = end - limit.start;
  }
  return found;
}
