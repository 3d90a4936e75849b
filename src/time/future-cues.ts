/**
 * Is a date in future-tense text? News reports past events, so a bare weekday or month is
 * resolved backwards from the publication day; only an explicit future verb in the same clause
 * ("talks will resume on Thursday", "elections are scheduled for May") turns it forwards.
 * Kept narrow on purpose: "said it would", "expected the group would collapse" stay past.
 */

/** How far before a date the clause is searched for a future verb. */
const LOOK_BEHIND = 80;
/** How far after a clause-opening date ("On Thursday, talks will ...") is searched. */
const LOOK_AHEAD = 40;

/** Clause boundaries; U+0000 fills text outside the searched ranges. */
const CLAUSE_BREAK = /[.;!?\n\u0000"“”]/;

const FUTURE_VERB =
  /\b(?:will|shall|won['’]t|(?:scheduled|due|set|slated|poised|planning|plans?|intends?)\s+(?:to|for)|(?:is|are)\s+(?:expected|going)\s+to)\b|\w['’]ll\b/i;

/** Words between the clause start and a date that still make the date the clause opener. */
const CLAUSE_OPENER = /^\s*(?:(?:and|but|then|by|on|in|from|since|late|early|at|until)\s+)*$/i;

/** A reporting verb between a clause-opening date and a future verb: "On Monday, X said it will". */
const REPORTING_VERB = /\b(?:said|says|told|announced|added|reported|stated|warned|according)\b/i;

export function inFutureClause(text: string, start: number, end: number): boolean {
  const clauseStart = lastBreakBefore(text, start);
  const before = text.slice(clauseStart, start);
  if (FUTURE_VERB.test(before)) return true;
  if (!CLAUSE_OPENER.test(before)) return false;
  const after = clauseAfter(text, end);
  const verb = FUTURE_VERB.exec(after);
  return verb !== null && !REPORTING_VERB.test(after.slice(0, verb.index));
}

function lastBreakBefore(text: string, start: number): number {
  const floor = Math.max(0, start - LOOK_BEHIND);
  for (let i = start - 1; i >= floor; i--) {
    if (CLAUSE_BREAK.test(text.charAt(i))) return i + 1;
  }
  return floor;
}

function clauseAfter(text: string, end: number): string {
  const window = text.slice(end, end + LOOK_AHEAD);
  const stop = window.search(CLAUSE_BREAK);
  return stop < 0 ? window : window.slice(0, stop);
}
