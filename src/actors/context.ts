/**
 * What the words around a generic form say about who it is: the same "security forces" are
 * the police when they arrest people or disperse a protest, and the same "armed men" are a
 * gang when they kill in a drive-by in Latin America. Also the names an actor bears by date
 * (the Taliban as Afghanistan's state from August 2021) and the coalition operations ACLED
 * names in place of a state's forces (Saudi forces in Yemen are "Operation Restoring Hope").
 */
import type { ActorEntry } from '../types.js';
import { toActorEntry, type ActorDictionary } from './dictionary.js';
import { foldLower, foldPunct } from './fold.js';
import { roleActor, withCountry } from './names.js';
import type { ActorDataEntry, CountryRole } from './types.js';

/** Acts of policing: arrests, custody, crowd control. */
const POLICING =
  /\b(?:arrest|detain|detention|custody|apprehend|round(?:ed|ing)? up|tear ?gas|teargas|water cannon|rubber bullets|batons?|dispers|protest|demonstrat|rall(?:y|ies)|sit in|crowd)/;
/** Generic forms that ACLED reads as police when the sentence is about policing. */
const SECURITY_FORMS: ReadonlySet<string> = new Set([
  'security forces', 'security force', 'security personnel', 'security agents', 'security services', 'the security services',
  'security operatives', 'joint security forces', 'authorities', 'the authorities', 'local authorities',
  'provincial authorities', 'state authorities', 'security officers', 'security officials',
]);

/**
 * Hallmarks of gang violence in ACLED's Latin American coding: drive-bys, coups de grâce,
 * narco-messages, the drug trade, and the signature of cartel killings (bodies dismembered,
 * beheaded, bound and gagged, executions).
 */
const GANG_HALLMARKS =
  /\b(?:drive by|tiro de gracia|coup de grace|narco|drugs?\b|drug traffick|drug dealer|drug deal|trafficking group|criminal group|organi[sz]ed crime|settling (?:of )?(?:scores|accounts)|dismember|decapitat|behead|hands (?:and feet )?(?:were )?(?:tied|bound)|tied and gagged|gagged|execution style|executed)/;
/**
 * Where ACLED names such killers an unidentified gang: Mexico, northern Central America, Brazil
 * and the Caribbean gang states. Colombia's unknown gunmen stay an "Unidentified Armed Group",
 * since its armed groups are guerrillas and paramilitaries as much as gangs.
 */
const GANG_COUNTRIES: ReadonlySet<string> = new Set(['MEX', 'GTM', 'SLV', 'HND', 'BLZ', 'BRA', 'HTI', 'JAM', 'TTO']);
/** Where ACLED names unknown gunmen "Unidentified Gang and/or Police Militia": Brazil, whose police militias kill too. */
const GANG_OR_MILITIA: ReadonlySet<string> = new Set(['BRA']);

/** True when a generic security form in this sentence stands for the police. */
export function policing(key: string, sentence: string): boolean {
  return SECURITY_FORMS.has(key) && POLICING.test(sentence);
}

/** The name for unidentified armed men in this sentence: a gang where the hallmarks say so, else null. */
export function gangName(iso3: string | null, sentence: string): string | null {
  if (!iso3 || !GANG_COUNTRIES.has(iso3) || !GANG_HALLMARKS.test(sentence)) return null;
  return GANG_OR_MILITIA.has(iso3) && /\bdrive by|execut/.test(sentence) ? 'Unidentified Gang and/or Police Militia' : 'Unidentified Gang';
}

/** The entry's name on the publication date (`periods`), else its own. */
export function entryOnDate(entry: ActorDataEntry, published: string | null): ActorEntry | null {
  if (!published || !entry.periods) return null;
  for (const period of entry.periods) {
    if (period.from && published < period.from) continue;
    if (period.until && published >= period.until) continue;
    return { name: period.name, kind: period.kind, inter: period.inter, iso3: period.iso3 };
  }
  return null;
}

/** The operation that stands for this state military in the article's country, if any. */
export function operationFor(
  dict: ActorDictionary,
  actor: ActorEntry,
  where: ReadonlySet<string>,
  published: string | null,
): ActorEntry | null {
  if (actor.kind !== 'state' || !actor.iso3 || !actor.name.startsWith('Military Forces of ')) return null;
  for (const op of dict.operations) {
    const stands = op.standsFor;
    if (!stands || !stands.states.includes(actor.iso3) || !stands.in.some((iso3) => where.has(iso3))) continue;
    if (stands.until && published && published >= stands.until) continue;
    return toActorEntry(op);
  }
  return null;
}

/**
 * A role actor for the events stage, which names roles the text left unnamed: unidentified
 * killers become an unidentified gang where the text bears a gang's hallmarks (as the actor
 * stage does for "gunmen"). `text` is the clause or sentence of the event.
 */
export function roleActorIn(role: CountryRole, country: string | null, iso3: string | null = null, text = ''): ActorEntry {
  if (role === 'unidentified' && iso3) {
    const gang = gangName(iso3, foldLower(foldPunct(text)));
    if (gang) return { ...roleActor('gang', country, iso3), name: withCountry(gang, country) };
  }
  return roleActor(role, country, iso3);
}
