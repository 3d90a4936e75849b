/**
 * The glue between sitrep's day numbers and chrono's `ParsingComponents`: sitrep's own parsers
 * compute whole days from the anchor and hand chrono results whose computed parts are *implied*
 * (chrono's known/implied split), so `known` later lists only what the text stated.
 */
// The English locale alone: the package root also loads every other locale (~120 ms at start-up).
import { ParsingComponents, ParsingResult } from 'chrono-node/en';
import type { ParsingContext } from 'chrono-node';
import { toYmd, type DayNumber } from './calendar.js';

/** Tag prefix naming the sitrep rule that produced or resolved a result. */
export const RULE_TAG = 'sitrep/rule:';
/** Tag for a date that lies ahead of the anchor or sits in future-tense text. */
export const FUTURE_TAG = 'sitrep/future';
/** Tag for a date stated relative to the publication day ("yesterday", "last week"). */
export const RELATIVE_TAG = 'sitrep/relative';

const MS_PER_DAY = 86_400_000;

/** The anchor day: the reference instant is the anchor at 12:00 UTC, so flooring is exact. */
export function anchorDayOf(context: ParsingContext): DayNumber {
  return Math.floor(context.reference.instant.getTime() / MS_PER_DAY);
}

/** Sets year, month and day as implied, leaving whatever the text stated certain. */
export function implyDay(components: ParsingComponents, dayNumber: DayNumber): ParsingComponents {
  const { year, month, day } = toYmd(dayNumber);
  components.imply('year', year).imply('month', month).imply('day', day);
  return components;
}

export interface SpanOptions {
  rule: string;
  relative?: boolean;
  future?: boolean;
  /** Components the text states (e.g. `{ weekday: 2 }`, `{ month: 5 }`). */
  stated?: { weekday?: number; month?: number; year?: number };
}

/**
 * A chrono result for `text` at `index` covering the days `first`..`last` (a single day when
 * `last` is null), tagged with the sitrep rule.
 */
export function dayResult(
  context: ParsingContext,
  index: number,
  text: string,
  first: DayNumber,
  last: DayNumber | null,
  options: SpanOptions,
): ParsingResult {
  const start = statedComponents(context, options);
  implyDay(start, first);
  const end = last === null ? undefined : implyDay(statedComponents(context, {}), last);
  const result = new ParsingResult(context.reference, index, text, start, end);
  result.start.addTag(RULE_TAG + options.rule);
  if (options.relative) result.start.addTag(RELATIVE_TAG);
  if (options.future) result.start.addTag(FUTURE_TAG);
  return result;
}

function statedComponents(context: ParsingContext, options: Pick<SpanOptions, 'stated'>): ParsingComponents {
  const components = context.createParsingComponents();
  const stated = options.stated ?? {};
  if (stated.weekday !== undefined) components.assign('weekday', stated.weekday);
  if (stated.month !== undefined) components.assign('month', stated.month);
  if (stated.year !== undefined) components.assign('year', stated.year);
  return components;
}

/** The sitrep rule recorded on a result, or null for chrono's own parsers. */
export function ruleOf(result: { start: { tags(): Set<string> } }): string | null {
  for (const tag of result.start.tags()) {
    if (tag.startsWith(RULE_TAG)) return tag.slice(RULE_TAG.length);
  }
  return null;
}
