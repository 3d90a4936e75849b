/**
 * A reviewer's decision in SQLite, inside the caller's transaction, with its audit lines: the
 * rules are the backends' shared ones (../review-state.ts); this file only reads and writes rows.
 */
import type { EventRecord } from '../../types.js';
import { splitEventIds } from '../fold.js';
import { checkMerge, leavingReport, nextReview, reviewWhy, type Review } from '../review-state.js';
import type { EventRow } from '../rows.js';
import type { ReviewAction, ReviewRequest } from '../types.js';
import type { SqliteEventWriter } from './writer.js';

type Audit = (id: string, action: ReviewAction, from: EventRecord | null, to: EventRecord | null, note: string | null) => void;

/**
 * Applies the request; the id of the event a split made (else null), or undefined when there is
 * no such event.
 */
export function reviewInTransaction(w: SqliteEventWriter, eventId: string, request: ReviewRequest, reviewer: string, at: string): string | null | undefined {
  const row = w.s.getEvent.get(eventId) as EventRow | undefined;
  if (!row) return undefined;
  const before = JSON.parse(row.record) as EventRecord;
  const note = request.note ?? null;
  const audit: Audit = (id, action, from, to, why) => {
    w.s.insertAudit.run(id, reviewer, at, action, from && JSON.stringify(from), to && JSON.stringify(to), why);
  };
  // Any review freezes which reports the event holds, so that its id (and so its review)
  // survives a remerge under changed rules.
  pinReports(w, eventId);
  if (request.action === 'merge') return mergeInto(w, row, before, request.other, reviewer, audit, note);
  if (request.action === 'split') return splitOff(w, row, before, request.mention, reviewer, audit, note);
  const next: Review = nextReview(w.reviewOf(eventId), request, reviewer, at);
  w.s.upsertReview.run(eventId, next.confirmed ? 1 : 0, next.rejected ? 1 : 0, JSON.stringify(next.edits), reviewer, at);
  const after = w.saveEvent(eventId, w.mentionsOf(eventId), row.seq);
  audit(eventId, request.action, before, after, note);
  return null;
}

/** Pins every report of an event to it, each with the reason it joined. */
function pinReports(w: SqliteEventWriter, eventId: string): void {
  for (const l of w.s.linksOfEvent.all(eventId) as Array<{ mention_id: string; why: string }>) {
    w.s.pin.run(l.mention_id, eventId, l.why);
  }
}

function mergeInto(w: SqliteEventWriter, row: EventRow, before: EventRecord, otherId: string, reviewer: string, audit: Audit, note: string | null): null {
  const other = otherId === row.id ? undefined : (w.s.getEvent.get(otherId) as EventRow | undefined);
  checkMerge(row.id, otherId, other !== undefined);
  if (!other) return null;
  const why = reviewWhy.merged(otherId, reviewer);
  for (const l of w.s.linksOfEvent.all(otherId) as Array<{ mention_id: string }>) {
    w.s.relink.run(row.id, why, l.mention_id);
    w.s.pin.run(l.mention_id, row.id, why);
  }
  w.deleteEventRow(otherId, other.seq);
  w.s.deleteReview.run(otherId);
  const after = w.saveEvent(row.id, w.mentionsOf(row.id), row.seq);
  audit(row.id, 'merge', before, after, note ?? reviewWhy.mergedNote(otherId));
  audit(otherId, 'merge', JSON.parse(other.record) as EventRecord, null, note ?? reviewWhy.mergedAwayNote(row.id));
  return null;
}

function splitOff(w: SqliteEventWriter, row: EventRow, before: EventRecord, mentionId: string, reviewer: string, audit: Audit, note: string | null): string {
  const mentions = w.mentionsOf(row.id);
  const leaving = leavingReport(row.id, mentions, mentionId);
  let newId = row.id;
  for (const id of splitEventIds(mentionId)) {
    newId = id;
    if (id !== row.id && !w.s.eventSeq.get(id)) break;
  }
  const why = reviewWhy.split(row.id, reviewer);
  const created = w.saveEvent(newId, [leaving], null);
  w.s.relink.run(newId, why, mentionId);
  w.s.pin.run(mentionId, newId, why);
  const after = w.saveEvent(row.id, mentions.filter((m) => m.id !== mentionId), row.seq);
  audit(row.id, 'split', before, after, note ?? reviewWhy.splitNote(mentionId, newId));
  audit(newId, 'split', null, created, note ?? reviewWhy.splitFromNote(row.id));
  return newId;
}
