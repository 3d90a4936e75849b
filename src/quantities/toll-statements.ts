/**
 * A toll told as a statement about the toll, the figure standing after its verb: "the death
 * toll rose to 182", "the number of people killed in Friday's strike has risen to 57", "the
 * toll stood at 40", "the number of wounded reached 109". No cue stands beside such a figure,
 * so the ordinary reading leaves it untyped.
 */
import type { CountKind, CountMention, Span } from '../types.js';
import type { Quantity } from './numbers.js';

/** The subject: a toll, or a number of the dead or the hurt (with what the noun's kind is). */
const SUBJECT =
  /\b(?:death\s+toll|toll\s+of\s+(?:the\s+)?dead|(?<toll>toll)|number\s+of\s+(?:(?:people|persons|those|civilians|victims|soldiers|students|children)\s+)?(?<word>killed|dead|deaths|wounded|injured|hurt))\b/gi;
/** The verb that brings the figure, right before it: "has risen to", "stands at", "reached". */
const VERB_BEFORE_FIGURE = /\b(?:has\s+|had\s+|have\s+)?(?:rose|risen|climbed|jumped|increased|grown|grew|reached|hit|stands|stood|is\s+now|was\s+now|now\s+stands)\s+(?:to\s+|at\s+)?$/i;
/** How far the figure may stand from the subject ("… in Friday's missile strike on the station …"). */
const MAX_GAP = 160;

export function findTollStatements(text: string, sentence: Span, quantities: readonly Quantity[]): CountMention[] {
  const out: CountMention[] = [];
  const body = text.slice(sentence.start, sentence.end);
  // An exec loop, not matchAll: matchAll builds a copy of the regex at every call.
  SUBJECT.lastIndex = 0;
  for (let match = SUBJECT.exec(body); match; match = SUBJECT.exec(body)) {
    const subjectEnd = sentence.start + match.index + match[0].length;
    const word = match.groups?.word?.toLowerCase();
    const kind: CountKind = word === 'wounded' || word === 'injured' || word === 'hurt' ? 'injured' : 'killed';
    const figure = quantities.find(
      (q) => q.start >= subjectEnd && q.start - subjectEnd <= MAX_GAP && !q.yearLike && VERB_BEFORE_FIGURE.test(text.slice(Math.max(subjectEnd, q.start - 40), q.start)),
    );
    if (!figure) continue;
    // "The toll" alone is a toll of the dead only when nothing says otherwise ("toll of wounded").
    if (match.groups?.toll && /^\s+of\s+(?:the\s+)?(?:wounded|injured)/i.test(text.slice(subjectEnd, subjectEnd + 20))) continue;
    out.push({
      start: figure.start, end: figure.end, kind, low: figure.low, high: figure.high,
      cue: { start: sentence.start + match.index, end: subjectEnd }, rule: `${figure.rule}/toll-statement`,
    });
  }
  return out;
}
