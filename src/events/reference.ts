/**
 * Words that point at an act without telling it anew. A report names an act it already told,
 * or that others told, in many ways: the object of a claim ("IS claimed the bombing"), the topic
 * of an account ("corrected its account of the strike"). Such a telling joins the act it refers
 * to and never founds one. And a sentence that ties two acts together in time ("three days
 * after", "on Tuesday after gunmen stormed") gives each act its own date and place.
 */
import type { Span, TriggerMention } from '../types.js';

/** "claimed responsibility for the attack", "took credit for", "denied responsibility for". */
const RESPONSIBILITY_FOR = /\b(?:claim\w*|took|denied|deny|denies)\s+(?:\w+\s+)?(?:responsibility|credit)\s+for\s+(?:[\w'’-]+\s+){0,3}$/i;
/**
 * "claimed the bombing", "claimed Thursday's attack": the claim names an act already told, in a
 * bare noun. "Claimed the firing of three rockets at the base" tells the act itself.
 */
const CLAIMED_THE = /\bclaim(?:s|ed|ing)?\s+(?:the|this|its|their|[\w-]+['’]s)\s+(?:[\w'’-]+\s+)?$/i;
const DESCRIBED = /^\s+(?:of|against|on|at|targeting|towards?)\s+(?!(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b)/i;
/** "its account of the bombing", "a report on the raid", "footage of the strike", "an inquiry into the attack". */
const TOPIC_OF =
  /\b(?:account|accounts|version|report|reports|details|footage|video|videos|images|photographs|investigation|inquiry|probe|review)\s+(?:of|into|on|about)\s+(?:the|this|that|these|those|its|their|[\w-]+['’]s)\s+(?:[\w'’-]+\s+){0,2}$/i;

/** A claim of responsibility for the act: who did it, told about an act the report tells elsewhere. */
export function isClaimObject(text: string, trigger: Span): boolean {
  const before = text.slice(Math.max(0, trigger.start - 60), trigger.start);
  if (RESPONSIBILITY_FOR.test(before)) return true;
  const bare = !/\s/.test(text.slice(trigger.start, trigger.end).trim()) && !DESCRIBED.test(text.slice(trigger.end, trigger.end + 30));
  return bare && CLAIMED_THE.test(before);
}

/** The act as the topic of a telling ("corrected its account of the bombing"): its subject did not do it. */
export function isTopicOfTelling(text: string, trigger: Span): boolean {
  return TOPIC_OF.test(text.slice(Math.max(0, trigger.start - 60), trigger.start));
}

/** "came three days after", "a week before", "hours later": the words on either side are different days. */
const INTERVAL = /\b(?:hours?|days?|weeks?|months?|years?)\s+(?:after|before|later|earlier)\b|\bthe\s+(?:day|night|week)\s+(?:after|before)\b/i;

/** "remained closed on Tuesday after", "were missing on Monday following": the connective after a date. */
const AFTER = /\b(?:after|following)\b/i;

export type MentionRole = 'own' | 'other-act' | 'bound';

/**
 * Whether a date or place in the act's clause is the act's own, another act's, or (a date) only
 * a bound on it:
 * - an interval lies between them ("The abduction came three days after bombers struck Konduga
 *   on Friday"): Konduga and Friday are the bombing's. Before the act, only when the interval
 *   leads up to it: in "On Monday, three days after the bombing, police arrested five", Monday
 *   is the day of the arrests;
 * - the date dates a state the clause tells before "after", and the act follows "after" with
 *   no act before it ("Students were missing on Tuesday after gunmen stormed the school"): the
 *   raid came on Tuesday or before, the best date the clause gives but no match for another
 *   telling's Monday. "Five died on Tuesday after gunmen opened fire" tells the dying, an act,
 *   before "after": there Tuesday dates both.
 */
export function roleOf(text: string, trigger: Span, mention: Span, clauseActs: readonly TriggerMention[]): MentionRole {
  if (mention.start >= trigger.end) return INTERVAL.test(text.slice(trigger.end, mention.start)) ? 'other-act' : 'own';
  if (mention.end > trigger.start) return 'own';
  const between = text.slice(mention.end, trigger.start);
  const interval = INTERVAL.exec(between);
  if (interval && !/[,;:]/.test(between.slice(interval.index))) return 'other-act';
  const after = AFTER.exec(between);
  if (!after || /[,;:]/.test(between.slice(after.index))) return 'own';
  const afterAt = mention.end + after.index;
  const actBefore = clauseActs.some((t) => t.end <= afterAt && !t.hints.includes('not-event') && !t.hints.includes('missing'));
  return actBefore ? 'own' : 'bound';
}
