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
import { deriveMilitias } from './derived.js';
import type { ActorDataEntry, AliasTarget, Capital, Country, NounTarget, RoleData, StateRole } from './types.js';

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
  /** Folded role forms whose last words name a weapon or action ("warplanes", "airstrikes"). */
  instruments: ReadonlySet<string>;
  /** `instruments` by their last word, in the same order: a role key is checked against a few. */
  instrumentsByLastWord: ReadonlyMap<string, readonly string[]>;
  /** Operations that replace a state's military where they fight ("Operation Restoring Hope"). */
  operations: ActorDataEntry[];
  /** The militia of each ethnic, clan or tribal group ("Tiv" → "Tiv Ethnic Militia"). */
  militiaOf: ReadonlyMap<ActorDataEntry, ActorDataEntry>;
  /** Short group names that name a militia only before an armed noun ("Pokot gunmen"). */
  militiaNames: AliasIndex<ActorDataEntry>;
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

interface Modifier {
  alias: string;
  iso3: string;
  /** A name that can stand as a subject ("Israel"), not an adjective ("Israeli"). */
  noun: boolean;
}

function countryModifiers(countries: Country[], capitals: Capital[]): Map<string, Modifier> {
  const modifiers = new Map<string, Modifier>();
  const add = (alias: string, iso3: string, noun: boolean): void => {
    const key = aliasKey(alias, false);
    if (NOT_MODIFIERS.has(key)) return;
    const held = modifiers.get(key);
    if (!held || (PREFERRED_MODIFIER.has(iso3) && !PREFERRED_MODIFIER.has(held.iso3))) modifiers.set(key, { alias, iso3, noun });
  };
  for (const country of countries) {
    for (const alias of [country.name, ...country.aliases]) add(alias, country.iso3, true);
    for (const alias of adjectivalDemonyms(country)) add(alias, country.iso3, false);
  }
  // A capital never displaces a country's own form ("Djibouti", "Kuwait" are both).
  for (const capital of capitals) {
    for (const alias of capital.names) if (!modifiers.has(aliasKey(alias, false))) add(alias, capital.iso3, true);
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
  const units = readDataJson<ActorDataEntry[]>('actors', 'state-units.json');
  const capitals = readDataJson<Capital[]>('actors', 'capitals.json');

  const main = createAliasIndex<AliasTarget>();
  const nouns = createAliasIndex<NounTarget>();
  const militias = deriveMilitias(identities, groups);
  const entries = [...state, ...units, ...groups, ...militias.entries, ...identities];
  addEntries(main, entries);
  for (const { alias, iso3, noun } of countryModifiers(countries, capitals).values()) addAlias(main, alias, { type: 'country', iso3, noun });
  addRoles(main, nouns, roles);
  for (const entry of identities) {
    for (const alias of entry.aliases) addAlias(nouns, alias, { type: 'entry', entry, context: null });
  }
  sealAliasIndex(main);
  sealAliasIndex(nouns);

  const anaphor = roles.find((r) => r.role === 'anaphor');
  const instruments = new Set(roles.flatMap((r) => r.instruments ?? []).map((form) => aliasKey(form, false)));
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
    anaphorTargets: new Set([...groups, ...militias.entries].filter((g) => g.kind !== 'external')),
    instruments,
    instrumentsByLastWord: byLastWord(instruments),
    operations: groups.filter((g) => g.standsFor),
    militiaOf: militias.byIdentity,
    militiaNames: militias.militiaNames,
  };
}

function byLastWord(keys: Iterable<string>): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const key of keys) {
    const last = key.slice(key.lastIndexOf(' ') + 1);
    const list = out.get(last);
    if (list) list.push(key);
    else out.set(last, [key]);
  }
  return out;
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
