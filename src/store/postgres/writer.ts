/**
 * Writing events inside one PostgreSQL transaction: a mention joins the stored event it tells
 * (refolding it) or founds one, exactly as in SQLite (src/store/sqlite/store.ts `place`).
 *
 * Several workers write at once, so what decides candidacy is locked first: a mention is
 * compared only with events of its country, and every transaction that reads or writes a
 * country's events holds that country's advisory lock until it commits. Two reports of one
 * event ingested at the same moment are thus placed one after the other, and the second sees
 * the event the first founded: never two events. A fold that moves an event to another country
 * takes that country's lock too (a rare deadlock between two such moves is retried whole).
 */
import type pg from 'pg';
import type { CodedEvent, EventRecord } from '../../types.js';
import { candidateWindow, eventColumns, eventIdOf, foldEvent, MAX_CANDIDATES, searchText } from '../fold.js';
import { searchWords } from '../query.js';
import { reviewOfRow, type Review, type ReviewRow } from '../review-state.js';
import { toStoredMention, type EventRow, type MentionRow } from '../rows.js';
import type { Merger, StoredMention } from '../types.js';
import { lockForTransaction } from './db.js';

const now = (): string => new Date().toISOString();

/** Held shared by every writer and exclusively by remerge, which rebuilds all events. */
export const ALL_EVENTS_LOCK = 'events';
const countryLock = (iso3: string): string => `merge:${iso3}`;
const countryOrder = (iso3s: Iterable<string>): string[] => [...new Set(iso3s)].sort();

/** The locks a writer of these countries' events takes as its transaction begins, in order. */
export function writerLocks(iso3s: Iterable<string>): Array<{ name: string; shared?: boolean }> {
  return [{ name: ALL_EVENTS_LOCK, shared: true }, ...countryOrder(iso3s).map((iso3) => ({ name: countryLock(iso3) }))];
}

const EVENT_COLUMNS = [
  'event_date', 'date_end', 'event_type', 'sub_event_type', 'actor1', 'actor2', 'country', 'iso3', 'admin1', 'latitude', 'longitude',
  'fatalities', 'status', 'review_state', 'record', 'coded', 'updated_at',
] as const;

const MENTIONS_OF_EVENT = `SELECT m.seq, m.id, m.document_id, m.coded, d.published, d.copy_of FROM event_mentions em
  JOIN mentions m ON m.id = em.mention_id JOIN documents d ON d.id = m.document_id WHERE em.event_id = $1 ORDER BY m.seq`;

export class EventWriter {
  private readonly locked = new Set<string>();

  constructor(readonly client: pg.PoolClient, private readonly merger: Merger) {}

  /** Takes the locks of these countries, in one order for every transaction (no deadlock among them). */
  async lockCountries(iso3s: Iterable<string>): Promise<void> {
    for (const iso3 of countryOrder(iso3s)) await this.lockCountry(iso3);
  }

  /** Records the country locks the transaction took as it began (`writerLocks`). */
  holdsCountries(iso3s: Iterable<string>): void {
    for (const iso3 of iso3s) this.locked.add(iso3);
  }

  private async lockCountry(iso3: string): Promise<void> {
    if (this.locked.has(iso3)) return;
    await lockForTransaction(this.client, countryLock(iso3));
    this.locked.add(iso3);
  }

  /**
   * Puts one mention into the event it tells (refolding that event) or founds a new one. Events
   * this document already joined are not candidates: the in-document merge has already decided
   * that its mentions tell different events.
   */
  async place(mention: StoredMention, touched: ReadonlySet<string>, isNew = false): Promise<{ eventId: string; founded: boolean }> {
    // A reviewer's pin wins over the merge rules (merge, split, a reviewed event's reports). A
    // mention stored in this transaction has none (a pin names a stored mention): no look-up.
    const pin = isNew ? undefined : (await this.client.query<{ event_id: string; why: string }>('SELECT event_id, why FROM mention_pins WHERE mention_id = $1', [mention.id])).rows[0];
    if (pin) {
      const seq = await this.eventSeq(pin.event_id);
      if (seq !== null) {
        await this.link(mention.id, pin.event_id, pin.why);
        await this.saveEvent(pin.event_id, await this.mentionsOf(pin.event_id), seq);
      } else {
        await this.saveEvent(pin.event_id, [mention], null);
        await this.link(mention.id, pin.event_id, pin.why);
      }
      return { eventId: pin.event_id, founded: seq === null };
    }
    const w = candidateWindow(this.merger, mention.event);
    await this.lockCountry(w.iso3);
    const rows = await this.client.query<EventRow>(
      `SELECT seq, id, event_date, coded FROM events WHERE iso3 = $1 AND event_date BETWEEN $2 AND $3
       ORDER BY abs($4::date - event_date::date), seq LIMIT ${MAX_CANDIDATES}`,
      [w.iso3, w.from, w.to, w.near],
    );
    const candidates = rows.rows.filter((r) => !touched.has(r.id)).map((r) => ({ id: r.id, event: JSON.parse(r.coded) as CodedEvent }));
    const match = this.merger.match(mention, candidates);
    if (!match) {
      const id = eventIdOf(mention.id);
      await this.saveEvent(id, [mention], null);
      await this.link(mention.id, id, 'founded the event');
      return { eventId: id, founded: true };
    }
    await this.link(mention.id, match.id, match.why);
    await this.saveEvent(match.id, await this.mentionsOf(match.id), await this.eventSeq(match.id));
    return { eventId: match.id, founded: false };
  }

  async link(mentionId: string, eventId: string, why: string): Promise<void> {
    await this.client.query('INSERT INTO event_mentions (mention_id, event_id, why) VALUES ($1, $2, $3)', [mentionId, eventId, why]);
  }

  async eventSeq(id: string): Promise<number | null> {
    return (await this.client.query<{ seq: number }>('SELECT seq FROM events WHERE id = $1', [id])).rows[0]?.seq ?? null;
  }

  async mentionsOf(eventId: string): Promise<StoredMention[]> {
    return (await this.client.query<MentionRow>(MENTIONS_OF_EVENT, [eventId])).rows.map(toStoredMention);
  }

  async reviewOf(eventId: string): Promise<Review | null> {
    const row = (await this.client.query<ReviewRow>('SELECT * FROM event_reviews WHERE event_id = $1', [eventId])).rows[0];
    return row ? reviewOfRow(row) : null;
  }

  /** Folds an event from its mentions and writes it (a new row when `seq` is null). */
  async saveEvent(id: string, mentions: readonly StoredMention[], seq: number | null): Promise<EventRecord> {
    const folded = foldEvent(this.merger, id, mentions, await this.reviewOf(id));
    // The event is now a candidate for its (maybe new) country's reports: hold that country too.
    await this.lockCountry(folded.record.iso3);
    const columns = eventColumns(folded, now());
    const values: unknown[] = [id, ...EVENT_COLUMNS.map((c) => columns[c]), searchWords(searchText(folded.record))];
    const search = `array_to_tsvector($${values.length}::text[])`;
    if (seq === null) {
      const names = ['id', ...EVENT_COLUMNS, 'search'].join(', ');
      const marks = values.map((_, i) => (i === values.length - 1 ? search : `$${i + 1}`)).join(', ');
      await this.client.query(`INSERT INTO events (${names}) VALUES (${marks})`, values);
    } else {
      const sets = EVENT_COLUMNS.map((c, i) => `${c} = $${i + 2}`).join(', ');
      await this.client.query(`UPDATE events SET ${sets}, search = ${search} WHERE id = $1`, values);
    }
    return folded.record;
  }

  async deleteEvent(id: string): Promise<void> {
    await this.client.query('DELETE FROM events WHERE id = $1', [id]);
  }
}
