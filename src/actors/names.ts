/**
 * ACLED-style names formed from a role and a country: "Civilians (Syria)",
 * "Unidentified Armed Group (Nigeria)", "Druze Group (Syria)".
 */
import type { ActorEntry, ActorKind } from '../types.js';
import type { CountryRole } from './types.js';

interface RoleShape {
  name: string;
  kind: ActorKind;
  inter: number;
}

/** ACLED's name, kind and inter code for each country role (ACLED codebook conventions). */
export const COUNTRY_ROLES: Readonly<Record<CountryRole, RoleShape>> = {
  civilians: { name: 'Civilians', kind: 'civilians', inter: 7 },
  protesters: { name: 'Protesters', kind: 'protesters', inter: 6 },
  rioters: { name: 'Rioters', kind: 'rioters', inter: 5 },
  unidentified: { name: 'Unidentified Armed Group', kind: 'political-militia', inter: 3 },
  gang: { name: 'Unidentified Gang', kind: 'political-militia', inter: 3 },
  'sole-perpetrator': { name: 'Sole Perpetrator', kind: 'political-militia', inter: 3 },
};

/** "Name (Country)", or the bare name when the country is unknown. */
export function withCountry(name: string, country: string | null): string {
  return country ? `${name} (${country})` : name;
}

/**
 * The actor for a role in a country, e.g. `roleActor('civilians', 'Syria', 'SYR')` →
 * "Civilians (Syria)". `country` is ACLED's English country name; null leaves the suffix off.
 */
export function roleActor(role: CountryRole, country: string | null, iso3: string | null = null): ActorEntry {
  const shape = COUNTRY_ROLES[role];
  return { name: withCountry(shape.name, country), kind: shape.kind, inter: shape.inter, iso3 };
}

export function isCountryRole(role: string): role is CountryRole {
  return role in COUNTRY_ROLES;
}
