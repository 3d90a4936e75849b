/**
 * Builds `data/actors/state-forces.json`: the military, police and government of every
 * country in `data/countries.json`, named as ACLED names them ("Military Forces of Syria",
 * "Police Forces of the Philippines", "Government of the United States"), merged with the
 * hand-written special names in `data/actors/state-specials.json` ("Syrian Arab Army", "IDF").
 *
 * Demonym forms ("Syrian troops", "U.S. forces") are not listed: the actor stage composes
 * them from the country modifiers and the role nouns of `data/actors/roles.json`.
 *
 * Run: node --import tsx scripts/build-state-actors.ts
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ActorDataEntry, Country, StateRole } from '../src/actors/types.js';

const DATA = join(dirname(fileURLToPath(import.meta.url)), '..', 'data');

/** Countries whose name ACLED writes with "the" inside an actor name. */
const WITH_ARTICLE = new Set([
  'USA', 'GBR', 'COD', 'COG', 'CAF', 'PHL', 'NLD', 'ARE', 'DOM', 'CZE', 'MDV', 'BHS', 'SLB', 'MHL', 'COM', 'SYC',
]);

interface SpecialForms {
  aliases: string[];
  contextAliases: string[];
  context?: string[];
}
type Specials = Record<string, Partial<Record<StateRole, SpecialForms>> | string>;

const ROLE_PREFIX: Record<StateRole, string> = {
  military: 'Military Forces of',
  police: 'Police Forces of',
  government: 'Government of',
};

function stateEntries(country: Country, specials: Specials): ActorDataEntry[] {
  const article = WITH_ARTICLE.has(country.iso3) ? 'the ' : '';
  const own = specials[country.iso3];
  return (Object.keys(ROLE_PREFIX) as StateRole[]).map((role) => {
    const name = `${ROLE_PREFIX[role]} ${article}${country.name}`;
    const bare = `${ROLE_PREFIX[role]} ${country.name}`;
    const extra = typeof own === 'object' ? own[role] : undefined;
    const entry: ActorDataEntry = {
      name,
      kind: 'state',
      inter: 1,
      iso3: country.iso3,
      role,
      aliases: [...new Set([name, bare, ...(extra?.aliases ?? [])])],
    };
    if (extra && extra.contextAliases.length > 0) {
      entry.contextAliases = extra.contextAliases;
      entry.context = extra.context ?? [country.iso3];
    }
    return entry;
  });
}

function main(): void {
  const countries = JSON.parse(readFileSync(join(DATA, 'countries.json'), 'utf8')) as Country[];
  const specials = JSON.parse(readFileSync(join(DATA, 'actors', 'state-specials.json'), 'utf8')) as Specials;
  for (const iso3 of Object.keys(specials)) {
    if (iso3 !== '_comment' && !countries.some((c) => c.iso3 === iso3)) throw new Error(`unknown country ${iso3}`);
  }
  const entries = countries.flatMap((c) => stateEntries(c, specials));
  const lines = entries.map((e) => '  ' + JSON.stringify(e));
  writeFileSync(join(DATA, 'actors', 'state-forces.json'), '[\n' + lines.join(',\n') + '\n]\n');
  console.log(`state-forces.json: ${entries.length} entries for ${countries.length} countries`);
}

main();
