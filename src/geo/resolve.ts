/**
 * Picks one reading for each candidate name, or drops the name. Evidence, in order of weight:
 * a division cue ("X province"), the document's focus country, other places of the same
 * province or country in the document, the feature class and the population (the prior).
 */
import type { GeoPrecision, Place } from '../types.js';
import type { Reading } from './readings.js';
import type { Spot } from './spot.js';
import { inside, othersThan, type Support } from './support.js';

const FOCUS_BONUS = 4;
const SAME_COUNTRY_BONUS = 1;
const SAME_ADMIN1_BONUS = 1.5;
const SEAT_DISTRICT_PENALTY = 2;

export interface Context {
  focus: string | null;
  /** ISO3 → keys of the names first read as places of that country. */
  countries: Map<string, Set<string>>;
  /** Admin1 code → keys of the names first read as places in it. */
  admin1s: Map<string, Set<string>>;
  /** Keys found in the body, so a headline name repeated there counts. */
  bodyKeys: Set<string>;
  /** Keys seen as part of a person's name in this document ("Santos" after "Juan Manuel Santos"). */
  personKeys: Set<string>;
  /** What the document's other names say for each reading (see support.ts). */
  support: Support;
  /** First-pass choice of each name, for the names it contains. */
  picks: Map<Spot, Reading>;
  /** ISO3 → admin1 codes of the first-level divisions the text names as such. */
  namedAdmin1s: Map<string, Set<string>>;
  /** Names the text itself types as provinces ("Pisky, Donetsk": Donetsk the province). */
  forced: Map<Spot, Reading>;
  /** ISO3 of the countries the text names, by name, demonym or mission. */
  namedCountries: Set<string>;
}

export interface Resolution {
  place: Place;
  reading: Reading;
  score: number;
  rule: string;
}

export function scoreReading(r: Reading, spot: Spot, ctx: Context): number {
  let score = r.prior;
  if (ctx.focus && r.place.iso3 === ctx.focus) score += FOCUS_BONUS;
  if (othersThan(ctx.countries.get(r.place.iso3), spot.key)) score += SAME_COUNTRY_BONUS;
  // Towns gain from other places of their province; the province itself does not (Kyiv the city
  // stays the city when Bucha, in Kyiv oblast, is named too).
  if (r.kind !== 'admin1' && r.admin1Code && othersThan(ctx.admin1s.get(r.admin1Code), spot.key)) score += SAME_ADMIN1_BONUS;
  score += ctx.support.bonus(spot, r);
  if (spot.cue === 'division') score += r.kind === 'admin1' ? 6 : r.kind === 'town' ? -1 : 0;
  if (spot.cue === 'district') score += r.kind === 'admin2' ? 5 : r.place.featureCode === 'PPLA2' ? 1 : r.kind === 'admin1' ? -1 : 0;
  // A district named after its seat means the seat unless the text says "district".
  else if (r.kind === 'admin2' && spot.readings.some((t) => t.kind === 'town' && t.admin2Code === r.admin2Code)) score -= SEAT_DISTRICT_PENALTY;
  if (spot.cue === 'town') score += r.kind === 'town' || r.place.precision === 1 ? 1 : r.kind === 'admin1' ? -2 : 0;
  if (spot.acronym && r.kind !== 'country' && !r.abbreviation) score -= 100;
  return score;
}

/** The best reading by score, and the best score among readings of other places. */
export function rank(spot: Spot, ctx: Context): { best: Reading; score: number; runnerUp: number } | null {
  let best: Reading | null = null;
  let score = -Infinity;
  let runnerUp = -Infinity;
  for (const r of spot.readings) {
    const s = scoreReading(r, spot, ctx);
    if (s > score) {
      runnerUp = score;
      best = r;
      score = s;
    } else if (s > runnerUp) runnerUp = s;
  }
  return best ? { best, score, runnerUp } : null;
}

export function isStrong(r: Reading): boolean {
  const code = r.place.featureCode;
  return r.kind !== 'town' || r.place.population >= 100000 || code === 'PPLC' || code === 'PPLA';
}

/** Why a reading is not believable here, or null when it is. */
export function rejection(spot: Spot, r: Reading, ctx: Context): string | null {
  const inFocus = ctx.focus !== null && r.place.iso3 === ctx.focus;
  if (r.abbreviation) return abbreviationRejection(spot, r, ctx);
  if (spot.acronym && r.kind !== 'country') return 'acronym';
  if (spot.common && r.kind !== 'country' && spot.cue !== 'town' && spot.cue !== 'division' && !properNameInFocus(spot, r, inFocus) && !inHierarchy(spot, r, ctx)) {
    return 'common word';
  }
  // "Victoria Nuland", "Rami Abdel Rahman": inside a run of capitalised words only a country, or a
  // province of the focus country, survives ("Syria Civil Defence"); facility words do not embed.
  if (spot.embedded && r.kind !== 'country' && !(r.kind === 'admin1' && inFocus)) return 'part of a longer name';
  if (r.kind !== 'country' && ctx.personKeys.has(spot.key)) return "part of a person's name in this text";
  if (spot.headline && !isStrong(r) && !ctx.bodyKeys.has(spot.key)) return 'headline only';
  const local = r.kind === 'town' || r.kind === 'admin2';
  const hierarchy = local ? hierarchyRejection(spot, r, ctx) : null;
  if (hierarchy) return hierarchy;
  if (r.kind !== 'town' || isStrong(r)) return null;
  return townRejection(spot, r, ctx, inFocus);
}

/**
 * A common word capitalised inside a body sentence is a name, and the focus country's city or
 * province of that name is meant: "protesters marched in central Van" in a Turkey report,
 * "near Shikharkh, Tartar" in an Azerbaijan one; right after "in" or "at", any country's town.
 */
function properNameInFocus(spot: Spot, r: Reading, inFocus: boolean): boolean {
  if (spot.initial || spot.headline) return false;
  // "demonstrated in Valence": after a locative preposition a capitalised town or seat is one anywhere.
  const code = r.place.featureCode;
  const town = r.kind === 'town' && (r.place.population >= 20000 || code === 'PPLC' || code === 'PPLA' || code === 'PPLA2');
  return (inFocus && isStrong(r)) || (spot.locative && town && !r.viaAlternate);
}

/**
 * "Tamale (Tamale, Northern)", "Colon (Colon)": a common word the text places in a division that
 * holds this reading, or that holds a place the text puts in it, is a place name.
 */
function inHierarchy(spot: Spot, r: Reading, ctx: Context): boolean {
  if (spot.initial || spot.headline) return false;
  // "Tangier (Tangier)": the name repeated as its own district is a place name either way.
  const inStated = ctx.support.containers(spot).some((c) => c.key === spot.key || c.readings.some((u) => inside(r, u)));
  return inStated || ctx.support.contained(spot).some((a) => a.key === spot.key || a.readings.some((v) => inside(v, r)));
}

/**
 * "J&K" and "KPK" stand for their division (spot.ts reads abbreviations in capitals only); "MP"
 * is a member of parliament unless the text puts a place in it ("Bhopal, MP").
 */
function abbreviationRejection(spot: Spot, r: Reading, ctx: Context): string | null {
  const container = spot.setOff && ctx.support.contained(spot).length > 0;
  if (r.abbreviation === 'container' && !container) return 'ambiguous abbreviation that contains no place';
  return null;
}

/**
 * A small town the text itself places elsewhere is a namesake: "Winder town (Las Bela district,
 * Balochistan)" is not Winder, Georgia; "the Barrocas neighborhood" of a Brazilian city is not
 * the town of Barrocas in another state.
 */
function hierarchyRejection(spot: Spot, r: Reading, ctx: Context): string | null {
  const stated = ctx.support.containers(spot).map((c) => ctx.picks.get(c)).filter((u): u is Reading => !!u && u.kind !== 'town' && u.kind !== 'alias');
  if (stated.length > 0 && !stated.some((u) => inside(r, u))) return 'not in the division the text names';
  const abroad = ctx.focus !== null && r.place.iso3 !== ctx.focus;
  const focusProvincesNamed = abroad && ctx.namedAdmin1s.has(ctx.focus as string);
  // "indigenous Bari and Wayuu people (Zulia)": a foreign city named without any cue is a word.
  if (focusProvincesNamed && !spot.cue && r.place.featureCode !== 'PPLC') return "abroad, while the text names the focus country's provinces";
  if (isStrong(r)) return null;
  const named = ctx.namedAdmin1s.get(r.place.iso3);
  const inNamed = !named || (!!r.admin1Code && named.has(r.admin1Code));
  const sameProvince = !!r.admin1Code && othersThan(ctx.admin1s.get(r.admin1Code), spot.key);
  if (spot.cue === 'sub' && !(r.place.featureCode === 'PPLX' && (sameProvince || (named && inNamed)))) return 'part of a town, not a town';
  const typed = spot.cue === 'town' || spot.cue === 'near' || spot.cue === 'division' || spot.cue === 'district';
  if (!inNamed && !sameProvince && !typed && r.place.population < 20000) return 'outside the provinces the text names';
  if (focusProvincesNamed) return "abroad, while the text names the focus country's provinces";
  if (r.viaAlternate && abroad) return 'alternate name of a small place abroad';
  return null;
}

/** Small towns need a cue, and more of one outside the focus country. */
function townRejection(spot: Spot, r: Reading, ctx: Context, inFocus: boolean): string | null {
  const typed = spot.cue === 'town' || spot.cue === 'near' || spot.cue === 'division' || spot.cue === 'district';
  if (typed) return null;
  const pop = r.place.population;
  const seat = r.place.featureCode.startsWith('PPLA');
  if (inFocus) return spot.cue === 'prep' || pop >= 5000 || seat ? null : 'small place without a cue';
  if (ctx.focus === null) return pop >= 20000 || (spot.cue === 'prep' && (pop >= 1000 || seat)) ? null : 'small place, no focus';
  return spot.cue === 'prep' && pop >= 20000 ? null : 'place outside the focus country without a cue';
}

export function resolveSpot(spot: Spot, ctx: Context): Resolution | string {
  const forced = ctx.forced.get(spot);
  const ranked = forced ? { best: forced, score: scoreReading(forced, spot, ctx), runnerUp: -Infinity } : rank(spot, ctx);
  if (!ranked) return 'no reading';
  const { best, score, runnerUp } = ranked;
  const why = rejection(spot, best, ctx);
  if (why) return why;
  const inFocus = ctx.focus !== null && best.place.iso3 === ctx.focus;
  let confidence = 0.5 + (isStrong(best) ? 0.15 : 0) + (inFocus ? 0.1 : 0);
  confidence += spot.cue === 'prep' ? 0.05 : spot.cue ? 0.1 : 0;
  confidence += Number.isFinite(runnerUp) ? 0.15 * Math.min(1, (score - runnerUp) / 3) : 0.15;
  confidence -= (spot.common ? 0.15 : 0) + (spot.headline ? 0.1 : 0) + (spot.embedded ? 0.1 : 0);
  // A place abroad in a country the text never names is likelier a namesake than where things happened.
  const unnamed = ctx.focus !== null && !inFocus && !ctx.namedCountries.has(best.place.iso3);
  // "Toluca, Mexico", "Tena (Napo)": the text states where the place lies, as it does for an event's own place.
  const placed = ctx.support.containers(spot).some((c) => c.readings.some((u) => inside(best, u)));
  const flags = [
    inFocus ? 'focus' : '', unnamed ? 'unnamed-country' : '', spot.cue ? `cue:${spot.cue}` : '', forced ? 'container' : '', placed ? 'placed' : '',
  ].filter(Boolean);
  return {
    place: { ...best.place, precision: precisionFor(best, spot) },
    reading: best,
    score: Math.round(Math.min(0.99, Math.max(0.05, confidence)) * 100) / 100,
    rule: ['geo', best.kind, ...flags].join('/'),
  };
}

/** "near X" and "X countryside" place the event near a town (2); "X province" at the province (3). */
function precisionFor(r: Reading, spot: Spot): GeoPrecision {
  const own = r.place.precision;
  if (spot.cue === 'division' && r.kind === 'town') return 3;
  if (spot.cue === 'district' && r.kind === 'town') return 2;
  if (spot.cue === 'near' && own === 1) return 2;
  return own;
}
