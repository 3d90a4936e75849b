/**
 * Whether two tellings can be the same event: the same kind of act, dates that overlap within
 * their precision, places that coincide within their precision, and no two different named
 * perpetrators. A field a telling only inherited from its context (a paragraph's date, the
 * lead's place) does not count against a match, since it was never stated for this event.
 */
import type { CodedEvent, Place } from '../types.js';

const DAY = 86_400_000;
/** Slack in days either side, by time_precision. */
export const DATE_SLACK: Record<1 | 2 | 3, number> = { 1: 0, 2: 3, 3: 16 };
/** Distance within which two places are the same, by the coarser geo_precision, in km. */
const PLACE_KM: Record<1 | 2 | 3, number> = { 1: 15, 2: 40, 3: 150 };
const VIOLENT = new Set(['Battles', 'Explosions/Remote violence', 'Violence against civilians', 'Riots']);

export function kilometres(a: { latitude: number; longitude: number }, b: { latitude: number; longitude: number }): number {
  const r = Math.PI / 180;
  const dLat = (b.latitude - a.latitude) * r;
  const dLon = (b.longitude - a.longitude) * r;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.latitude * r) * Math.cos(b.latitude * r) * Math.sin(dLon / 2) ** 2;
  return 12742 * Math.asin(Math.sqrt(h));
}

/** The days an event may lie on: its date or span widened by its precision's slack (and `extraDays`). */
function interval(e: CodedEvent, extraDays: number): [number, number] {
  const slack = (DATE_SLACK[e.timePrecision] + extraDays) * DAY;
  return [Date.parse(e.date) - slack, Date.parse(e.dateEnd ?? e.date) + slack];
}

/** True when the two events' dates overlap within their precisions, each widened by `extraDays(e)`. */
export function datesOverlap(a: CodedEvent, b: CodedEvent, extraDays: (e: CodedEvent) => number = () => 0): boolean {
  const [a0, a1] = interval(a, extraDays(a));
  const [b0, b1] = interval(b, extraDays(b));
  return a0 <= b1 && b0 <= a1;
}

export function datesMatch(a: CodedEvent, b: CodedEvent): boolean {
  return !a.stated.date || !b.stated.date || datesOverlap(a, b);
}

/** Same place, or one lies within the other (a town inside a named province). */
export function placesMatch(a: Place, b: Place): boolean {
  if (a.iso3 !== b.iso3) return false;
  if (a.id === b.id) return true;
  // "in Mexico" and "in Culiacan" can be the same event: a country holds all its places.
  if (a.featureCode === 'COUNTRY' || b.featureCode === 'COUNTRY') return true;
  const coarse = Math.max(a.precision, b.precision) as 1 | 2 | 3;
  if (coarse === 3 && a.admin1 && a.admin1 === b.admin1) return true;
  return kilometres(a, b) <= PLACE_KM[coarse];
}

/** Taking a town and the fighting for it are two events for ACLED. */
export const TERRITORY: ReadonlySet<string> = new Set(['Government regains territory', 'Non-state actor overtakes territory']);

function kindsMatch(a: CodedEvent, b: CodedEvent): boolean {
  if (a.subEventType === b.subEventType) return true;
  // Taking a town and the fighting around it are two events for ACLED.
  if (TERRITORY.has(a.subEventType) || TERRITORY.has(b.subEventType)) return false;
  const weak = !a.stated.date || !b.stated.date;
  if (a.eventType === b.eventType) return weak || a.eventType === 'Battles';
  // A blast told in passing during a massacre is part of it (ACLED folds it in); so is a
  // telling in general words ("several of the wounded died", "in the attack"), dated or not.
  const vague = !a.stated.kind || !b.stated.kind;
  if ((weak || vague) && VIOLENT.has(a.eventType) && VIOLENT.has(b.eventType)) return true;
  // "The airport and nearby infrastructure were destroyed": the damage of the strike just told.
  const damage = [a, b].find((e) => e.subEventType === 'Looting/property destruction');
  if (damage && !damage.stated.date && [a, b].some((e) => e !== damage && VIOLENT.has(e.eventType))) return true;
  // "Police detained 20 demonstrators" after a sit-in is the protest's intervention.
  const arrests = [a, b].find((e) => e.subEventType === 'Arrests');
  return !!arrests && !arrests.stated.date && [a, b].some((e) => e.eventType === 'Protests');
}

export function actorsMatch(a: CodedEvent, b: CodedEvent): boolean {
  if (!a.stated.actor1 || !b.stated.actor1) return true;
  if (a.actor1 === b.actor1) return true;
  // Two-sided events may name the sides in either order.
  return a.eventType === 'Battles' && a.actor1 === b.actor2 && a.actor2 === b.actor1;
}

export function compatible(a: CodedEvent, b: CodedEvent): boolean {
  if (!kindsMatch(a, b) || !datesMatch(a, b) || !actorsMatch(a, b)) return false;
  if (!a.stated.place || !b.stated.place) return a.place.iso3 === b.place.iso3;
  return placesMatch(a.place, b.place);
}
