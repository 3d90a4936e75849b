/**
 * Text that states where a place lies: "Pisky, Donetsk", "Kisombe (Fizi, Sud-Kivu)", "Winder
 * town (Las Bela district, Balochistan)", "Cartagena, in the Murcia region". The later names are
 * the earlier one's containers; the resolver uses them to pick the reading inside them, to read
 * the containers as divisions rather than towns, and to drop a small namesake that lies elsewhere.
 */
import type { Spot } from './spot.js';

/** Words that may stand between a name and its container: "X town (Y)", "X district of Y". */
const TYPE =
  '(?:villages?|towns?|city|district|area|sub-?county|township|municipality|county|province|region|governorate|state|locality|neighbou?rhood|camp|lga|territory|commune|department|prefecture|oblast|raion|woreda|zone|sector|settlement)';
/** "the western countryside of", "the northern outskirts of": the part of a division a place lies in. */
const PART =
  '(?:the\\s+)?(?:(?:north|south|east|west|north-?east|north-?west|south-?east|south-?west)(?:ern)?\\s+)?(?:countryside|outskirts|suburbs|part|parts)\\s+of';
/**
 * The gap between a name and its container, trimmed: ",", "(", "town (", "sector area (", ", in the",
 * "district of", "in the western countryside of".
 */
const LINK_RE = new RegExp(`^(?:${TYPE}\\s+)?(?:${TYPE}\\s*)?(?:,|\\(|,?\\s*in|\\(\\s*in|${TYPE}\\s+(?:of|in)|,?\\s*in\\s+${PART})(?:\\s+the)?$`, 'i');

/** "(Ango, ": a bracket opened on a name the gazetteer lacks still leads to the container after it. */
const UNKNOWN_LINK_RE = /^\(\s*\p{Lu}[\p{L}\p{N}'’ -]{0,30},$/u;
/** A list goes on after the last name: "Aleppo, Homs and Hama" names three places, not a hierarchy. */
const LIST_TAIL_RE = /^\s*,?\s*(?:and|or|&)\s/;

/** True when the text between two names says the second contains the first. */
export function isContainerGap(gap: string): boolean {
  const trimmed = gap.trim();
  return trimmed.length > 0 && trimmed.length < 40 && (LINK_RE.test(trimmed) || UNKNOWN_LINK_RE.test(trimmed));
}

/** True when the text right after a name continues a list ("X, Y and Z"). */
export function continuesList(after: string): boolean {
  return LIST_TAIL_RE.test(after.slice(0, 12));
}

/**
 * Each spot's containers: the names that follow it in an unbroken chain of container gaps
 * ("Opira (Oicha, Beni, Nord-Kivu)": Oicha, Beni and Nord-Kivu contain Opira; Beni and
 * Nord-Kivu contain Oicha). Spots must be in text order.
 */
export function linkContainers(text: string, spots: Spot[]): Map<Spot, Spot[]> {
  const out = new Map<Spot, Spot[]>();
  let chain: Spot[] = [];
  for (let i = 0; i < spots.length; i++) {
    const spot = spots[i] as Spot;
    const prev = spots[i - 1];
    const linked = !!prev && prev.sentence === spot.sentence && isContainerGap(text.slice(prev.end, spot.start));
    if (!linked) {
      chain = [spot];
      continue;
    }
    for (const inner of chain) {
      const list = out.get(inner);
      if (list) list.push(spot);
      else out.set(inner, [spot]);
    }
    chain.push(spot);
  }
  return out;
}
