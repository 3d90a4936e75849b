/**
 * Whether an event took place as told. A cue counts for a trigger when it sits in the same
 * clause, before the trigger or right after it ("talks ... to evacuate", "claimed responsibility
 * for the attack" is not a doubt about the attack, so only cues bound to the event verb count).
 * A non-event cue (a prediction, generic history) drops the event altogether.
 */
import type { EventStatus, EventType, Span, StatusCue } from '../types.js';
import { between } from './context.js';

export interface StatusResult {
  status: EventStatus | 'nonevent';
  cue: StatusCue | null;
}

const CLAUSE_BREAK = /[;:.!?]|\bbut\b|\bwhile\b|\bwhereas\b/i;
const WINDOW = 80;

function governs(text: string, cue: StatusCue, trigger: Span): boolean {
  const distance = cue.end <= trigger.start ? trigger.start - cue.end : cue.start - trigger.end;
  if (distance > WINDOW) return false;
  return !CLAUSE_BREAK.test(between(text, cue, trigger));
}

const ORDER: ReadonlyArray<StatusCue['status']> = ['nonevent', 'denied', 'alleged', 'planned', 'ongoing'];

export function statusOf(text: string, cues: readonly StatusCue[], trigger: Span, eventType: EventType): StatusResult {
  const bound = cues.filter((cue) => governs(text, cue, trigger));
  for (const status of ORDER) {
    const cue = bound.find((c) => c.status === status);
    if (!cue) continue;
    // "ongoing" describes fighting and sit-ins, not a single blast.
    if (status === 'ongoing' && !(eventType === 'Battles' || eventType === 'Protests')) continue;
    return { status, cue };
  }
  return { status: 'occurred', cue: null };
}
