/**
 * Writing events inside one SQLite transaction: a mention joins the stored event it tells
 * (refolding it) or founds one; the fold itself is the backends' shared one (../fold.ts). One
 * writer at a time (SQLite's write lock), so no lock of its own is needed.
 */
import type { CodedEvent, EventRecord } from '../../types.js';
import { candidateWindow, eventColumns, eventIdOf, foldEvent, searchText } from '../fold.js';
import { reviewOfRow, type Review, type ReviewRow } from '../review-state.js';
import { toStoredMention, type EventRow, type MentionRow } from '../rows.js';
import type { Merger, StoredMention } from '../types.js';
import type { Statements } from './statements.js';

const now = (): string => new Date().toISOString();

export class SqliteEventWriter {
  constructor(readonly s: Statements, private readonly merger: Merger) {}

  /**
   * Puts one mention into the event it tells (refolding that event) or founds a new one. Events
   * this document already joined are not candidates: the in-document merge has already decided
   * that its mentions tell different events.
   */
  place(mention: StoredMention, touched: ReadonlySet<string>): { eventId: string; founded: boolean } {
    // A reviewer's pin wins over the merge rules (merge, split, a reviewed event's reports).
    const pin = this.s.pinOf.get(mention.id) as { event_id: string; why: string } | undefined;
    if (pin) {
      const existing = this.s.eventSeq.get(pin.event_id) as { seq: number } | undefined;
      if (existing) {
        this.s.link.run(mention.id, pin.event_id, pin.why);
        this.saveEvent(pin.event_id, this.mentionsOf(pin.event_id), existing.seq);
      } else {
        this.saveEvent(pin.event_id, [mention], null);
        this.s.link.run(mention.id, pin.event_id, pin.why);
      }
      return { eventId: pin.event_id, founded: !existing };
    }
    const w = candidateWindow(this.merger, mention.event);
    const rows = this.s.candidates.all(w.iso3, w.from, w.to, w.near) as EventRow[];
    const candidates = rows.filter((r) => !touched.has(r.id)).map((r) => ({ id: r.id, event: JSON.parse(r.coded) as CodedEvent }));
    const match = this.merger.match(mention, candidates);
    if (!match) {
      const id = eventIdOf(mention.id);
      this.saveEvent(id, [mention], null);
      this.s.link.run(mention.id, id, 'founded the event');
      return { eventId: id, founded: true };
    }
    this.s.link.run(mention.id, match.id, match.why);
    const seq = (this.s.eventSeq.get(match.id) as { seq: number }).seq;
    this.saveEvent(match.id, this.mentionsOf(match.id), seq);
    return { eventId: match.id, founded: false };
  }

  mentionsOf(eventId: string): StoredMention[] {
    return (this.s.mentionsOfEvent.all(eventId) as MentionRow[]).map(toStoredMention);
  }

  saveEvent(id: string, mentions: readonly StoredMention[], seq: number | null): EventRecord {
    const folded = foldEvent(this.merger, id, mentions, this.reviewOf(id));
    const values = eventColumns(folded, now());
    let rowSeq: number;
    if (seq === null) {
      rowSeq = Number(this.s.insertEvent.run({ id, ...values }).lastInsertRowid);
    } else {
      this.s.updateEvent.run({ id, ...values });
      rowSeq = seq;
      this.s.deleteFts.run(rowSeq);
      this.s.deleteRtree.run(rowSeq);
    }
    this.s.insertFts.run(rowSeq, searchText(folded.record));
    this.s.insertRtree.run(rowSeq, folded.record.latitude, folded.record.latitude, folded.record.longitude, folded.record.longitude);
    return folded.record;
  }

  reviewOf(eventId: string): Review | null {
    const row = this.s.getReview.get(eventId) as ReviewRow | undefined;
    return row ? reviewOfRow(row) : null;
  }

  deleteEventRow(id: string, seq: number): void {
    this.s.deleteFts.run(seq);
    this.s.deleteRtree.run(seq);
    this.s.deleteEvent.run(id);
  }
}
