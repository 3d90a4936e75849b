/**
 * The shapes of the actor dictionary: the JSON entries in `data/actors/` and the loaded,
 * indexed dictionary the actor stage is built from.
 */
import type { ActorEntry, ActorKind, CountryEntry } from '../types.js';

/** One country or territory of `data/countries.json`. */
export type Country = CountryEntry;

export type StateRole = 'military' | 'police' | 'government';

/** Roles formed with a country name: "Civilians (Syria)", "Unidentified Armed Group (Syria)". */
export type CountryRole = 'civilians' | 'protesters' | 'rioters' | 'unidentified' | 'gang' | 'sole-perpetrator';

/**
 * A name the actor bears only for part of its history, by the article's publication date:
 * the Taliban are "Military Forces of Afghanistan" from 15 August 2021; the RSF were a unit of
 * Sudan's military until 15 April 2023. `from` is inclusive, `until` exclusive (ISO dates).
 */
export interface ActorPeriod extends ActorEntry {
  from?: string;
  until?: string;
}

/**
 * A coalition operation that ACLED names in place of a state's own forces where it fights:
 * Saudi forces in Yemen are "Operation Restoring Hope".
 */
export interface StandsFor {
  /** ISO3 codes of the states whose military the operation stands for. */
  states: string[];
  /** ISO3 codes of the countries (article's country) where it does. */
  in: string[];
  /** Last day (exclusive) on which the operation ran, when it ended. */
  until?: string;
}

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
  /** Other names by publication date (see `ActorPeriod`). */
  periods?: ActorPeriod[];
  /**
   * Identity groups only: short names ("Pokot", "Hawadle") too ambiguous to name the community
   * alone (they are also places and surnames) but safe before "militia", "gunmen", "clan militia".
   */
  militiaNames?: string[];
  /** Operations only: the state forces it replaces, and where. */
  standsFor?: StandsFor;
  /**
   * A movement of local units that ACLED names by their township: "the Mingin PDF" and "People's
   * Defense Force - Mingin" are "People's Defense Force - Mingin" (the name after "ABBR: ").
   */
  localUnits?: boolean;
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
  /**
   * Nouns (or their last words) that name a weapon or an action rather than people
   * ("warplanes", "airstrikes", "shelling"): the event lexicon reads them as triggers, so the
   * mention covers only the words before them ("Turkish" in "Turkish airstrikes").
   */
  instruments?: string[];
}

export type RoleName = RoleData['role'];

/** A dictionary entry reached through one alias; `context` limits where the alias applies. */
export interface EntryTarget {
  type: 'entry';
  entry: ActorDataEntry;
  context: ReadonlySet<string> | null;
}

/** What one alias of the main index leads to: an actor, a country modifier or a bare role. */
export type AliasTarget = EntryTarget | CountryTarget | { type: 'role'; role: RoleName };

/**
 * A country modifier. `noun` marks forms that can stand alone as a subject ("Israel",
 * "North Korea", "Moscow"), unlike the adjectival demonyms ("Israeli"): only those can name
 * a state acting ("Israel struck ...").
 */
export interface CountryTarget {
  type: 'country';
  iso3: string;
  noun: boolean;
}

/** A capital city that news uses for its government ("Moscow", "Kyiv"): `data/actors/capitals.json`. */
export interface Capital {
  iso3: string;
  names: string[];
}

/** What may follow a country modifier: a role noun ("troops") or an identity ("Christians"). */
export type NounTarget = EntryTarget | { type: 'role'; role: RoleName };
