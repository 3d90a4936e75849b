/**
 * Event filters as people write them: strings from the command line (`--sub-type`) or a query
 * string (`sub_type`), checked and turned into an EventQuery. One zod schema serves both faces,
 * so `sitrep events` and `GET /events` accept the same values and refuse the same mistakes, and
 * the API's OpenAPI document is generated from it.
 *
 * Free-text filters (country, admin1, actor, text) are data whatever they hold: the store binds
 * them as parameters and escapes LIKE wildcards. Typed filters (dates, numbers, coordinates,
 * taxonomy names, status) are refused with a message when they are not what they claim to be.
 */
import { z } from 'zod';
import { isCalendarDate } from '../calendar.js';
import { SitrepError } from '../errors.js';
import { ALL_SUB_EVENT_TYPES, EVENT_TYPES } from '../taxonomy.js';
import type { EventStatus } from '../types.js';
import { decodeCursor } from './query.js';
import { REVIEW_FILTERS, type EventQuery } from './types.js';

export const STATUSES = ['occurred', 'ongoing', 'planned', 'alleged', 'denied'] as const satisfies readonly EventStatus[];

/** The largest page the store serves. */
export const MAX_PAGE = 1000;

/** Comma-separated decimal numbers, or null when the text is not exactly `count` of them. */
function numbers(value: string, count: number): number[] | null {
  const parts = value.split(',').map((p) => p.trim());
  if (parts.length !== count || parts.some((p) => !/^[-+]?(\d+(\.\d*)?|\.\d+)$/.test(p))) return null;
  return parts.map(Number);
}

const inLat = (x: number): boolean => x >= -90 && x <= 90;
const inLon = (x: number): boolean => x >= -180 && x <= 180;

/** The names sharing the most words (of 3 letters or more) with a mistyped one, when a few do. */
function suggestion(names: readonly string[], value: string): string {
  const words = (s: string): string[] => s.toLowerCase().match(/\p{L}{3,}/gu) ?? [];
  const wanted = words(value).map((w) => w.replace(/s$/, ''));
  const scored = names.map((n) => ({ n, score: wanted.filter((w) => words(n).some((x) => x.startsWith(w))).length }));
  const best = Math.max(0, ...scored.map((s) => s.score));
  const close = scored.filter((s) => best > 0 && s.score === best).map((s) => s.n);
  return close.length > 0 && close.length <= 3 ? ` (did you mean ${close.map((n) => `"${n}"`).join(' or ')}?)` : '';
}

/** A name out of a closed list, matched without regard to case, returned as the list spells it. */
function oneOf<T extends string>(names: readonly T[], what: string) {
  const byLower = new Map(names.map((n) => [n.toLowerCase(), n]));
  return z.string().transform((value, ctx): T => {
    const found = byLower.get(value.trim().toLowerCase());
    if (found) return found;
    const hint = suggestion(names, value);
    ctx.issues.push({ code: 'custom', input: value, message: `is not ${what}${hint}` });
    return z.NEVER;
  });
}

const freeText = (max: number) => z.string().max(max, `is longer than ${max} characters`);
const date = z.string().refine(isCalendarDate, 'is not a date (write YYYY-MM-DD)');

const near = z.string().transform((value, ctx) => {
  const n = numbers(value, 3);
  if (!n || !inLat(n[0]!) || !inLon(n[1]!) || !(n[2]! > 0 && n[2]! <= 20_000)) {
    ctx.issues.push({ code: 'custom', input: value, message: 'is not LAT,LON,KM (e.g. 36.2,37.15,25: latitude -90..90, longitude -180..180, 0 < km <= 20000)' });
    return z.NEVER;
  }
  return { lat: n[0]!, lon: n[1]!, km: n[2]! };
});

const bbox = z.string().transform((value, ctx) => {
  const n = numbers(value, 4);
  if (!n || !inLon(n[0]!) || !inLat(n[1]!) || !inLon(n[2]!) || !inLat(n[3]!) || n[0]! > n[2]! || n[1]! > n[3]!) {
    ctx.issues.push({
      code: 'custom', input: value,
      message: 'is not minLon,minLat,maxLon,maxLat (e.g. 35.5,32.3,42.4,37.3; min below max, no box across the antimeridian)',
    });
    return z.NEVER;
  }
  return { minLon: n[0]!, minLat: n[1]!, maxLon: n[2]!, maxLat: n[3]! };
});

const wholeNumber = (min: number, max: number) =>
  z.string().transform((value, ctx) => {
    const n = /^\d{1,9}$/.test(value.trim()) ? Number(value.trim()) : NaN;
    if (!(n >= min && n <= max)) {
      ctx.issues.push({ code: 'custom', input: value, message: `is not a whole number from ${min} to ${max}` });
      return z.NEVER;
    }
    return n;
  });

/** The filters, keyed as in a query string (`GET /events?sub_type=…`); every value a string. */
export const filterShape = {
  from: date.optional().describe('earliest event date, YYYY-MM-DD'),
  to: date.optional().describe('latest event date, YYYY-MM-DD'),
  country: freeText(100).optional().describe('country name or ISO 3166-1 alpha-3 code'),
  admin1: freeText(200).optional().describe('first-level division, as the records spell it'),
  type: oneOf(EVENT_TYPES, "one of ACLED's 6 event types").optional().describe(`ACLED event type, any case: ${EVENT_TYPES.join(', ')}`),
  sub_type: oneOf(ALL_SUB_EVENT_TYPES, "one of ACLED's 25 sub-event types").optional().describe(`ACLED sub-event type, any case: ${ALL_SUB_EVENT_TYPES.join(', ')}`),
  actor: freeText(200).optional().describe('part of the name of actor1 or actor2'),
  near: near.optional().describe('LAT,LON,KM: within KM kilometres of a point'),
  bbox: bbox.optional().describe('minLon,minLat,maxLon,maxLat'),
  text: freeText(500).optional().describe('words that must all occur in the notes, actors, places or evidence'),
  min_fatalities: wholeNumber(0, 1_000_000_000).optional().describe('at least this many fatalities'),
  status: z.enum(STATUSES, { error: `is not one of ${STATUSES.join(', ')}` }).optional().describe('event status'),
  review: z.enum(REVIEW_FILTERS, { error: `is not one of ${REVIEW_FILTERS.join(', ')}` }).optional()
    .describe('review state: unreviewed, reviewed (confirmed or edited), confirmed, edited, rejected or all; by default all but rejected events'),
} as const;

/** Refuses a range that ends before it starts (kept apart so the API can extend the shape first). */
export function withDateOrder<T extends z.ZodType<{ from?: string; to?: string }>>(schema: T): T {
  return schema.refine((f) => !f.from || !f.to || f.from <= f.to, { message: 'comes after "to"', path: ['from'] }) as T;
}

export const EventFilters = withDateOrder(z.strictObject(filterShape));

export type FilterKey = keyof typeof filterShape;
export type FilterInput = Partial<Record<FilterKey, string>>;

/** A page cursor as the store gave it out. */
export const cursorParam = z.string().max(200, 'is not a cursor this store gave out').refine((value) => {
  try {
    decodeCursor(value);
    return true;
  } catch {
    return false;
  }
}, 'is not a cursor this store gave out');

export const pageSizeParam = wholeNumber(1, MAX_PAGE);

/** The parsed filters as the store's query. */
export function toEventQuery(f: z.output<typeof EventFilters>): EventQuery {
  const q: EventQuery = {};
  if (f.from) q.from = f.from;
  if (f.to) q.to = f.to;
  if (f.country) q.country = f.country;
  if (f.admin1) q.admin1 = f.admin1;
  if (f.type) q.type = f.type;
  if (f.sub_type) q.subType = f.sub_type;
  if (f.actor) q.actor = f.actor;
  if (f.near) q.near = f.near;
  if (f.bbox) q.bbox = f.bbox;
  if (f.text) q.text = f.text;
  if (f.min_fatalities !== undefined) q.minFatalities = f.min_fatalities;
  if (f.status) q.status = f.status;
  if (f.review) q.review = f.review;
  return q;
}

/**
 * One line for the first problem zod found: the parameter (as `label` names it; the empty key
 * is the whole input), the value given, and what is wrong with it.
 */
export function describeIssue(issue: z.core.$ZodIssue | undefined, input: unknown, label: (key: string) => string): string {
  if (!issue) return 'invalid request';
  if (issue.code === 'unrecognized_keys') return `unknown parameter ${issue.keys.map((k) => `"${label(k)}"`).join(', ')}`;
  const key = issue.path.map(String).join('.');
  const value = issue.path.reduce<unknown>((v, k) => (v && typeof v === 'object' ? (v as Record<PropertyKey, unknown>)[k as PropertyKey] : undefined), input);
  const name = label(key);
  if (issue.code === 'invalid_type') {
    return Array.isArray(value) ? `${name} is given more than once` : `${name}: expected ${issue.expected}${value === undefined ? ', got nothing' : ''}`;
  }
  const shown = typeof value === 'string' ? ` "${value.length > 60 ? value.slice(0, 57) + '...' : value}"` : '';
  return `${name}${shown} ${issue.message}`;
}

/**
 * Filters from the command line (`--sub-type`, `--min-fatalities`): the store's query, or a
 * SitrepError (exit 2) naming the option and the value.
 */
export function filtersFromOptions(options: Partial<Record<string, string>>): EventQuery {
  const input: FilterInput = {};
  for (const key of Object.keys(filterShape) as FilterKey[]) {
    const camel = key.replace(/_(\w)/g, (_, c: string) => c.toUpperCase());
    const value = options[camel];
    if (value !== undefined) input[key] = value;
  }
  const parsed = EventFilters.safeParse(input);
  if (!parsed.success) {
    throw new SitrepError('E_BAD_ARGUMENT', describeIssue(parsed.error.issues[0], input, (k) => (k ? `--${k.replace(/_/g, '-')}` : 'the filters')));
  }
  return toEventQuery(parsed.data);
}
