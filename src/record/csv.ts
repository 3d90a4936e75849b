/**
 * ACLED's CSV layout: the 31 columns of ACLED's current export, in ACLED's order, so that a
 * sitrep export drops into workflows written for ACLED data (acledR and the like). Columns
 * sitrep cannot know (ACLED's own event id scheme, admin3, source scale, tags, the numeric ISO
 * code) are left empty rather than invented; `event_id_cnty` carries sitrep's stable id.
 * ACLED's free-form `tags` column carries a reviewer's verdict ("sitrep review: edited
 * (fatalities) by alice"), so a reviewed export says what people checked.
 */
import { disorderTypeOf } from '../taxonomy.js';
import type { EventRecord } from '../types.js';

export const ACLED_COLUMNS = [
  'event_id_cnty', 'event_date', 'year', 'time_precision', 'disorder_type', 'event_type', 'sub_event_type',
  'actor1', 'assoc_actor_1', 'inter1', 'actor2', 'assoc_actor_2', 'inter2', 'interaction', 'civilian_targeting',
  'iso', 'region', 'country', 'admin1', 'admin2', 'admin3', 'location', 'latitude', 'longitude', 'geo_precision',
  'source', 'source_scale', 'notes', 'fatalities', 'tags', 'timestamp',
] as const;

export interface RowContext {
  inter1: number;
  inter2: number;
  region: string | null;
  /** Unix seconds of the export. */
  timestamp: number;
}

export function toAcledRow(r: EventRecord, ctx: RowContext): Record<(typeof ACLED_COLUMNS)[number], string | number> {
  const inter2 = r.actor2 ? ctx.inter2 : 0;
  // ACLED joins the two codes smallest first (37, not 73); one-sided events read "20".
  const interaction = inter2 ? Number([ctx.inter1, inter2].sort((a, b) => a - b).join('')) : ctx.inter1 * 10;
  return {
    event_id_cnty: r.id,
    event_date: r.event_date,
    year: Number(r.event_date.slice(0, 4)),
    time_precision: r.time_precision,
    disorder_type: disorderTypeOf(r.sub_event_type),
    event_type: r.event_type,
    sub_event_type: r.sub_event_type,
    actor1: r.actor1,
    assoc_actor_1: r.assoc_actor_1 ?? '',
    inter1: ctx.inter1,
    actor2: r.actor2 ?? '',
    assoc_actor_2: r.assoc_actor_2 ?? '',
    inter2,
    interaction,
    civilian_targeting: r.actor2?.startsWith('Civilians') ? 'Civilian targeting' : '',
    iso: '',
    region: ctx.region ?? '',
    country: r.country,
    admin1: r.admin1 ?? '',
    admin2: r.admin2 ?? '',
    admin3: '',
    location: r.location,
    latitude: r.latitude,
    longitude: r.longitude,
    geo_precision: r.geo_precision,
    source: r.source ?? '',
    source_scale: '',
    notes: r.notes,
    fatalities: r.fatalities,
    tags: r.reviewed ? `sitrep review: ${r.reviewed.state}${r.reviewed.fields.length ? ` (${r.reviewed.fields.join(', ')})` : ''} by ${r.reviewed.by}` : '',
    timestamp: ctx.timestamp,
  };
}

/** RFC 4180: quote fields holding a comma, quote or line break; double inner quotes. */
export function csvLine(values: ReadonlyArray<string | number>): string {
  return values
    .map((v) => {
      const s = String(v);
      return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
    })
    .join(',');
}
