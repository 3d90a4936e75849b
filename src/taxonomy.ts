/**
 * ACLED's event taxonomy: 6 event types and 25 sub-event types, spelled exactly as ACLED
 * spells them (ACLED Codebook; the contract's event.schema.json carries the same lists).
 */
export const EVENT_TYPES = [
  'Battles',
  'Explosions/Remote violence',
  'Violence against civilians',
  'Protests',
  'Riots',
  'Strategic developments',
] as const;
export type EventType = (typeof EVENT_TYPES)[number];

export const SUB_EVENT_TYPES = {
  Battles: ['Government regains territory', 'Non-state actor overtakes territory', 'Armed clash'],
  'Explosions/Remote violence': [
    'Chemical weapon',
    'Air/drone strike',
    'Suicide bomb',
    'Shelling/artillery/missile attack',
    'Remote explosive/landmine/IED',
    'Grenade',
  ],
  'Violence against civilians': ['Sexual violence', 'Attack', 'Abduction/forced disappearance'],
  Protests: ['Peaceful protest', 'Protest with intervention', 'Excessive force against protesters'],
  Riots: ['Violent demonstration', 'Mob violence'],
  'Strategic developments': [
    'Agreement',
    'Arrests',
    'Change to group/activity',
    'Disrupted weapons use',
    'Headquarters or base established',
    'Looting/property destruction',
    'Non-violent transfer of territory',
    'Other',
  ],
} as const satisfies Record<EventType, readonly string[]>;

export type SubEventType = (typeof SUB_EVENT_TYPES)[EventType][number];

const PARENT = new Map<string, EventType>(
  EVENT_TYPES.flatMap((type) => SUB_EVENT_TYPES[type].map((sub) => [sub, type] as const)),
);

/** The event type a sub-event type belongs to; undefined for a name outside the taxonomy. */
export function eventTypeOf(subEventType: string): EventType | undefined {
  return PARENT.get(subEventType);
}

export function isSubEventType(name: string): name is SubEventType {
  return PARENT.has(name);
}

export const ALL_SUB_EVENT_TYPES: readonly SubEventType[] = [...PARENT.keys()] as SubEventType[];

/**
 * ACLED's `disorder_type` for a sub-event type (ACLED's event-category table): political
 * violence, demonstrations, both (lethal force against protesters), or strategic developments.
 */
export function disorderTypeOf(subEventType: SubEventType): string {
  const type = eventTypeOf(subEventType);
  if (type === 'Strategic developments') return 'Strategic developments';
  if (subEventType === 'Excessive force against protesters') return 'Political violence; Demonstrations';
  if (type === 'Protests' || subEventType === 'Violent demonstration') return 'Demonstrations';
  return 'Political violence';
}
