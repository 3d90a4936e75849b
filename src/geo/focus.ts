/**
 * The document's country focus: which country the story is about. Country names, missions
 * mandated to one country ("the OSCE SMM") and demonyms vote, as do big places whose name is
 * unambiguous; the dateline votes only weakly, since it is where the reporter was (BEIRUT for a
 * Syria story).
 */
import type { Reading } from './readings.js';
import type { SideFindings, Spot } from './spot.js';

/** Extra evidence for a reading from the rest of the text (support.ts), added to its prior. */
export type ReadingBonus = (spot: Spot, r: Reading) => number;

const COUNTRY_VOTE = 3;
/** A mission's mandate names its country as surely as the country's name. */
const MISSION_VOTE = COUNTRY_VOTE;
const DEMONYM_VOTE = 1.5;
const PLACE_VOTE = 1.5;
const DATELINE_VOTE = 0.75;
/** Headlines repeat the body: their votes count less so one title word cannot decide. */
const HEADLINE_FACTOR = 0.5;
const MIN_FOCUS_VOTES = 1.5;

export interface FocusResult {
  iso3: string | null;
  votes: Map<string, number>;
}

export function computeFocus(
  spots: Spot[], side: Pick<SideFindings, 'demonyms' | 'missions'>, dateline: Reading | null, bonus: ReadingBonus = () => 0,
): FocusResult {
  const votes = new Map<string, number>();
  const vote = (iso3: string, weight: number): void => {
    votes.set(iso3, (votes.get(iso3) ?? 0) + weight);
  };
  for (const spot of spots) {
    const top = confidentReading(spot, bonus);
    if (!top) continue;
    const weight = top.kind === 'country' ? COUNTRY_VOTE : PLACE_VOTE;
    vote(top.place.iso3, spot.headline ? weight * HEADLINE_FACTOR : weight);
  }
  for (const hit of side.demonyms) vote(hit.iso3, hit.headline ? DEMONYM_VOTE * HEADLINE_FACTOR : DEMONYM_VOTE);
  for (const hit of side.missions) vote(hit.iso3, hit.headline ? MISSION_VOTE * HEADLINE_FACTOR : MISSION_VOTE);
  if (dateline) vote(dateline.place.iso3, DATELINE_VOTE);
  let best: string | null = null;
  let bestVotes = MIN_FOCUS_VOTES - 1e-9;
  for (const [iso3, count] of votes) {
    if (count > bestVotes) {
      best = iso3;
      bestVotes = count;
    }
  }
  return { iso3: best, votes };
}

/**
 * The reading a name surely has before any context: a country name, or a big or administrative
 * place whose rivals of the same name in other countries are much less likely.
 */
function confidentReading(spot: Spot, bonus: ReadingBonus): Reading | null {
  if (spot.embedded || (spot.common && !spot.readings.some((r) => r.kind === 'country'))) return null;
  // The best reading (the first of equals, as a stable sort by score would put it), without sorting them all.
  const scores = spot.readings.map((r) => r.prior + bonus(spot, r));
  let firstAt = -1;
  for (let i = 0; i < scores.length; i++) if (firstAt < 0 || (scores[i] as number) > (scores[firstAt] as number)) firstAt = i;
  if (firstAt < 0) return null;
  const top = spot.readings[firstAt] as Reading;
  const topScore = scores[firstAt] as number;
  if (top.kind === 'country') return top;
  // A foreign alternate ("Bostan" for Boston) is no evidence of the story's country, unless every
  // reading of the name is in that one country ("Idleb": the city by an alternate, the province).
  if (top.viaAlternate && spot.readings.some((r, i) => i !== firstAt && r.place.iso3 !== top.place.iso3)) return null;
  // An acronym is no evidence unless it is a division's unambiguous abbreviation ("J&K").
  if (spot.acronym && top.abbreviation !== 'anywhere') return null;
  const strong = top.kind !== 'town' || top.place.population >= 100000 || top.place.featureCode === 'PPLC';
  if (!strong) return null;
  // The best score of a reading in another country.
  let rival = -Infinity;
  spot.readings.forEach((r, i) => {
    if (i !== firstAt && r.place.iso3 !== top.place.iso3) rival = Math.max(rival, scores[i] as number);
  });
  return rival === -Infinity || topScore - rival >= 1 ? top : null;
}
