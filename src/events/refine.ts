/**
 * Argument rules: the actors, the counts and the words folded into a frame can change what its
 * trigger means, following ACLED's codebook.
 * - An attack whose named target is an armed force (not its own attacker read twice, not an
 *   off-duty officer) is a battle (Armed clash).
 * - Demonstrations: demonstrators' own violence makes a violent demonstration; lethal force or
 *   beatings on peaceful demonstrators, excessive force; dispersal or arrests at the scene, a
 *   protest with intervention. Crowd violence with no demonstration told is mob violence.
 * - Property destroyed with only generic violence words and nobody harmed is looting/property
 *   destruction.
 * - Territory words: a named state taker regains territory; a named non-state one overtakes it.
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

/**
 * What the demonstrators did, from the words folded into the frame: rioting words (stones,
 * torching, "rioters"), clashes or fighting, and damage to property make a demonstration
 * violent (ACLED: "physical clashes, vandalism, road-blocking using barricades, burning tires").
 */
const FIRM = 50;

function demonstratorsViolent(frame: Frame): boolean {
  return frame.triggers.some(
    (t) =>
      // Vague words ("unrest", "chaos") name a situation, not what the demonstrators did.
      (t.hints.includes('riot') && t.priority >= FIRM) ||
      (t.eventType !== 'Protests' && t.eventType !== 'Riots' && (t.hints.includes('fighting') || t.hints.includes('property'))),
  );
}

/** Force used on the demonstrators: dispersal words, arrests at the scene, or a state force named as acting on them. */
function forceUsed(frame: Frame, roles: Roles): boolean {
  if (frame.triggers.some((t) => t.eventType === 'Protests' && t.subEventType !== 'Peaceful protest')) return true;
  if (frame.triggers.some((t) => t.subEventType === 'Arrests')) return true;
  return !!roles.stateActs && [roles.actor1, roles.actor2].some((a) => a?.kind === 'state');
}

/**
 * ACLED's demonstration sub-types, in the codebook's order: demonstrators who use violence riot
 * (a violent demonstration, whatever force met them); peaceful demonstrators met with force that
 * kills, or with lethal means (live fire), suffer excessive force; met with force short of that
 * (dispersal, tear gas, arrests), a protest with intervention; else a peaceful protest. Violence
 * words that say neither (a killing the protest is about) leave a peaceful protest peaceful.
 */
function demonstration(frame: Frame, roles: Roles, counts: Partial<Record<CountKind, CountRange>>): Refined | null {
  if (frame.subEventType === 'Mob violence') return null;
  if (demonstratorsViolent(frame)) {
    return frame.eventType === 'Riots' ? null : refined('Riots', 'Violent demonstration', 'refine:protesters-use-violence');
  }
  if (frame.eventType !== 'Protests') return null;
  if (frame.triggers.some((t) => t.subEventType === 'Excessive force against protesters')) {
    return frame.subEventType === 'Excessive force against protesters' ? null : refined('Protests', 'Excessive force against protesters', 'refine:lethal-force-on-protesters');
  }
  if (!forceUsed(frame, roles)) {
    return frame.subEventType === 'Peaceful protest' ? null : refined('Protests', 'Peaceful protest', 'refine:no-force-told');
  }
  if ((counts.killed?.low ?? 0) > 0) return refined('Protests', 'Excessive force against protesters', 'refine:force-kills-protesters');
  return frame.subEventType === 'Protest with intervention' ? null : refined('Protests', 'Protest with intervention', 'refine:state-intervenes');
}

/**
 * ACLED's two kinds of riot: a violent demonstration is a demonstration turned violent (the
 * words say demonstrators did it, or the crowd burned tyres or barricades, or stated a demand);
 * crowd violence with none of that (villagers who stone the police, a lynching, a brawl between
 * communities) is mob violence.
 */
function crowd(frame: Frame): Refined | null {
  if (frame.eventType !== 'Riots') return null;
  const protest = frame.grievance === true || frame.triggers.some((t) => t.hints.includes('protest'));
  if (protest && frame.subEventType === 'Mob violence' && frame.triggers.some((t) => t.eventType === 'Protests')) {
    return refined('Riots', 'Violent demonstration', 'refine:violence-at-a-protest');
  }
  if (!protest && frame.subEventType === 'Violent demonstration') return refined('Riots', 'Mob violence', 'refine:crowd-violence-without-protest');
  return null;
}

/** Armed men on the other side, not a government's officials (a president shot dead is an attack). */
function isArmedForce(actor: Roles['namedTarget']): boolean {
  return isArmed(actor) && !/^Government of /.test(actor?.name ?? '');
}

/**
 * The attack's target is an armed force other than the attacker: a clash. Not when the words name
 * civilians or an off-duty officer as the target (ACLED: harmed "while unarmed and unable to act
 * defensively"), and not when the "target" is the attacker itself read twice ("wounded in an
 * attack by gunmen" names the gunmen once as the doer).
 */
function armedTarget(frame: Frame, roles: Roles): boolean {
  if (!isArmed(roles.actor1) || !isArmedForce(roles.namedTarget)) return false;
  if (roles.namedTarget?.name === roles.actor1?.name) return false;
  return !frame.main.hints.includes('civilian-target');
}

/**
 * An attack on places, not people: property destruction told with only generic violence words
 * ("attacked and burned a school", "an arson attack targeting a factory") and nobody killed,
 * hurt or taken is, for ACLED, looting/property destruction.
 */
function propertyOnly(frame: Frame, counts: Partial<Record<CountKind, CountRange>>): boolean {
  if (frame.eventType !== 'Violence against civilians' && frame.eventType !== 'Battles') return false;
  const damage = frame.triggers.filter((t) => t.eventType === 'Strategic developments' && t.hints.includes('property'));
  if (damage.length === 0) return false;
  if ((['killed', 'injured', 'abducted'] as const).some((kind) => (counts[kind]?.low ?? 0) > 0)) return false;
  return frame.triggers.every((t) => damage.includes(t) || ((t.hints.includes('generic-violence') || t.hints.includes('civilian-target')) && !t.hints.includes('lethal')));
}

export function refineSubType(frame: Frame, roles: Roles, counts: Partial<Record<CountKind, CountRange>>): Refined {
  const keep: Refined = { eventType: frame.eventType, subEventType: frame.subEventType, rule: null };
  if (roles.refinedTo === 'Mob violence') return refined('Riots', 'Mob violence', 'refine:crowd-fight');
  // Violence against civilians needs civilian victims: killing a policeman or a soldier is a clash.
  if (frame.subEventType === 'Attack' && armedTarget(frame, roles)) {
    return refined('Battles', 'Armed clash', 'refine:attack-on-armed-actor-is-a-clash');
  }
  if (frame.eventType === 'Protests' || frame.eventType === 'Riots') return demonstration(frame, roles, counts) ?? crowd(frame) ?? keep;
  if (propertyOnly(frame, counts)) return refined('Strategic developments', 'Looting/property destruction', 'refine:property-not-people');
  // Only a named taker overrides the lexicon ("recaptured" implies the government; "seized" a rebel group).
  if (frame.main.hints.includes('territory') && frame.eventType === 'Battles' && roles.actor1 && roles.agentNamed) {
    const state = roles.actor1.kind === 'state';
    if (state && frame.subEventType === 'Non-state actor overtakes territory') return refined('Battles', 'Government regains territory', 'refine:state-takes-territory');
    if (!state && frame.subEventType === 'Government regains territory') return refined('Battles', 'Non-state actor overtakes territory', 'refine:non-state-takes-territory');
  }
  return keep;
}
