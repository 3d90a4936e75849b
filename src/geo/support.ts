/**
 * How much the other names of a document support one reading of a name. A town whose province
 * is named elsewhere in the text is likelier than its namesakes ("Pisky ... Donetsk"), and much
 * likelier when the text says so ("Pisky, Donetsk"); a division that contains a name the text
 * puts in it is read as the division ("Rafael Delgado, Veracruz": Veracruz the state). Every
 * reading of the other names counts, not only their first choice, so the evidence is mutual.
 */
import { linkContainers } from './hierarchy.js';
import type { Reading } from './readings.js';
import type { Spot } from './spot.js';

/** Another name of the text is the reading's first-level division. */
const NAMED_ADMIN1_BONUS = 2;
/** Another name of the text is the reading's second-level division. */
const NAMED_ADMIN2_BONUS = 1.5;
/** A container the text gives ("X (Y)", "X, Y") holds this reading. */
const CONTAINER_BONUS = 3;
/** This division reading holds a name the text places in it. */
const CONTAINS_BONUS = 3;
/**
 * A country reading of a name the text gives as a container, when the places it contains lie in
 * a province of that name and not in the country: "Kagara (Rafi LGA, Niger)" is Niger State.
 */
const WRONG_COUNTRY_PENALTY = 8;

export interface Support {
  /** Bonus for reading `r` of `spot` from the other names of the document. */
  bonus(spot: Spot, r: Reading): number;
  /** The names the text gives as containing this one ("Kisombe (Fizi, Sud-Kivu)"). */
  containers(spot: Spot): Spot[];
  /** The names the text places inside this one ("Kisombe" for "Fizi" and "Sud-Kivu"). */
  contained(spot: Spot): Spot[];
}

/** True when reading `r` lies inside division (or country) reading `u`. */
export function inside(r: Reading, u: Reading): boolean {
  if (r === u || r.kind === 'country') return false;
  if (u.kind === 'country') return r.place.iso3 === u.place.iso3;
  if (u.kind === 'admin1') return r.kind !== 'admin1' && !!u.admin1Code && r.admin1Code === u.admin1Code;
  if (u.kind === 'admin2') return (r.kind === 'town' || r.kind === 'alias') && !!u.admin2Code && r.admin2Code === u.admin2Code;
  return false;
}

/**
 * Names whose readings may lend support: not acronyms (but a division's abbreviation, "J&K"), not
 * parts of longer names, not bare common words.
 */
export function canSupport(spot: Spot): boolean {
  const acronym = spot.acronym && !spot.readings.some((r) => r.abbreviation);
  return !acronym && !spot.embedded && !spot.personLike && !(spot.common && spot.cue !== 'town' && spot.cue !== 'division');
}

export function buildSupport(text: string, spots: Spot[]): Support {
  const containers = linkContainers(text, spots);
  const contained = new Map<Spot, Spot[]>();
  for (const [inner, outers] of containers) {
    for (const outer of outers) contained.set(outer, [...(contained.get(outer) ?? []), inner]);
  }
  const named1 = new Map<string, Set<string>>();
  const named2 = new Map<string, Set<string>>();
  for (const spot of spots) {
    if (!canSupport(spot)) continue;
    for (const r of spot.readings) {
      // An ambiguous abbreviation ("MP") names its division only as the container of a place.
      if (r.abbreviation === 'container' && !(spot.setOff && contained.has(spot))) continue;
      if (r.kind === 'admin1' && r.admin1Code) addKey(named1, r.admin1Code, spot.key);
      if (r.kind === 'admin2' && r.admin2Code) addKey(named2, r.admin2Code, spot.key);
    }
  }
  // A spot's supporting containers, worked out once: `bonus` is asked for every reading of every name.
  const supportingOuters = new Map<Spot, Spot[]>();
  const outersOf = (spot: Spot): Spot[] => {
    let outers = supportingOuters.get(spot);
    if (outers === undefined) supportingOuters.set(spot, (outers = (containers.get(spot) ?? []).filter(canSupport)));
    return outers;
  };
  return {
    containers: (spot) => containers.get(spot) ?? [],
    contained: (spot) => contained.get(spot) ?? [],
    bonus(spot, r) {
      let bonus = 0;
      if (r.kind !== 'admin1' && r.kind !== 'country' && r.admin1Code && othersThan(named1.get(r.admin1Code), spot.key)) bonus += NAMED_ADMIN1_BONUS;
      if ((r.kind === 'town' || r.kind === 'alias') && r.admin2Code && othersThan(named2.get(r.admin2Code), spot.key)) bonus += NAMED_ADMIN2_BONUS;
      const outers = outersOf(spot);
      if (outers.length > 0 && outers.some((c) => c.readings.some((u) => inside(r, u)))) bonus += CONTAINER_BONUS;
      if (r.kind === 'admin1' || r.kind === 'admin2') {
        const inners = contained.get(spot) ?? [];
        if (inners.some((a) => a.readings.some((v) => inside(v, r)))) bonus += CONTAINS_BONUS;
      }
      if (r.kind === 'country' && holdsNone(contained.get(spot), r) && spot.readings.some((u) => u.kind === 'admin1' && holdsSome(contained.get(spot), u))) {
        bonus -= WRONG_COUNTRY_PENALTY;
      }
      return bonus;
    },
  };
}

/** True when the text puts places in this name and none of their readings lies in `u`. */
function holdsNone(inners: Spot[] | undefined, u: Reading): boolean {
  return !!inners && inners.length > 0 && !inners.some((a) => a.readings.some((v) => inside(v, u)));
}

function holdsSome(inners: Spot[] | undefined, u: Reading): boolean {
  return !!inners && inners.some((a) => a.readings.some((v) => inside(v, u)));
}

function addKey(map: Map<string, Set<string>>, code: string, key: string): void {
  const set = map.get(code);
  if (set) set.add(key);
  else map.set(code, new Set([key]));
}

export function othersThan(keys: Set<string> | undefined, key: string): boolean {
  // Some key other than `key`: any set of two, or a set of one that is not `key` (no iterator made).
  if (!keys) return false;
  return keys.size > 1 || (keys.size === 1 && !keys.has(key));
}
