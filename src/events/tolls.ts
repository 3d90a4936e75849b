/**
 * Which counts of a sentence belong to which of its events. A count of dead or wounded belongs
 * to the act of violence, hostages to the abduction, detainees to the arrests; when a sentence
 * tells two acts, each count goes to the nearest event that accepts its kind.
 */
import type { CountKind, CountMention, CountRange, EventType, SubEventType } from '../types.js';
import { gap } from './context.js';
import type { Frame } from './frames.js';

const VIOLENCE: readonly CountKind[] = ['killed', 'injured', 'displaced'];

function accepts(eventType: EventType, subEventType: SubEventType, kind: CountKind): boolean {
  switch (subEventType) {
    case 'Abduction/forced disappearance':
      return kind === 'abducted' || kind === 'released';
    case 'Arrests':
      return kind === 'arrested' || kind === 'released';
    case 'Agreement':
      return kind === 'evacuated' || kind === 'released' || kind === 'displaced';
    case 'Sexual violence':
      return kind === 'killed' || kind === 'injured';
    default:
      break;
  }
  if (eventType === 'Strategic developments') return true;
  return VIOLENCE.includes(kind);
}

/** Assigns each typed count to the nearest frame that accepts it. */
export function countsByFrame(frames: readonly Frame[], counts: readonly CountMention[]): Map<Frame, CountMention[]> {
  const result = new Map<Frame, CountMention[]>(frames.map((f) => [f, []]));
  for (const count of counts) {
    const kind = count.kind;
    if (!kind) continue;
    const anchor = count.cue ?? count;
    const takers = frames.filter((f) => accepts(f.eventType, f.subEventType, kind));
    const taker = takers.sort((a, b) => gap(a.main, anchor) - gap(b.main, anchor))[0];
    if (taker) result.get(taker)?.push(count);
  }
  return result;
}

/**
 * Ranges by kind from one telling. Several figures of the same kind in one sentence are
 * alternatives or parts ("38 at the station and 12 in hospital"; "50, five of them children"):
 * the largest is the telling's figure and the rest widen the range.
 */
export function rangesOf(counts: readonly CountMention[]): Partial<Record<CountKind, CountRange>> {
  const ranges: Partial<Record<CountKind, CountRange>> = {};
  for (const count of counts) {
    if (!count.kind) continue;
    const current = ranges[count.kind];
    if (!current || count.low > current.low) ranges[count.kind] = { low: count.low, high: count.high };
  }
  return ranges;
}
