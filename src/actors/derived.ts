/**
 * Ethnic, clan and tribal militias named from the identity groups: ACLED calls armed members of
 * an ethnic group "<Group> Ethnic Militia (<country>)" ("Tiv militias" → "Tiv Ethnic Militia
 * (Nigeria)"), of a clan "<Clan> Clan Militia" (Somalia), of a tribe "<Tribe> Tribal Militia".
 * Rather than list every "X militia" by hand, the stage reads a group's name followed by a noun
 * that makes it armed ("militiamen", "gunmen") as the group's militia. A hand-written militia
 * entry of the same name ("Fulani Ethnic Militia") is used as it is.
 */
import { addAlias, createAliasIndex, sealAliasIndex, type AliasIndex } from './alias-index.js';
import type { ActorDataEntry } from './types.js';

/** Nouns that, after a group's name, name its armed men rather than the community. (The lookahead only speeds V8's compile: see ACTING in candidates.ts.) */
export const ARMED_AFTER =
  /^ (?:(?:youth|communal|ethnic|clan|tribal|armed) )?(?=[a-z])(?:militia|militias|militiamen|militia members|militants|gunmen|fighters|attackers|assailants|youths?|self defen[cs]e groups?)\b/;
/** "armed Fulani", "armed Pokot": the same, the other way round. */
export const ARMED_BEFORE = /\barmed $/;

/** "Tiv Ethnic Group" → "Tiv Ethnic Militia", "Hawadle Clan Group" → "Hawadle Clan Militia". */
const COMMUNITY = / (Ethnic|Clan|Tribal) Group$/;

export interface DerivedMilitias {
  /** New militia entries (those with no hand-written entry). */
  entries: ActorDataEntry[];
  /** The militia of each ethnic, clan or tribal group. */
  byIdentity: ReadonlyMap<ActorDataEntry, ActorDataEntry>;
  /** Short names ("Pokot", "Hawadle") that name a group only before an armed noun. */
  militiaNames: AliasIndex<ActorDataEntry>;
}

export function deriveMilitias(identities: ActorDataEntry[], groups: ActorDataEntry[]): DerivedMilitias {
  const byName = new Map(groups.map((g) => [g.name, g]));
  const entries: ActorDataEntry[] = [];
  const byIdentity = new Map<ActorDataEntry, ActorDataEntry>();
  const militiaNames = createAliasIndex<ActorDataEntry>();
  for (const identity of identities) {
    if (!COMMUNITY.test(identity.name)) continue;
    const name = identity.name.replace(COMMUNITY, ' $1 Militia');
    let militia = byName.get(name);
    if (!militia) {
      const base = identity.militiaNames?.[0] ?? identity.aliases[0] ?? name;
      militia = { name, kind: 'identity-militia', inter: 4, iso3: identity.iso3, aliases: [`${base} militia`], suffix: true };
      entries.push(militia);
    }
    byIdentity.set(identity, militia);
    for (const short of identity.militiaNames ?? []) addAlias(militiaNames, short, identity);
  }
  sealAliasIndex(militiaNames);
  return { entries, byIdentity, militiaNames };
}
