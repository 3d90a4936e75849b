/**
 * The words that type a count ("killed", "fled", "hostages") and which count each one types.
 * A count takes its nearest cue in the clause; a transitive cue with an object after it
 * ("gunmen killed 12") types only what follows, so the attackers are not counted as dead.
 */
import type { CountKind, Span } from '../types.js';
import type { CountMatcher } from './lexicon.js';

export interface Cue extends Span {
  kind: CountKind;
  /** 'people' nouns ("hostages", "the dead") type only the count they head or follow. */
  role: 'event' | 'people';
  /** True when the cue has an object after it: it types only counts to its right. */
  forwardOnly: boolean;
  /** True for a passive participle ("were wounded"): it types only its subject, to its left. */
  backwardOnly: boolean;
}

/** The farthest a cue may stand from the count it types, in UTF-16 units. */
const MAX_DISTANCE = 90;
/** The farthest a people noun may stand from its count: "bodies of 12", "12 hostages". */
const MAX_PEOPLE_DISTANCE = 4;
const DETERMINER_BEFORE = /\b(?:the|their|its|his|her)\s+$/i;
const PASSIVE_BEFORE = /(?:\b(?:was|were|been|be|being|is|are|get|got)\s+)(?:\w+ly\s+)?$/i;
const OBJECT_AFTER =
  /^\s+(?:(?:the|a|an|his|her|their|its|at\s+least|more\s+than|over|some|about|around|nearly|almost|up\s+to|as\s+many\s+as|an\s+estimated|dozens|hundreds|thousands|scores|several)(?![A-Za-z])|\d)/i;

function hasObject(text: string, cue: Span, limit: Span, m: CountMatcher): boolean {
  const after = text.slice(cue.end, Math.min(limit.end, cue.end + 24));
  if (OBJECT_AFTER.test(after)) return true;
  const gap = /^\s+/.exec(after);
  if (!gap) return false;
  m.quantityAt.lastIndex = cue.end + gap[0].length;
  return m.quantityAt.test(text);
}

export function findCues(text: string, limit: Span, m: CountMatcher): Cue[] {
  const cues: Cue[] = [];
  // Regexes run over the sentence alone: from a document offset they would search on past it.
  const sentence = text.slice(limit.start, limit.end);
  const re = m.cue;
  re.lastIndex = 0;
  for (let match = re.exec(sentence); match; match = re.exec(sentence)) {
    const start = limit.start + match.index;
    const end = start + match[0].length;
    const info = m.cues.get(match[0].toLowerCase().replace(/\s+/g, ' '));
    if (!info) continue;
    const span = { start, end };
    const before = info.transitive || info.namesPeople ? text.slice(Math.max(limit.start, start - 24), start) : '';
    const passive = info.transitive && PASSIVE_BEFORE.test(before);
    const forwardOnly = info.transitive && !passive && hasObject(text, span, limit, m);
    // "bury the dead": an event word used as a noun names people, it tells no count.
    const role = info.namesPeople && DETERMINER_BEFORE.test(before) ? 'people' : info.role;
    cues.push({ start, end, kind: info.kind, role, forwardOnly, backwardOnly: passive });
  }
  return cues;
}

/** Characters between two spans; 0 when they touch or overlap. */
export function distance(a: Span, b: Span): number {
  if (b.end <= a.start) return a.start - b.end;
  if (b.start >= a.end) return b.start - a.end;
  return 0;
}

/** True when a clause break (";", a dash aside, a colon) stands between the two spans. */
function splitByClause(text: string, a: Span, b: Span): boolean {
  const from = Math.min(a.end, b.end);
  const to = Math.max(a.start, b.start);
  return from < to && /[;:—]/.test(text.slice(from, to));
}

function usable(text: string, count: Span, cue: Cue): boolean {
  if (cue.forwardOnly && cue.start >= count.start) return false;
  if (cue.backwardOnly && cue.end <= count.start) return false;
  const limit = cue.role === 'people' ? MAX_PEOPLE_DISTANCE : MAX_DISTANCE;
  return distance(count, cue) <= limit && !splitByClause(text, count, cue);
}

/**
 * The cue that types a count: the nearest event cue; a people noun ("hostages") only when no
 * event cue is near, since "30 hostages were freed" tells a release.
 */
export function nearestCue(text: string, count: Span, cues: readonly Cue[]): Cue | null {
  let best: Cue | null = null;
  let bestScore = Infinity;
  for (const cue of cues) {
    if (!usable(text, count, cue)) continue;
    const score = distance(count, cue) + (cue.role === 'people' ? 1000 : 0);
    if (score < bestScore) {
      best = cue;
      bestScore = score;
    }
  }
  return best;
}

/** An event cue that ends right before `pos` ("killing 12", "the toll rose to 50"). */
export function cueEndingBefore(text: string, pos: number, cues: readonly Cue[]): Cue | null {
  for (const cue of cues) {
    if (cue.end > pos || cue.role !== 'event') continue;
    const gap = text.slice(cue.end, pos);
    if (/^\s+$/.test(gap)) return cue;
    const isToll = /toll$/i.test(text.slice(cue.start, cue.end));
    if (isToll && TOLL_GAP.test(gap)) return cue;
  }
  return null;
}

const TOLL_GAP =
  /^(?:\s+(?:has|had|have|now|rose|risen|climbed|increased|jumped|reached|stood|stands|is|was|of|to|at|hit|soared|surged|mounted|went|up|risen|officially|also))+\s+$/i;
