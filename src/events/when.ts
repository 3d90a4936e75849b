/**
 * When an event happened. A date written in the event's own sentence wins (the one nearest the
 * trigger); otherwise the event inherits the date of the paragraph it is told in, then the
 * article's lead date, and last the publication date at week precision, since a report with no
 * date at all is about "these days". Inherited dates are marked so that merging trusts a date
 * the text gave for this very event over one it was only near.
 */
import type { DateMention, Span, TimePrecision } from '../types.js';
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
  trigger: Span;
  /** Dates inside the sentence. */
  inSentence: DateMention[];
  /** The latest date told earlier in the same paragraph, if any. */
  paragraph: DateMention | null;
  /** The first date of the article's body (the lead), if any. */
  lead: DateMention | null;
  published: string | null;
}

const usable = (d: DateMention): boolean => !d.future;

export function fromMention(mention: DateMention, own: boolean, rule: string): When {
  return { date: mention.date, end: mention.dateEnd, precision: mention.precision, own, mention, rule };
}

export function chooseWhen(input: WhenInput): When | null {
  const own = nearest(input.inSentence.filter(usable), input.trigger);
  if (own) return fromMention(own, true, 'when:sentence');
  if (input.paragraph && usable(input.paragraph)) return fromMention(input.paragraph, false, 'when:paragraph');
  if (input.lead && usable(input.lead)) return fromMention(input.lead, false, 'when:lead');
  if (input.published) return { date: input.published, end: null, precision: 2, own: false, mention: null, rule: 'when:published' };
  return null;
}
