/**
 * The shapes of the actor dictionary: the JSON entries in `data/actors/` and the loaded,
 * indexed dictionary the actor stage is built from.
 */
import type { ActorEntry, ActorKind } from '../types.js';

/** One country or territory of `data/countries.json`. */
export interface Country {
  iso2: string;
  iso3: string;
  /** ACLED's English name ("Democratic Republic of Congo"). */
  name: string;
  aliases: string[];
  demonyms: string[];
  /** ACLED region ("Middle East"). */
  region: string;
}

export type StateRole = 'military' | 'police' | 'government';

/** Roles formed with a country name: "Civilians (Syria)", "Unidentified Armed Group (Syria)". */
export type CountryRole = 'civilians' | 'protesters' | 'rioters' | 'unidentified' | 'gang' | 'sole-perpetrator';

/** One entry of a `data/actors/*.json` file. */
export interface ActorDataEntry extends ActorEntry {
  /** Surface forms that always name this actor. */
  aliases: string[];
  /** Surface forms that name it only in documents about one of `context` (ambiguous elsewhere). */
  contextAliases?: string[];
  /** ISO3 codes of the countries where `contextAliases` apply (default: `iso3`). */
  context?: string[];
  /** State forces only: which arm of the state. */
  role?: StateRole;
  /** The name takes the article's country as a suffix: "Druze Group" → "Druze Group (Syria)". */
  suffix?: boolean;
  /** Identity groups whose members, when named, are also civilians ("students", "journalists"). */
  civilians?: boolean;
}

/** A generic role noun list of `data/actors/roles.json`. */
export interface RoleData {
  role: StateRole | CountryRole | 'anaphor';
  /** For country roles: the name before the country suffix ("Civilians"). */
  name?: string;
  kind?: ActorKind;
  inter?: number;
  /** Nouns that take a country modifier: "Syrian troops", "Iraqi protesters". */
  nouns: string[];
  /** Forms that stand alone and are resolved by the article's country: "the army", "regime forces". */
  bare: string[];
}

export type RoleName = RoleData['role'];

/** A dictionary entry reached through one alias; `context` limits where the alias applies. */
export interface EntryTarget {
  type: 'entry';
  entry: ActorDataEntry;
  context: ReadonlySet<string> | null;
}

/** What one alias of the main index leads to: an actor, a country modifier or a bare role. */
export type AliasTarget = EntryTarget | { type: 'country'; iso3: string } | { type: 'role'; role: RoleName };

/** What may follow a country modifier: a role noun ("troops") or an identity ("Christians"). */
export type NounTarget = EntryTarget | { type: 'role'; role: RoleName };
