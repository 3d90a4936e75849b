/**
 * Argument rules: the actors can change what a generic trigger means. ACLED codes an attack on
 * armed forces by an armed group as a battle.
 */
import type { CountKind, CountRange, EventType, SubEventType } from '../types.js';
import type { Frame } from './frames.js';
import { isArmed, type Roles } from './roles.js';

export interface Refined {
  eventType: EventType;
  subEventType: SubEventType;
  rule: string | null;
}

export function refineSubType(frame: Frame, roles: Roles, counts: Partial<Record<CountKind, CountRange>>): Refined {
  const keep: Refined = { eventType: frame.eventType, subEventType: frame.subEventType, rule: null };
  const generic = frame.main.hints.includes('generic-violence');
  if (frame.subEventType === 'Attack' && generic && isArmed(roles.actor1) && isArmed(roles.actor2)) {
    return { eventType: 'Battles', subEventType: 'Armed clash', rule: 'refine:attack-on-armed-actor-is-a-clash' };
  }
  void counts;
  return keep;
}
