/**
 * From the triggers of one sentence to the events it tells ("frames"). A sentence usually tells
 * one act of violence, however many words signal it ("killed ... in an air strike" is one air
 * strike), but it can tell several acts of different kinds ("abducted 30 women during a rampage
 * that left 250 dead" is an abduction and an attack). Acts of violence fold into one frame whose
 * sub-type the most specific trigger decides (a weapon beats generic violence), while
 * abductions, sexual violence, arrests, agreements and the like keep frames of their own.
 */
import type { EventType, SubEventType, TriggerMention } from '../types.js';

export interface Frame {
  eventType: EventType;
  subEventType: SubEventType;
  /** The trigger that decided the sub-type. */
  main: TriggerMention;
  /** Every trigger folded into this frame. */
  triggers: TriggerMention[];
}

/** Which frame a sub-type joins. Types in the same family fold together inside a sentence. */
function familyOf(trigger: TriggerMention): string {
  switch (trigger.subEventType) {
    case 'Abduction/forced disappearance':
      return 'abduction';
    case 'Sexual violence':
      return 'sexual';
    case 'Arrests':
      return 'arrests';
    case 'Agreement':
      return 'agreement';
    case 'Peaceful protest':
    case 'Protest with intervention':
    case 'Excessive force against protesters':
    case 'Violent demonstration':
    case 'Mob violence':
      return 'demonstration';
    case 'Looting/property destruction':
      return 'looting';
    case 'Disrupted weapons use':
      return 'disrupted';
    case 'Change to group/activity':
    case 'Headquarters or base established':
    case 'Non-violent transfer of territory':
    case 'Other':
      return trigger.subEventType;
    default:
      return 'violence';
  }
}

/** Higher ranks decide a family's sub-type; within a rank the lexicon's priority does. */
function rank(trigger: TriggerMention): number {
  if (trigger.hints.includes('weapon')) return 3;
  if (trigger.eventType === 'Explosions/Remote violence') return 3;
  if (trigger.hints.includes('generic-violence')) return 1;
  return 2;
}

function better(a: TriggerMention, b: TriggerMention): boolean {
  const byRank = rank(a) - rank(b);
  if (byRank !== 0) return byRank > 0;
  return a.priority > b.priority;
}

export function framesOf(triggers: readonly TriggerMention[]): Frame[] {
  const byFamily = new Map<string, TriggerMention[]>();
  for (const trigger of triggers) {
    if (trigger.hints.includes('not-event')) continue;
    const family = familyOf(trigger);
    const list = byFamily.get(family) ?? [];
    list.push(trigger);
    byFamily.set(family, list);
  }
  const frames: Frame[] = [];
  for (const [family, list] of byFamily) {
    const main = list.reduce((best, t) => (better(t, best) ? t : best));
    frames.push({ eventType: main.eventType, subEventType: main.subEventType, main, triggers: list });
    // Looting that happens in the course of an attack is part of the attack (ACLED folds it).
    if (family === 'looting' && byFamily.has('violence')) frames.pop();
  }
  return frames.sort((a, b) => a.main.start - b.main.start);
}
