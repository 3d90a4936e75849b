/** The actor stage and its dictionary: see `stage.ts` and `dictionary.ts`. */
export { loadActorDictionary, stateActor, toActorEntry, type ActorDictionary } from './dictionary.js';
export { createActorStage } from './stage.js';
export { roleActor, withCountry, COUNTRY_ROLES } from './names.js';
export { roleActorIn } from './context.js';
export type { ActorDataEntry, Country, CountryRole, StateRole } from './types.js';
