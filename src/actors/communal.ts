/**
 * Militias named after a place: ACLED calls the armed men of a state, region or town that the
 * text names only by place "<Place> Communal Militia (<country>)" ("Zamfara militiamen" →
 * "Zamfara Communal Militia (Nigeria)"). The place must be one the gazetteer resolved, so
 * "Mai-Mai militia" or "Fano militia" (names, not places) never take this path.
 */
import type { ActorMention, PlaceMention } from '../types.js';
import type { FoldedText } from './alias-index.js';
import { withCountry } from './names.js';

const MILITIA_AFTER = /^ (?:communal |local |armed |youth )?(?:militia|militias|militiamen|militia men|militia members)\b/;

/** The place mentions of a document by their start offset. */
export function placesByStart(places: readonly PlaceMention[]): Map<number, PlaceMention> {
  const byStart = new Map<number, PlaceMention>();
  for (const p of places) if (!byStart.has(p.start)) byStart.set(p.start, p);
  return byStart;
}

/** A communal militia named by the place that starts at `start`, else null. */
export function communalMilitiaAt(
  text: FoldedText,
  place: PlaceMention | undefined,
  countryName: (iso3: string) => string | null,
): ActorMention | null {
  if (!place || place.place.featureCode === 'COUNTRY') return null;
  const after = MILITIA_AFTER.exec(text.lower.slice(place.end, place.end + 32));
  if (!after) return null;
  const written = text.raw.slice(place.start, place.end);
  const name = withCountry(`${written} Communal Militia`, countryName(place.place.iso3));
  return {
    start: place.start,
    end: place.end + after[0].length,
    actor: { name, kind: 'identity-militia', inter: 4, iso3: place.place.iso3 },
    resolvedInContext: false,
    rule: 'actors/place-militia',
  };
}
