/**
 * People told together are one count: "six soldiers and three militants were killed", "a
 * driver, a guard and two passengers", "a commander and 12 of his fighters". ACLED adds up the
 * dead of every side of one event, so a group's figures are summed.
 */
import type { Span } from '../types.js';
import type { Cue } from './cues.js';

/** People named in the sentence: a figure with its head, or one person named without a figure. */
export interface Member extends Span {
  low: number;
  high: number | null;
  /** Cues that type this member alone: its own predicate or object, or a cue inside its words. */
  own: Cue[];
  rule: string;
  /** A single person ("a man") with no cue of its own counts only inside a typed group. */
  single: boolean;
  /** Named by a noun the lists lack or a pronoun: counted only as killed or wounded. */
  loose: boolean;
}

/**
 * "six soldiers and three militants", "a driver, a guard and two passengers", "6 villagers in
 * Bulongo and 9 in Kisima", "a commander of the battalion and 40 of his soldiers".
 */
export const AND_GAP = /^(?:\s+(?:of|in|at|from|near)(?:\s+[^\s,;:.()]+){1,5})?\s*(?:\([^()]{0,40}\)\s*)?,?\s+(?:and|as\s+well\s+as|plus)\s+(?:(?:his|her|their|its)\s+)?$/i;
export const LIST_GAP = /^\s*(?:\([^()]{0,40}\)\s*)?,\s*$/;

/** The one cue span the members' own cues agree on; false when two members were typed apart. */
function agreeing(members: readonly Member[]): boolean {
  const starts = new Set(members.flatMap((m) => m.own.slice(0, 1).map((c) => c.start)));
  return starts.size <= 1;
}

/** "5 dead", "several injuries": a cue that is the count's own noun types that count alone. */
function isPrivate(text: string, member: Member): boolean {
  const cue = member.own[0];
  if (!cue || cue.start < member.start) return false;
  const noun = /s$/i.test(text.slice(cue.start, cue.end)) && /^\s*$/.test(text.slice(member.end, cue.start));
  return cue.end <= member.end || noun;
}

/**
 * Members told together, as one group: joined by "and" (or by commas in a list that ends with
 * "and"), none of them an agent ("by two gunmen"), and not typed apart by cues of their own
 * ("5 dead and 12 wounded" stay two counts).
 */
function joinable(text: string, m: Member): boolean {
  return !isAgent(text, m) && !isPrivate(text, m);
}

/** A comma joins only inside a list that ends with "and": "a driver, a guard and two passengers". */
function endsInAnd(gaps: readonly string[], i: number): boolean {
  for (let k = i; k < gaps.length - 1; k++) {
    if (AND_GAP.test(gaps[k]!)) return true;
    if (!LIST_GAP.test(gaps[k]!)) return false;
  }
  return false;
}

export function groupsOf(text: string, members: readonly Member[]): Member[][] {
  const gaps = members.map((m, i) => (i + 1 < members.length ? text.slice(m.end, members[i + 1]!.start) : ''));
  const groups: Member[][] = [];
  members.forEach((member, i) => {
    const group = groups[groups.length - 1];
    const prev = group?.[group.length - 1];
    const gap = gaps[i - 1] ?? '';
    const joined = AND_GAP.test(gap) || (LIST_GAP.test(gap) && endsInAnd(gaps, i));
    if (group && prev && joined && group.every((m) => joinable(text, m)) && joinable(text, member) && agreeing([...group, member])) group.push(member);
    else groups.push([member]);
  });
  return groups;
}

export function groupsOfOthers(group: readonly Member[], members: readonly Member[]): Member[] {
  return members.filter((m) => !group.includes(m));
}

/** "killed by two gunmen": the figure after "by" counts the perpetrators, never the victims. */
export function isAgent(text: string, member: Span): boolean {
  return /\bby\s+$/i.test(text.slice(Math.max(0, member.start - 4), member.start));
}
