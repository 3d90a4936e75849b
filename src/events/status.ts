/**
 * Whether an event took place as told. A cue counts for a trigger when it sits in the same
 * clause, before the trigger ("talks ... to evacuate"); "claimed responsibility for the attack"
 * is not a doubt about the attack, so only cues bound to the event word count.
 * A non-event cue (a prediction, generic history) drops the event altogether.
 */
import type { EventStatus, EventType, Span, StatusCue, SubEventType } from '../types.js';
import { between } from './context.js';

export interface StatusResult {
  status: EventStatus | 'nonevent';
  cue: StatusCue | null;
}

const CLAUSE_BREAK = /[;:.!?]|\bbut\b|\bwhile\b|\bwhereas\b/i;
const WINDOW = 80;
/**
 * Cues that bear only on the act named right after them: "the deadline for the withdrawal",
 * "warned that gunmen were planning an attack". A deadline defied or a warning heeded earlier
 * in the sentence says nothing of what was done next ("defied the deadline and kept up the sit-in").
 */
const NEAR_ONLY: ReadonlyMap<string, number> = new Map([
  ['status:deadline', 16],
  ['status:warning-of-plans', 16],
]);

/**
 * A cue bears on the event when it comes before the event word in the same clause ("denied
 * carrying out the strike", "plans to attack") or is part of it; words after the event word
 * belong to what follows ("the strike, which Russia denied" is the rare exception, not the rule).
 */
function governs(text: string, cue: StatusCue, trigger: Span): boolean {
  if (cue.start >= trigger.start && cue.end <= trigger.end) return true;
  if (cue.end > trigger.start) return false;
  if (trigger.start - cue.end > (NEAR_ONLY.get(cue.rule) ?? WINDOW)) return false;
  return !CLAUSE_BREAK.test(between(text, cue, trigger));
}

/** Talks make an agreement planned; beside a strike they are only background. */
const AGREEMENT_ONLY = new Set(['talks']);

const ORDER: ReadonlyArray<StatusCue['status']> = ['nonevent', 'denied', 'alleged', 'ongoing', 'planned'];

/** "would hold a demonstration", "the decision to arrest him": told as intended, not as done. */
const MODAL = /\b(?:would|will|shall|going\s+to)\s+(?:[\w-]+\s+){0,3}$/i;
const INFINITIVE = /\bto\s+$/i;
const BASE_VERB = /^[a-z]+(?<!s|ed|ing)\b/;

/** "encouraged militias to join an offensive", "called on supporters to stage protests": the act as a purpose. */
const PURPOSE = /\bto\s+(?:launch|begin|start|stage|hold|mount|wage|lead|resume|organi[sz]e|prepare|plan|carry\s+out|take\s+part\s+in|step\s+up)\s+(?:(?:an?|the|their|its|his|her|new|fresh|more|further|major|large-scale|joint)\s+){0,2}$/i;

/**
 * "encouraged militias to join an offensive", "invited others to join the protests": joining
 * presupposes an act already under way; the sentence tells an appeal, not the act.
 */
const JOIN = /\bto\s+join\s+(?:(?:an?|the|their|its|his|her|ongoing|growing)\s+){0,2}$/i;

function intended(text: string, trigger: Span): boolean {
  const before = text.slice(Math.max(0, trigger.start - 40), trigger.start);
  const clause = before.split(/[,;:.!?"“”]/).at(-1) ?? '';
  if (MODAL.test(clause) || PURPOSE.test(clause)) return true;
  return INFINITIVE.test(clause) && BASE_VERB.test(text.slice(trigger.start, trigger.end));
}

export function statusOf(text: string, cues: readonly StatusCue[], trigger: Span, eventType: EventType, subEventType: SubEventType): StatusResult {
  const bound = cues.filter((cue) => governs(text, cue, trigger) && (subEventType === 'Agreement' || !AGREEMENT_ONLY.has(cue.cue)));
  for (const status of ORDER) {
    const cue = bound.find((c) => c.status === status);
    if (!cue) continue;
    // "ongoing" describes fighting and sit-ins, not a single blast.
    if (status === 'ongoing' && !(eventType === 'Battles' || eventType === 'Protests')) continue;
    return { status, cue };
  }
  const join = JOIN.exec(text.slice(Math.max(0, trigger.start - 40), trigger.start));
  if (join) {
    const start = trigger.start - join[0].length;
    return { status: 'nonevent', cue: { start, end: trigger.start, status: 'nonevent', cue: join[0].trim(), rule: 'status:join' } };
  }
  if (intended(text, trigger)) return { status: 'planned', cue: null };
  return { status: 'occurred', cue: null };
}
