/**
 * Gates that skip a parser on texts it cannot match. chrono runs every parser's regex over the
 * whole text; most articles hold no "ago" and no "7/31/2018", many no "week" or "month". Each
 * gate is a *necessary* condition of its parser's pattern (something every match contains), so
 * a gated parser finds exactly what the bare one finds: the gate only spares the scan when it
 * fails, and costs a fraction of it when it passes.
 */
import type { Parser, ParsingContext } from 'chrono-node';

/** Matches nothing, at once: anchored at the start, so the engine tries one position only. */
const NEVER = /^(?!)/;

/** A cheap test the text must pass for the parser's pattern to have any match in it. */
export type Gate = RegExp;

/** The parser, asked only when the text passes `gate`. */
export function gated(parser: Parser, gate: Gate): Parser {
  return {
    pattern(context: ParsingContext): RegExp {
      return gate.test(context.text) ? parser.pattern(context) : NEVER;
    },
    extract(context: ParsingContext, match: RegExpMatchArray) {
      return parser.extract(context, match);
    },
  };
}

// Each gate is measured to cost a fraction of its parser's scan; gates that cost about as much
// as the scan they could spare ("yesterday|today|…", month names) are left out.

/** "three days ago": every match holds "ago" (the pattern is case-insensitive, so is the gate). */
export const AGO_GATE: Gate = /ago/i;

/** "last week", "earlier this month", "over the weekend", "the past few days". */
export const RELATIVE_PERIOD_GATE: Gate = /week|month|days/i;

/** "7/31/2018", "31.07.2018": a digit, a separator, a digit. */
export const SLASH_GATE: Gate = /\d[/.-]\d/;
