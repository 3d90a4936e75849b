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
import { ALL_SUB_EVENT_TYPES, EVENT_TYPES } from '../taxonomy.js';
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
