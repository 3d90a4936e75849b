/**
 * Splits a sentence into clauses that can tell different events: "security forces shot dead 25
 * protesters in Nasiriyah on Thursday, hours after protesters torched the consulate in Najaf"
 * tells two events, and the date of the first is not the date of the second. Only boundaries
 * that introduce another happening are cut (", hours after", "; ", ", while"); participles
 * ("…, killing five people") stay with their clause.
 */
import type { Span } from '../types.js';

/** "hours", "two days", "less than a week", "only minutes": how long before or after the other happening. */
const INTERVAL =
  '(?:(?:only|just|barely|less\\s+than|more\\s+than|about|around|nearly|almost|some|roughly)\\s+)?(?:(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|a\\s+few|several|\\d+)\\s+)?(?:hours?|days?|weeks?|months?|minutes?|moments|shortly|soon|just)\\s+';

const BOUNDARY = new RegExp(
  [
    ';\\s+',
    ',?\\s+in\\s+(?:retaliation|response|revenge)\\s+(?:for|to)\\s+',
    `,\\s+(?:${INTERVAL})?(?:after|before|following)\\s+`,
    ',\\s+(?:while|whereas|but)\\s+',
    '\\s+[—–]\\s+(?=[a-z])',
  ].join('|'),
  'g',
);

export function clausesOf(text: string, sentence: Span): Span[] {
  const body = text.slice(sentence.start, sentence.end);
  const clauses: Span[] = [];
  let start = 0;
  // An exec loop, not matchAll: matchAll builds a copy of the regex at every call.
  BOUNDARY.lastIndex = 0;
  for (let match = BOUNDARY.exec(body); match; match = BOUNDARY.exec(body)) {
    const cut = match.index;
    if (cut - start >= 20) {
      clauses.push({ start: sentence.start + start, end: sentence.start + cut });
      start = cut + match[0].length;
    }
  }
  clauses.push({ start: sentence.start + start, end: sentence.end });
  return clauses;
}
