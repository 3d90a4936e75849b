/**
 * Argument rules: the actors can change what a generic trigger means.
 * - ACLED codes an attack on armed forces by an armed group as a battle (Armed clash).
 * - Riots: a protest turned violent, or a crowd's violence with no protest (mob violence).
 * - Violence at a demonstration: state forces killing protesters is excessive force; state
 *   forces dispersing them without deaths is a protest with intervention; protesters or a crowd
 *   doing the violence is a violent demonstration (or mob violence, when the lexicon said so).
 * - Territory words: a state actor taking a place regains territory; a non-state actor
 *   overtakes it.
 */
import type { CountKind, CountRange, EventType, SubEventType } from '../types.js';
import type { Frame } from './frames.js';
import { isArmed, type Roles } from './roles.js';

export interface Refined {
  eventType: EventType;
  subEventType: SubEventType;
  rule: string | null;
}

const refined = (eventType: EventType, subEventType: SubEventType, rule: string): Refined => ({ eventType, subEventType, rule });

function demonstration(frame: Frame, roles: Roles, counts: Partial<Record<CountKind, CountRange>>): Refined | null {
  if (!frame.violent || frame.subEventType === 'Mob violence' || frame.subEventType === 'Excessive force against protesters') return null;
  const force = [roles.actor1, roles.actor2].find((a) => a?.kind === 'state');
  if (force && roles.stateActs) {
    const lethal = (counts.killed?.low ?? 0) > 0 || frame.triggers.some((t) => t.hints.includes('lethal'));
    if (lethal) return refined('Protests', 'Excessive force against protesters', 'refine:state-kills-protesters');
    return frame.subEventType === 'Peaceful protest' ? refined('Protests', 'Protest with intervention', 'refine:state-intervenes') : null;
  }
  if (frame.eventType === 'Protests') return refined('Riots', 'Violent demonstration', 'refine:protesters-use-violence');
  return null;
}

/**
 * ACLED's two kinds of riot: a violent demonstration is a protest turned violent; a crowd that
 * attacks people or property with no protest told (a lynching, a brawl between communities,
 * villagers who beat a thief) is mob violence.
 */
function crowd(frame: Frame): Refined | null {
  if (frame.eventType !== 'Riots') return null;
  const protest = frame.triggers.some((t) => t.eventType === 'Protests');
  if (protest && frame.subEventType === 'Mob violence') return refined('Riots', 'Violent demonstration', 'refine:violence-at-a-protest');
  if (!protest && frame.subEventType === 'Violent demonstration') return refined('Riots', 'Mob violence', 'refine:crowd-violence-without-protest');
  return null;
}

/** Armed men on the other side, not a government's officials (a president shot dead is an attack). */
function isArmedForce(actor: Roles['namedTarget']): boolean {
  return isArmed(actor) && !/^Government of /.test(actor?.name ?? '');
}

export function refineSubType(frame: Frame, roles: Roles, counts: Partial<Record<CountKind, CountRange>>): Refined {
  const keep: Refined = { eventType: frame.eventType, subEventType: frame.subEventType, rule: null };
  if (roles.refinedTo === 'Mob violence') return refined('Riots', 'Mob violence', 'refine:crowd-fight');
  // Violence against civilians needs civilian victims: killing a policeman or a soldier is a clash.
  if (frame.subEventType === 'Attack' && isArmed(roles.actor1) && isArmedForce(roles.namedTarget)) {
    return refined('Battles', 'Armed clash', 'refine:attack-on-armed-actor-is-a-clash');
  }
  if (frame.eventType === 'Protests' || frame.eventType === 'Riots') return demonstration(frame, roles, counts) ?? crowd(frame) ?? keep;
  if (frame.main.hints.includes('territory') && frame.eventType === 'Battles' && roles.actor1) {
    const state = roles.actor1.kind === 'state';
    if (state && frame.subEventType === 'Non-state actor overtakes territory') return refined('Battles', 'Government regains territory', 'refine:state-takes-territory');
    if (!state && frame.subEventType === 'Government regains territory') return refined('Battles', 'Non-state actor overtakes territory', 'refine:non-state-takes-territory');
  }
  return keep;
}
