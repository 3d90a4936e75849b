/**
 * A reviewer's decisions as every backend applies them: the current review of an event, the
 * review a request leaves behind, the mark a record carries, and the checks that refuse a
 * request that does not fit the event. The backends only read and write the rows.
 */
import { SitrepError } from '../errors.js';
import type { ReviewEdits, ReviewMark, ReviewState } from '../types.js';
import type { ReviewRequest, StoredMention } from './types.js';

/** An event's current review: the verdicts and the fields a reviewer set. */
export interface Review {
  confirmed: boolean;
  rejected: boolean;
  edits: ReviewEdits;
  reviewer: string;
  at: string;
}

/** The row `event_reviews` keeps (the same columns in every backend). */
export interface ReviewRow {
  event_id: string; confirmed: number | boolean; rejected: number | boolean; edits: string; reviewer: string; reviewed_at: string;
}

export function reviewOfRow(row: ReviewRow): Review {
  return { confirmed: Boolean(row.confirmed), rejected: Boolean(row.rejected), edits: JSON.parse(row.edits) as ReviewEdits, reviewer: row.reviewer, at: row.reviewed_at };
}

export function stateOf(r: Review): ReviewState | null {
  if (r.rejected) return 'rejected';
  if (Object.keys(r.edits).length > 0) return 'edited';
  return r.confirmed ? 'confirmed' : null;
}

export function markOf(r: Review | null): ReviewMark | null {
  const state = r && stateOf(r);
  return r && state ? { state, by: r.reviewer, at: r.at, fields: Object.keys(r.edits) } : null;
}

/** The review a confirmation, rejection or edit leaves: a confirmation lifts a rejection, edits add up. */
export function nextReview(current: Review | null, request: Extract<ReviewRequest, { action: 'confirm' | 'reject' | 'edit' }>, reviewer: string, at: string): Review {
  const base = current ?? { confirmed: false, rejected: false, edits: {}, reviewer, at };
  const next: Review = { ...base, reviewer, at };
  if (request.action === 'confirm') Object.assign(next, { confirmed: true, rejected: false });
  else if (request.action === 'reject') next.rejected = true;
  else next.edits = { ...base.edits, ...request.edits };
  return next;
}

/** Refuses a merge of an event with itself or with an event that is not there. */
export function checkMerge(eventId: string, otherId: string, otherExists: boolean): void {
  if (otherId === eventId) throw new SitrepError('E_BAD_ARGUMENT', 'an event cannot be merged with itself');
  if (!otherExists) throw new SitrepError('E_BAD_ARGUMENT', `no event "${otherId}" to merge`);
}

/** The report a split takes out of the event; refused when it is not the event's or the event's only one. */
export function leavingReport(eventId: string, mentions: readonly StoredMention[], mentionId: string): StoredMention {
  const leaving = mentions.find((m) => m.id === mentionId);
  if (!leaving) throw new SitrepError('E_BAD_ARGUMENT', `report "${mentionId}" is not one of event ${eventId}'s reports`);
  if (mentions.length < 2) throw new SitrepError('E_BAD_ARGUMENT', `event ${eventId} has only one report; there is nothing to split it from`);
  return leaving;
}

/** The reasons merges and splits leave on links and in the audit log. */
export const reviewWhy = {
  merged: (otherId: string, reviewer: string) => `merged from ${otherId} by ${reviewer}`,
  mergedNote: (otherId: string) => `merged ${otherId} into this event`,
  mergedAwayNote: (intoId: string) => `merged into ${intoId}`,
  split: (fromId: string, reviewer: string) => `split off ${fromId} by ${reviewer}`,
  splitNote: (mentionId: string, newId: string) => `report ${mentionId} split off into ${newId}`,
  splitFromNote: (fromId: string) => `split off ${fromId}`,
};
