/** ACLED's event types and sub-types as the workbench offers them, with a colour per type. */
export const SUB_TYPES: Record<string, string[]> = {
  Battles: ['Government regains territory', 'Non-state actor overtakes territory', 'Armed clash'],
  'Explosions/Remote violence': ['Chemical weapon', 'Air/drone strike', 'Suicide bomb', 'Shelling/artillery/missile attack', 'Remote explosive/landmine/IED', 'Grenade'],
  'Violence against civilians': ['Sexual violence', 'Attack', 'Abduction/forced disappearance'],
  Protests: ['Peaceful protest', 'Protest with intervention', 'Excessive force against protesters'],
  Riots: ['Violent demonstration', 'Mob violence'],
  'Strategic developments': [
    'Agreement', 'Arrests', 'Change to group/activity', 'Disrupted weapons use', 'Headquarters or base established',
    'Looting/property destruction', 'Non-violent transfer of territory', 'Other',
  ],
};
export const EVENT_TYPES = Object.keys(SUB_TYPES);

export const COLOURS: Record<string, string> = {
  Battles: '#d62728',
  'Explosions/Remote violence': '#ff7f0e',
  'Violence against civilians': '#9467bd',
  Protests: '#2ca02c',
  Riots: '#8c564b',
  'Strategic developments': '#1f77b4',
};
export const colourOf = (type: string): string => COLOURS[type] ?? '#666';

export const STATUSES = ['occurred', 'ongoing', 'planned', 'alleged', 'denied'];

/** ACLED's precision codes in words. */
export const TIME_PRECISION: Record<number, string> = {
  1: 'the day is known',
  2: 'only the week or a few days around this date are known',
  3: 'only the month is known',
};
export const GEO_PRECISION: Record<number, string> = {
  1: 'the town or village itself',
  2: 'a part of a town, a place near it, or a small region',
  3: 'only the province or a large region is known',
};
