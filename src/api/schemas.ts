/**
 * The API's request and response shapes as zod schemas; those with a `meta` id become named
 * components of the OpenAPI document (zod's global registry, where `describe` also writes). Requests are validated with them (the
 * fastify zod type provider); the OpenAPI document is generated from all of them. Responses
 * are not re-validated on the way out (the records come from the one producer of contract
 * records), which keeps listing pages cheap; a test checks real responses against these
 * schemas and the event schema against the contract's JSON Schema.
 */
import { z } from 'zod';
import { BatchDocument } from '../ingest/batch.js';
import { cursorParam, EventFilters, filterShape, pageSizeParam, STATUSES, withDateOrder } from '../store/filters.js';
import { isCalendarDate } from '../calendar.js';
import { ALL_SUB_EVENT_TYPES, EVENT_TYPES, eventTypeOf } from '../taxonomy.js';
import { COUNT_KINDS } from '../types.js';

/** Documents one POST may carry. */
export const MAX_DOCUMENTS_PER_REQUEST = 500;

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const precision = z.union([z.literal(1), z.literal(2), z.literal(3)]);

export const EventRecordSchema = z
  .object({
    id: z.string().min(1),
    event_date: day,
    date_end: day.nullable(),
    time_precision: precision,
    event_type: z.enum(EVENT_TYPES),
    sub_event_type: z.enum(ALL_SUB_EVENT_TYPES as [string, ...string[]]),
    actor1: z.string().min(1),
    actor2: z.string().nullable(),
    assoc_actor_1: z.string().nullable(),
    assoc_actor_2: z.string().nullable(),
    country: z.string(),
    iso3: z.string().regex(/^[A-Z]{3}$/),
    admin1: z.string().nullable(),
    admin2: z.string().nullable(),
    location: z.string(),
    latitude: z.number().min(-90).max(90),
    longitude: z.number().min(-180).max(180),
    geo_precision: precision,
    fatalities: z.number().int().min(0),
    counts: z.partialRecord(z.enum(COUNT_KINDS), z.object({ low: z.number().int().min(0), high: z.number().int().min(0).nullable() })),
    status: z.enum(STATUSES),
    attributed_to: z.string().nullable(),
    source: z.string().nullable(),
    notes: z.string(),
    evidence: z.array(z.object({ doc: z.string(), start: z.number().int().min(0), end: z.number().int().min(0), text: z.string() })).min(1),
    confidence: z.number().min(0).max(1),
    reviewed: z
      .object({
        state: z.enum(['confirmed', 'edited', 'rejected']),
        by: z.string().describe('the reviewer (the name of their token)'),
        at: z.string().describe('when, ISO 8601'),
        fields: z.array(z.string()).describe('the fields a reviewer set, which override the machine values'),
      })
      .nullable()
      .optional()
      .describe("a reviewer's verdict; null when nobody reviewed the event (an addition to contract v1)"),
  })
  .meta({ id: 'EventRecord', description: 'An event record, contract v1 (contract/OUTPUT.md)' });

export const ErrorSchema = z
  .object({ statusCode: z.number().int(), error: z.string(), message: z.string() })
  .meta({ id: 'Error', description: 'Every error: the HTTP status, its name and one line saying what was wrong' });

export const EventPageSchema = z
  .object({
    events: z.array(EventRecordSchema),
    next: z.string().nullable().describe('pass as `cursor` for the next page; null on the last page'),
  })
  .meta({ id: 'EventPage' });

const ReportingDocument = z.object({
  id: z.string(),
  name: z.string(),
  title: z.string().nullable(),
  source: z.string().nullable(),
  published: z.string().nullable(),
  copy_of: z.string().nullable().describe('the earlier document this one copies (a wire story republished)'),
});

export const EventDetailSchema = z
  .object({
    event: EventRecordSchema,
    documents: z.array(ReportingDocument),
    links: z.array(z.object({ mention_id: z.string(), document_id: z.string(), why: z.string().describe('why this mention joined the event') })),
  })
  .meta({ id: 'EventDetail' });

export const DocumentSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    external_id: z.string().nullable(),
    url: z.string().nullable(),
    title: z.string().nullable(),
    published: z.string().nullable(),
    source: z.string().nullable(),
    copy_of: z.string().nullable(),
    similarity: z.number().nullable(),
    ingested_at: z.string(),
    warnings: z.array(z.string()),
    events: z.array(z.string()).describe('ids of the events this document reports'),
    text: z.string().describe('the text as stored: evidence offsets point into it'),
  })
  .meta({ id: 'Document' });

export const IngestOutcomeSchema = z.object({
  index: z.number().int().describe('position in the request'),
  id: z.string().nullable().describe('the id the request gave the document'),
  document_id: z.string().nullable().describe("the store's id (a hash of the text); null when it failed"),
  status: z.enum(['new', 'known', 'copy', 'failed']),
  copy_of: z.string().nullable(),
  events_new: z.number().int(),
  events_merged: z.number().int(),
  error: z.string().optional(),
});

export const IngestResponseSchema = z
  .object({ documents: z.array(IngestOutcomeSchema) })
  .meta({ id: 'IngestResponse' });

export const DocumentsBody = z
  .union([BatchDocument, z.array(BatchDocument).min(1, 'is an empty list').max(MAX_DOCUMENTS_PER_REQUEST, `holds more than ${MAX_DOCUMENTS_PER_REQUEST} documents`)])
  .describe('one document, or a list of them: the shape of a JSONL batch line');

export const EventsQuery = withDateOrder(
  z.strictObject({
    ...filterShape,
    cursor: cursorParam.optional().describe('the `next` of the previous page'),
    limit: pageSizeParam.optional().describe('page size, 1 to 1000 (default 100)'),
  }),
);

export const ExportQuery = EventFilters;

export const IdParams = z.object({ id: z.string().min(1).max(100) });

// --- review ---

const reviewDay = z.string().refine(isCalendarDate, 'is not a date (write YYYY-MM-DD)');
const name = z.string().trim().min(1, 'is empty').max(200, 'is longer than 200 characters');
const countRange = z.strictObject({ low: z.number().int().min(0), high: z.number().int().min(0).nullable() });
const note = z.string().max(2000, 'is longer than 2000 characters').nullable().optional().describe('why, in the reviewer\'s words');

export const ReviewEditsSchema = z
  .strictObject({
    event_type: z.enum(EVENT_TYPES).optional(),
    sub_event_type: z.enum(ALL_SUB_EVENT_TYPES as [string, ...string[]]).optional(),
    actor1: name.optional(),
    actor2: name.nullable().optional(),
    assoc_actor_1: name.nullable().optional(),
    assoc_actor_2: name.nullable().optional(),
    event_date: reviewDay.optional(),
    date_end: reviewDay.nullable().optional(),
    time_precision: precision.optional(),
    place: z
      .strictObject({
        location: name,
        country: name,
        iso3: z.string().regex(/^[A-Z]{3}$/, 'is not an ISO 3166-1 alpha-3 code'),
        admin1: name.nullable(),
        admin2: name.nullable(),
        latitude: z.number().min(-90).max(90),
        longitude: z.number().min(-180).max(180),
        geo_precision: precision,
      })
      .optional(),
    fatalities: z.number().int().min(0).max(1_000_000_000).optional(),
    counts: z.partialRecord(z.enum(COUNT_KINDS), countRange).optional(),
    status: z.enum(STATUSES).optional(),
  })
  .refine((e) => Object.keys(e).length > 0, 'sets no field')
  .refine((e) => !e.event_type || !e.sub_event_type || eventTypeOf(e.sub_event_type) === e.event_type, {
    message: 'is not a sub-event type of the event type given', path: ['sub_event_type'],
  })
  .refine((e) => !e.event_type || e.sub_event_type !== undefined, {
    message: 'needs a sub_event_type of the new type with it', path: ['event_type'],
  })
  .meta({ id: 'ReviewEdits', description: 'the fields to set; each replaces the machine value, also after the event is merged again' });

export const ReviewBody = z
  .discriminatedUnion('action', [
    z.strictObject({ action: z.literal('confirm'), note }),
    z.strictObject({ action: z.literal('reject'), note }),
    z.strictObject({ action: z.literal('edit'), edits: ReviewEditsSchema, note }),
    z.strictObject({ action: z.literal('merge'), other: z.string().min(1).max(100).describe('the event to fold into this one'), note }),
    z.strictObject({ action: z.literal('split'), mention: z.string().min(1).max(100).describe('the report (mention id) to take out'), note }),
  ])
  .meta({ id: 'ReviewRequest', description: 'confirm, edit, reject, merge another event into this one, or split a report off it' });

export const ReviewResponseSchema = z
  .object({
    event: EventDetailSchema,
    created: z.string().nullable().describe('the id of the event a split made'),
  })
  .meta({ id: 'ReviewResponse' });

export const AuditSchema = z
  .object({
    entries: z.array(
      z.object({
        seq: z.number().int(),
        event_id: z.string(),
        reviewer: z.string(),
        at: z.string(),
        action: z.enum(['confirm', 'edit', 'reject', 'merge', 'split']),
        before: EventRecordSchema.nullable(),
        after: EventRecordSchema.nullable(),
        note: z.string().nullable(),
      }),
    ),
  })
  .meta({ id: 'Audit' });

// --- map and timeline ---

export const CellsQuery = withDateOrder(
  z.strictObject({
    ...filterShape,
    zoom: z.string().regex(/^\d{1,2}$/, 'is not a zoom level (0-20)').transform(Number).refine((z) => z <= 20, 'is not a zoom level (0-20)')
      .optional().describe('map zoom level, 0-20: the grid halves its cells at each level (default 2)'),
  }),
);

export const CellsSchema = z
  .object({
    cell_degrees: z.number(),
    total: z.number().int(),
    cells: z.array(
      z.object({
        latitude: z.number(), longitude: z.number(), count: z.number().int(), fatalities: z.number().int(),
        by_type: z.record(z.string(), z.number().int()), id: z.string().nullable().describe('the event, when the cell holds one'),
      }),
    ),
  })
  .meta({ id: 'Cells' });

export const DaysQuery = withDateOrder(
  z.strictObject({
    ...filterShape,
    bins: z.string().regex(/^\d{1,4}$/, 'is not a whole number from 1 to 5000').transform(Number).refine((n) => n >= 1 && n <= 5000, 'is not a whole number from 1 to 5000')
      .optional().describe('at most this many bars: days are summed per week, or per month, when there are more (default: per day)'),
  }),
);

export const DaysSchema = z
  .object({
    bucket: z.enum(['day', 'week', 'month']).describe('what each row counts: a day, a week from Monday, or a month; `date` is its first day'),
    days: z.array(z.object({ date: z.string(), type: z.string(), count: z.number().int() })),
  })
  .meta({ id: 'Days' });

// --- geography ---

const countryCode = z.string().regex(/^[A-Za-z]{2,3}$/, 'is not an ISO 3166 country code (SY or SYR)');

export const OutlinesQuery = z.strictObject({
  country: z.string().max(2000).regex(/^[A-Za-z]{2,3}(,[A-Za-z]{2,3})*$/, 'is not a list of ISO 3166 country codes (SY,IQ or SYR,IRQ)').optional()
    .describe('comma-separated ISO 3166 alpha-2 or alpha-3 codes; default: every country the store holds events in'),
});

export const PlacesQuery = z.strictObject({
  q: z.string().trim().min(1, 'is empty').max(200, 'is longer than 200 characters').describe('a place name in any spelling the gazetteer knows'),
  country: countryCode.optional().describe('only places in this country (ISO 3166 alpha-2 or alpha-3)'),
  limit: z.string().regex(/^\d{1,2}$/, 'is not a whole number from 1 to 50').transform(Number).refine((n) => n >= 1 && n <= 50, 'is not a whole number from 1 to 50')
    .optional().describe('at most this many places, 1-50 (default 10)'),
});

const PlaceResultSchema = z.object({
  location: z.string(), country: z.string(), iso3: z.string(), admin1: z.string().nullable(), admin2: z.string().nullable(),
  latitude: z.number(), longitude: z.number(), geo_precision: precision,
  kind: z.string().describe('town, district, province, country or place'), population: z.number().int(), id: z.string().describe('the gazetteer\'s id'),
});
export type PlaceResult = z.input<typeof PlaceResultSchema>;

export const PlacesSchema = z.object({ places: z.array(PlaceResultSchema) }).meta({ id: 'Places' });
