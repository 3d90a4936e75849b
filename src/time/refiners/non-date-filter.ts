/**
 * Drops what chrono's month and numeric parsers read as dates but news prose does not mean as
 * one: "24/7" and other numbers without a year, lower-case "march", a month name that is a
 * person's name ("Theresa May", "April Ryan"), and anything without a month. sitrep's own
 * parsers check their matches themselves and pass through.
 */
import type { ParsingContext, ParsingResult, Refiner } from 'chrono-node';
import { ruleOf } from '../components.js';

/** A capitalised (or upper-case, as in datelines) month name or abbreviation in the matched text. */
const CAPITALISED_MONTH = /\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec|JAN|FEB|MAR|APR|MAY|JUN|JUL|AUG|SEP|OCT|NOV|DEC)/;
const HAS_LETTER = /[A-Za-z]/;

/**
 * Words that introduce a month standing alone ("in May", "since March", "April and May"):
 * without one, a bare capitalised month is more often a name or the modal "May".
 */
const MONTH_CUE_BEFORE =
  /(?:\b(?:in|since|until|till|by|from|during|through|throughout|of|before|after|between|and|or|to|last|this|next|early|late|mid|end|beginning|start|middle)[\s-]+|,\s*)$/i;

/** "by April Ryan": a month followed straight by a capitalised word is a first name. */
const NAME_AFTER = /^ [A-Z][a-z]/;

export class NonDateFilter implements Refiner {
  refine(context: ParsingContext, results: ParsingResult[]): ParsingResult[] {
    return results.filter((result) => ruleOf(result) !== null || this.isDate(context, result));
  }

  private isDate(context: ParsingContext, result: ParsingResult): boolean {
    const start = result.start;
    if (!start.isCertain('month')) return false;
    if (!HAS_LETTER.test(result.text)) return start.isCertain('year');
    if (!CAPITALISED_MONTH.test(result.text)) return false;
    if (start.isCertain('day') || start.isCertain('year')) return true;
    const before = context.text.slice(Math.max(0, result.index - 14), result.index);
    // chrono's month match may take a trailing comma or "of": "September, Pyongyang" is no name.
    const end = result.index + result.text.replace(/(?:[\s,-]|\s+of)+$/, '').length;
    return MONTH_CUE_BEFORE.test(before) && !NAME_AFTER.test(context.text.slice(end, end + 3));
  }
}
