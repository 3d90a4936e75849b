/** What one poll cycle did, summed over its feeds, and the one status line it prints. */
import { formatInterval } from './interval.js';
import type { PollReport } from './poll.js';

export interface CycleSummary {
  cycle: number;
  feedsPolled: number;
  notModified: number;
  feedErrors: number;
  newItems: number;
  ingested: number;
  known: number;
  failed: number;
  eventsNew: number;
  eventsMerged: number;
  /** A stop came during the cycle: some feeds or items were left for the next run. */
  stopped: boolean;
  /** Until the next feed is due; null when there is no feed. */
  nextInMs: number | null;
}

export function summarizeCycle(cycle: number, reports: readonly PollReport[], nextInMs: number | null, stopped: boolean): CycleSummary {
  const sum = (pick: (r: PollReport) => number): number => reports.reduce((total, r) => total + pick(r), 0);
  return {
    cycle,
    feedsPolled: reports.filter((r) => r.outcome !== 'stopped' || r.newItems > 0).length,
    notModified: reports.filter((r) => r.outcome === 'not-modified').length,
    feedErrors: reports.filter((r) => r.outcome === 'failed').length,
    newItems: sum((r) => r.newItems),
    ingested: sum((r) => r.ingested),
    known: sum((r) => r.known),
    failed: sum((r) => r.failed),
    eventsNew: sum((r) => r.eventsNew),
    eventsMerged: sum((r) => r.eventsMerged),
    stopped,
    nextInMs,
  };
}

const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;

/** `cycle 3: 4 feeds polled, 1 not modified, 0 feed errors; 12 new items, 11 ingested (0 already known), 1 failed; next in 58s` */
export function cycleLine(s: CycleSummary): string {
  const next = s.stopped ? 'stopped' : s.nextInMs === null ? 'no feeds' : `next in ${formatInterval(Math.ceil(s.nextInMs / 1000))}`;
  return (
    `cycle ${s.cycle}: ${plural(s.feedsPolled, 'feed')} polled, ${s.notModified} not modified, ${plural(s.feedErrors, 'feed error')}; ` +
    `${plural(s.newItems, 'new item')}, ${s.ingested} ingested (${s.known} already known), ${s.failed} failed; ` +
    `events: ${s.eventsNew} new, ${s.eventsMerged} merged; ${next}`
  );
}
