/**
 * Loads the actor dictionary (`data/countries.json`, `data/actors/*.json`) once and indexes
 * every surface form: named actors ("Hayat Tahrir al-Sham"), country modifiers ("Syrian",
 * "U.S.", "Syria"), bare roles ("regime forces", "gunmen") and the role nouns that may follow
 * a country modifier ("troops" in "Syrian troops").
 */
import { readDataJson } from '../data.js';
import type { ActorEntry } from '../types.js';
import { addAlias, createAliasIndex, sealAliasIndex, type AliasIndex } from './alias-index.js';
import { aliasKey } from './fold.js';
import type { ActorDataEntry, AliasTarget, Country, NounTarget, RoleData, StateRole } from './types.js';

export interface ActorDictionary {
  /** Every named entry: state forces, armed groups, identity groups. */
  entries: ActorDataEntry[];
  roles: RoleData[];
  countries: Country[];
  countryByIso3: ReadonlyMap<string, Country>;
  /** State forces by `role:iso3` ("military:SYR"). */
  stateByRole: ReadonlyMap<string, ActorDataEntry>;
  /** Named actors, identity groups, country modifiers and bare roles. */
  main: AliasIndex<AliasTarget>;
  /** Role nouns and identity groups that may follow a country modifier. */
  nouns: AliasIndex<NounTarget>;
  /** Folded keys of the bare anaphors ("the group", "rebels"): generic words, resolved in context. */
  anaphorKeys: ReadonlySet<string>;
  /** Armed non-state groups (and rebel-held "states" such as the Houthis) that anaphors may point to. */
  anaphorTargets: ReadonlySet<ActorDataEntry>;
}

/** Where a modifier collides between countries ("Congolese", "Dominican"), the larger one wins. */
const PREFERRED_MODIFIER = new Set(['COD', 'DOM', 'USA', 'GBR', 'IND', 'CHN', 'GIN']);
/** Demonym nouns that never modify a role noun ("Pole", "Finn") or names that are mostly not the country. */
const NOT_MODIFIERS = new Set([
  'pole', 'poles', 'dane', 'finn', 'swede', 'turk', 'kiwi', 'briton', 'frenchman', 'englishman', 'irishman',
  'dutchman', 'spaniard', 'jerseyman', 'guernseyman', 'jersey', 'guernsey', 'isle of man', 'the states', 'saba',
]);

/** The adjectival demonyms: drops plural forms whose singular is also listed ("Syrians"). */
function adjectivalDemonyms(country: Country): string[] {
  const all = new Set(country.demonyms);
  return country.demonyms.filter((d) => !(d.endsWith('s') && all.has(d.slice(0, -1))));
}

function countryModifiers(countries: Country[]): Map<string, { alias: string; iso3: string }> {
  const modifiers = new Map<string, { alias: string; iso3: string }>();
  for (const country of countries) {
    for (const alias of [country.name, ...country.aliases, ...adjectivalDemonyms(country)]) {
      const key = aliasKey(alias, false);
      if (NOT_MODIFIERS.has(key)) continue;
      const held = modifiers.get(key);
      if (!held || (PREFERRED_MODIFIER.has(country.iso3) && !PREFERRED_MODIFIER.has(held.iso3))) {
        modifiers.set(key, { alias, iso3: country.iso3 });
      }
    }
  }
  return modifiers;
}

function addEntries(main: AliasIndex<AliasTarget>, entries: ActorDataEntry[]): void {
  for (const entry of entries) {
    for (const alias of entry.aliases) addAlias(main, alias, { type: 'entry', entry, context: null });
    const context = new Set(entry.context ?? (entry.iso3 ? [entry.iso3] : []));
    for (const alias of entry.contextAliases ?? []) addAlias(main, alias, { type: 'entry', entry, context });
  }
}

function addRoles(main: AliasIndex<AliasTarget>, nouns: AliasIndex<NounTarget>, roles: RoleData[]): void {
  for (const role of roles) {
    for (const form of new Set(role.bare)) addAlias(main, form, { type: 'role', role: role.role });
    for (const noun of new Set(role.nouns)) addAlias(nouns, noun, { type: 'role', role: role.role });
  }
}

/** Reads and indexes the dictionary. Call once; the result is immutable and shared. */
export function loadActorDictionary(): ActorDictionary {
  const countries = readDataJson<Country[]>('countries.json');
  const state = readDataJson<ActorDataEntry[]>('actors', 'state-forces.json');
  const groups = readDataJson<ActorDataEntry[]>('actors', 'armed-groups.json');
  const identities = readDataJson<ActorDataEntry[]>('actors', 'identity-groups.json');
  const roles = readDataJson<RoleData[]>('actors', 'roles.json');

  const main = createAliasIndex<AliasTarget>();
  const nouns = createAliasIndex<NounTarget>();
  const entries = [...state, ...groups, ...identities];
  addEntries(main, entries);
  for (const { alias, iso3 } of countryModifiers(countries).values()) addAlias(main, alias, { type: 'country', iso3 });
  addRoles(main, nouns, roles);
  for (const entry of identities) {
    for (const alias of entry.aliases) addAlias(nouns, alias, { type: 'entry', entry, context: null });
  }
  sealAliasIndex(main);
  sealAliasIndex(nouns);

  const anaphor = roles.find((r) => r.role === 'anaphor');
  return {
    entries,
    roles,
    countries,
    countryByIso3: new Map(countries.map((c) => [c.iso3, c])),
    stateByRole: new Map(state.map((e) => [`${e.role}:${e.iso3}`, e])),
    main,
    nouns,
    anaphorKeys: new Set((anaphor?.bare ?? []).map((form) => aliasKey(form, false))),
    // External actors (UN missions, NGOs, mercenaries) are never "the militants".
    anaphorTargets: new Set(groups.filter((g) => g.kind !== 'external')),
  };
}

/** Strips the dictionary-only fields, leaving the shared `ActorEntry`. */
export function toActorEntry(entry: ActorDataEntry, name = entry.name, iso3 = entry.iso3): ActorEntry {
  return { name, kind: entry.kind, inter: entry.inter, iso3 };
}

/**
 * The state actor of a country: `stateActor(dict, 'military', 'SYR')` → "Military Forces of
 * Syria"; null for a code the dictionary does not know.
 */
export function stateActor(dict: ActorDictionary, role: StateRole, iso3: string): ActorEntry | null {
  const entry = dict.stateByRole.get(`${role}:${iso3}`);
  return entry ? toActorEntry(entry) : null;
}
