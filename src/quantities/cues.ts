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
  /** A verb that takes an object ("killed"), as against one that takes none ("died"). */
  transitive: boolean;
}

/** The farthest a cue may stand from the count it types, in UTF-16 units. */
const MAX_DISTANCE = 90;
/** The farthest a people noun may stand from its count: "bodies of 12", "12 hostages". */
const MAX_PEOPLE_DISTANCE = 4;
const DETERMINER_BEFORE = /\b(?:the|their|its|his|her)\s+$/i;
const PASSIVE_BEFORE = /(?:\b(?:was|were|been|be|being|is|are|get|got)\s+)(?:\w+ly\s+)?$/i;
/**
 * A participle joined to an earlier one ("was shot and killed", "were beaten, tortured and
 * killed"): passive too, when nothing follows it as an object.
 */
const COORDINATED_PASSIVE_BEFORE =
  /\b(?:was|were|been|being|is|are|got)\s+(?:\w+ly\s+)?(?:[a-z]+(?:\s+(?:\w+\s+)?times)?,?\s+){1,3}and\s+(?:(?:\w+ly|later|then)\s+)?$/i;
/** "accused of", "arrested for", "responsible for": what follows is a charge, not a toll. */
const CHARGED_WITH =
  /\b(?:accused|suspected|charged|convicted|arrested|detained|jailed|sentenced|tried|prosecuted|wanted|responsible|blamed|guilty|implicated|involved)\s+(?:of|for|with|in)\s+(?:the\s+)?(?:attempted\s+)?$/i;
/** "attempted to kill", "a plot to kill": what was tried or meant, not done. */
const ATTEMPTED =
  /\b(?:attempt(?:ed|ing|s)?|tried|tries|trying|try|failed|fails|plot(?:ted|ting|s)?|plan(?:ned|ning|s)?|threaten(?:ed|ing|s)?|vow(?:ed|ing|s)?|want(?:ed|s)?|sought|seeking|seek|intend(?:ed|ing|s)?|order(?:ed|s)?|call(?:ed|ing|s)?\s+on\s+\w+|urg(?:ed|ing|es))\s+(?:\w+\s+)?to\s+$/i;
/** "the killing of", "the deaths of": a noun cue types only its complement, to its right. */
const NOMINAL = { before: /\b(?:the|a|an|his|her|their|its)\s+$/i, after: /^\s+of\b/i };
/**
 * "killed or wounded", "killed, injured or captured": a figure told for either fate is a
 * casualty count, never a death toll, so such cues type nothing.
 */
const EITHER_AFTER = /^\s*(?:,\s*(?:[a-z]+\s*,\s*)*[a-z]+\s*,?\s+)?(?:or|and\/or)\s+(?:\w+ly\s+)?(?!not\b)(?<other>[a-z]+(?:ed|en|t))\b/i;
const EITHER_BEFORE = /\b(?<other>[a-z]+(?:ed|en|t|d))\s*,?\s+(?:or|and\/or)\s+$/i;

/** True when the cue is one of two fates told as alternatives, of different kinds. */
function eitherFate(kind: CountKind, before: string, after: string, m: CountMatcher): boolean {
  const other = EITHER_AFTER.exec(after)?.groups?.other ?? EITHER_BEFORE.exec(before)?.groups?.other;
  return other !== undefined && m.cues.get(other.toLowerCase())?.kind !== kind;
}
const OBJECT_AFTER =
  /^\s+(?:(?:the|a|an|his|her|their|its|at\s+least|more\s+than|over|some|about|around|nearly|almost|up\s+to|as\s+many\s+as|an\s+estimated|approximately|roughly|close\s+to|upwards\s+of|in\s+excess\s+of|no\s+fewer\s+than|no\s+less\s+than|fewer\s+than|less\s+than|a\s+total\s+of|dozens|hundreds|thousands|scores|several|him|them)(?![A-Za-z])|\d)/i;

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
    const before = text.slice(Math.max(limit.start, start - 48), start);
    const after = text.slice(end, Math.min(limit.end, end + 40));
    if (info.role === 'event' && eitherFate(info.kind, before, after, m)) continue;
    // "accused of killing a driver": a charge about another act, not this one's toll; "tried to
    // kill": an attempt, no death.
    if ((info.kind === 'killed' || info.kind === 'injured') && (CHARGED_WITH.test(before) || ATTEMPTED.test(before))) continue;
    // "the fighting died down": a phrasal verb, no death.
    if (info.kind === 'killed' && /^\s+(?:down|out|away)\b/i.test(after)) continue;
    const object = info.transitive && hasObject(text, span, limit, m);
    const passive = info.transitive && (PASSIVE_BEFORE.test(before) || (!object && COORDINATED_PASSIVE_BEFORE.test(before)));
    const nominal = info.role === 'event' && NOMINAL.before.test(before) && NOMINAL.after.test(after);
    const forwardOnly = (info.transitive && !passive && object) || nominal;
    // "bury the dead": an event word used as a noun names people, it tells no count.
    const role = info.namesPeople && DETERMINER_BEFORE.test(before) ? 'people' : info.role;
    cues.push({ start, end, kind: info.kind, role, forwardOnly, backwardOnly: passive, transitive: info.transitive });
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
    // "killing 12", "the death of 23".
    if (/^\s+(?:of\s+)?$/.test(gap)) return cue;
    const isToll = /toll$/i.test(text.slice(cue.start, cue.end));
    if (isToll && TOLL_GAP.test(gap)) return cue;
  }
  return null;
}

const TOLL_GAP =
  /^(?:\s+(?:has|had|have|now|rose|risen|climbed|increased|jumped|reached|stood|stands|is|was|of|to|at|hit|soared|surged|mounted|went|up|risen|officially|also))+\s+$/i;
