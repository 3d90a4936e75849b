/**
 * Where an event happened. Among the places named in the event's sentence, the most precise one
 * nearest the trigger wins; a country or a province gives way to a town named in the same
 * sentence. With no place in the sentence, the event is placed where its paragraph is, then
 * where the article's lead is, and last in the article's focus country (geo_precision 3).
 */
import type { Place, PlaceMention, Span } from '../types.js';
import { gap } from './context.js';

export interface Where {
  place: Place;
  /** The place name as the text wrote it. */
  location: string;
  own: boolean;
  mention: PlaceMention | null;
  rule: string;
}

export interface WhereInput {
  text: string;
  trigger: Span;
  inSentence: PlaceMention[];
  paragraph: PlaceMention | null;
  lead: PlaceMention | null;
  focus: Place | null;
}

const isCountry = (p: PlaceMention): boolean => p.place.featureCode === 'COUNTRY';

/**
 * A foreign country named in passing ("a U.S.-based charity", "India accused Pakistan") is not
 * where the event happened; it is only when the text says "in <country>".
 */
function eligible(text: string, mention: PlaceMention, focus: Place | null): boolean {
  if (!isCountry(mention) || !focus || mention.place.iso3 === focus.iso3) return true;
  return /\b(?:in|inside|across|into)\s+(?:the\s+)?$/i.test(text.slice(Math.max(0, mention.start - 12), mention.start));
}

/** A place the text introduces as a location ("in X", "near X", "X district") rather than in passing. */
const CUED = /\bcue:(?:prep|near|town|district|division)\b/;

/** A place abroad in a country the text never names (the place stage's flag): likely a namesake. */
const UNNAMED_COUNTRY = /\/unnamed-country\b/;
/** A place whose division the text states ("in Tena (Napo), protesters blocked the road to Puyo"). */
const PLACED = /\/placed\b/;
const PLACED_BONUS = 300;

/**
 * Smaller is better: precise places, then places not flagged as lying in a country the text never
 * names (an Azerbaijan report's "forces located at Gorgan fired on positions near Fizuli" happened
 * at Fizuli, not in Iran), then places introduced as locations, then closeness to the trigger.
 */
function cost(mention: PlaceMention, trigger: Span): number {
  const stray = UNNAMED_COUNTRY.test(mention.rule) ? 600 : 0;
  const placed = PLACED.test(mention.rule) ? -PLACED_BONUS : 0;
  return mention.place.precision * 1000 + stray + placed + (CUED.test(mention.rule) ? 0 : 500) + Math.min(gap(mention, trigger), 499);
}

export function bestPlace(mentions: PlaceMention[], trigger: Span): PlaceMention | undefined {
  const finer = mentions.filter((m) => !isCountry(m));
  const pool = finer.length > 0 ? finer : mentions;
  return [...pool].sort((a, b) => cost(a, trigger) - cost(b, trigger))[0];
}

export function fromPlaceMention(text: string, mention: PlaceMention, own: boolean, rule: string): Where {
  return { place: mention.place, location: mention.place.name, own, mention, rule };
}

export function chooseWhere(input: WhereInput): Where | null {
  const own = bestPlace(input.inSentence.filter((m) => eligible(input.text, m, input.focus)), input.trigger);
  if (own) return fromPlaceMention(input.text, own, true, 'where:sentence');
  if (input.paragraph) return fromPlaceMention(input.text, input.paragraph, false, 'where:paragraph');
  if (input.lead) return fromPlaceMention(input.text, input.lead, false, 'where:lead');
  if (input.focus) return { place: input.focus, location: input.focus.name, own: false, mention: null, rule: 'where:focus' };
  return null;
}
