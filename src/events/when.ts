/**
 * When an event happened. A date written in the event's own sentence wins (the one nearest the
 * trigger); otherwise the event inherits the date of the paragraph it is told in, then a date
 * its sentence gives as a bound ("were missing on Tuesday after gunmen stormed"), then the
 * article's lead date, and last the publication date at week precision, since a report with no
 * date at all is about "these days". The day a statement was made ("officials said on Sunday")
 * dates the report, not the event, so it only serves when nothing better is known. Inherited dates are marked so that merging trusts a date
 * the text gave for this very event over one it was only near.
 */
import type { DateMention, Doc, Span, TimePrecision } from '../types.js';
import { nearest } from './context.js';

export interface When {
  date: string;
  end: string | null;
  precision: TimePrecision;
  /** True when the sentence itself dates the event. */
  own: boolean;
  mention: DateMention | null;
  rule: string;
}

export interface WhenInput {
  doc: Doc;
  trigger: Span;
  /** Dates inside the sentence. */
  inSentence: DateMention[];
  /** The latest date told earlier in the same paragraph, if any. */
  paragraph: DateMention | null;
  /** A date by which the act had happened ("were missing on Tuesday after gunmen stormed"). */
  bound?: DateMention | null;
  /** The first date of the article's body (the lead), if any. */
  lead: DateMention | null;
  published: string | null;
}

const usable = (d: DateMention): boolean => !d.future;

/** "said on Sunday", "told Reuters late Tuesday": the day of the report, not of the event. */
const REPORTING = /\b(?:said|says|told(?:\s+\w+){0,2}|announced|reported|confirmed|added|stated|declared|tweeted|wrote)\s+(?:late\s+|early\s+)?(?:on\s+)?$/i;
/**
 * "since President X took office in May": the start of a period, not the event's day. (With a
 * date right after it, "since the July 7 assassination", the date is the event's.)
 */
const SINCE = /\bsince\s+(?:[^\s,.;]+\s+){3,}(?:in\s+|on\s+)?$/i;

/**
 * Dates that do not date the event told beside them: the day of a statement, a dateline's
 * date (the day of filing), and the start of a "since" period.
 */
export function isReportDate(doc: Doc, mention: DateMention): boolean {
  if (doc.dateline && mention.start >= doc.dateline.start && mention.end <= doc.dateline.end) return true;
  const before = doc.text.slice(Math.max(0, mention.start - 40), mention.start);
  return REPORTING.test(before) || SINCE.test(before);
}

export function fromMention(mention: DateMention, own: boolean, rule: string): When {
  return { date: mention.date, end: mention.dateEnd, precision: mention.precision, own, mention, rule };
}

export function chooseWhen(input: WhenInput): When | null {
  const usableHere = input.inSentence.filter(usable);
  const own = nearest(usableHere.filter((d) => !isReportDate(input.doc, d)), input.trigger);
  if (own) return fromMention(own, true, 'when:sentence');
  if (input.paragraph && usable(input.paragraph)) return fromMention(input.paragraph, false, 'when:paragraph');
  if (input.bound && usable(input.bound)) return fromMention(input.bound, false, 'when:bound');
  const reported = nearest(usableHere, input.trigger);
  if (reported) return fromMention(reported, false, 'when:report-date');
  if (input.lead && usable(input.lead)) return fromMention(input.lead, false, 'when:lead');
  if (input.published) return { date: input.published, end: null, precision: 2, own: false, mention: null, rule: 'when:published' };
  return null;
}
