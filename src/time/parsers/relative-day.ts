/**
 * Days named relative to the publication day: "yesterday", "today", "last night", "overnight",
 * "this morning", "tomorrow". Replaces chrono's ENCasualDateParser/ENCasualTimeParser, whose
 * "now", "morning" or "night" alone are not dates and whose "last night" depends on the
 * machine's time zone.
 */
import type { Parser, ParsingContext, ParsingResult } from 'chrono-node';
import { anchorDayOf, dayResult } from '../components.js';

const PATTERN =
  /\b(?:the\s+day\s+before\s+yesterday|yesterday|earlier\s+today|today|tonight|tomorrow|(?:late\s+)?last\s+night|overnight|this\s+(?:morning|afternoon|evening))\b/i;

/** Days from the anchor, and the rule name, by the phrase's first word(s). */
function offsetOf(phrase: string): { offset: number; rule: string } {
  if (phrase.startsWith('the day before')) return { offset: -2, rule: 'day-before-yesterday' };
  if (phrase === 'yesterday') return { offset: -1, rule: 'yesterday' };
  if (phrase === 'tomorrow') return { offset: 1, rule: 'tomorrow' };
  if (phrase === 'overnight') return { offset: -1, rule: 'overnight' };
  if (phrase.endsWith('last night')) return { offset: -1, rule: 'last-night' };
  return { offset: 0, rule: 'today' };
}

/** "overnight Monday" or "Sunday overnight": the weekday dates it, not the anchor. */
const NEAR_WEEKDAY = /(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)/;
/** "an overnight curfew", "an overnight stay": an adjective, not a date. */
const ADJECTIVE_USE = /\b(?:an?|every|each)\s+$/i;
/** "USA Today", "Russia Today": a capitalised Today mid-sentence is a name. */
const NAME_BEFORE = /[A-Za-z][\w-]*\s+$/;

export class RelativeDayParser implements Parser {
  pattern(): RegExp {
    return PATTERN;
  }

  extract(context: ParsingContext, match: RegExpMatchArray): ParsingResult | null {
    const index = match.index ?? 0;
    const text = match[0];
    const phrase = text.toLowerCase().replace(/\s+/g, ' ');
    const before = context.text.slice(Math.max(0, index - 20), index);
    if (text.startsWith('Today') && NAME_BEFORE.test(before)) return null;
    if (phrase === 'overnight' && !this.isDateUse(context.text, index, before)) return null;
    const { offset, rule } = offsetOf(phrase);
    const day = anchorDayOf(context) + offset;
    return dayResult(context, index, text, day, null, { rule, relative: true, future: offset > 0 });
  }

  private isDateUse(text: string, index: number, before: string): boolean {
    if (ADJECTIVE_USE.test(before)) return false;
    const around = before.slice(-12) + text.slice(index, index + 'overnight'.length + 20);
    return !NEAR_WEEKDAY.test(around);
  }
}
