/**
 * ACLED's inter code of an actor name as a reviewer types it: the CSV's inter1/inter2 columns
 * (and its interaction code) follow an edited actor. The names are the dictionary's own, with
 * or without the " (Country)" that ACLED adds to roles and groups; a name the dictionary does not
 * know gives null, and the event keeps the code its reports gave (a reviewer fixing a spelling).
 */
import { COUNTRY_ROLES, type ActorDictionary } from '../actors/index.js';

export type InterLookup = (name: string) => number | null;

const fold = (name: string): string => name.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/\s+/g, ' ').trim();

export function createInterLookup(dictionary: ActorDictionary): InterLookup {
  const codes = new Map<string, number>();
  const add = (name: string, inter: number): void => {
    const key = fold(name);
    if (!codes.has(key)) codes.set(key, inter);
  };
  for (const entry of dictionary.entries) {
    add(entry.name, entry.inter);
    for (const period of entry.periods ?? []) add(period.name, period.inter);
  }
  for (const role of Object.values(COUNTRY_ROLES)) add(role.name, role.inter);
  return (name) => {
    const key = fold(name);
    // "Civilians (Syria)", "Druze Group (Syria)": the role or group without the country.
    return codes.get(key) ?? codes.get(key.replace(/ \([^()]*\)$/, '')) ?? null;
  };
}
