/**
 * The workbench's calls to the sitrep API on the same server. The reviewer's token (kept in
 * this browser's local storage) goes with every request: writes always need it, reads when
 * the server protects them.
 */
export interface Evidence { doc: string; start: number; end: number; text: string }
export interface Reviewed { state: 'confirmed' | 'edited' | 'rejected'; by: string; at: string; fields: string[] }
export interface EventRecord {
  id: string; event_date: string; date_end: string | null; time_precision: number; event_type: string; sub_event_type: string;
  actor1: string; actor2: string | null; assoc_actor_1: string | null; assoc_actor_2: string | null; country: string; iso3: string;
  admin1: string | null; admin2: string | null; location: string; latitude: number; longitude: number; geo_precision: number;
  fatalities: number; counts: Record<string, { low: number; high: number | null }>; status: string; attributed_to: string | null;
  source: string | null; notes: string; evidence: Evidence[]; confidence: number; reviewed?: Reviewed | null;
}
export interface EventDetail {
  event: EventRecord;
  documents: Array<{ id: string; name: string; title: string | null; source: string | null; published: string | null; copy_of: string | null }>;
  links: Array<{ mention_id: string; document_id: string; why: string }>;
}
export interface StoredDocument { id: string; title: string | null; text: string; source: string | null; published: string | null; url: string | null }
export interface Cell { latitude: number; longitude: number; count: number; fatalities: number; by_type: Record<string, number>; id: string | null }
export interface PlaceResult {
  location: string; country: string; iso3: string; admin1: string | null; admin2: string | null; latitude: number; longitude: number;
  geo_precision: number; kind: string; population: number; id: string;
}
export interface AuditEntry { seq: number; reviewer: string; at: string; action: string; before: EventRecord | null; after: EventRecord | null; note: string | null }

const TOKEN_KEY = 'sitrep-token';
export const getToken = (): string => localStorage.getItem(TOKEN_KEY) ?? '';
export const setToken = (token: string): void => localStorage.setItem(TOKEN_KEY, token.trim());

export class ApiError extends Error {}

async function call<T>(path: string, init: RequestInit = {}): Promise<T> {
  const headers = new Headers(init.headers);
  const token = getToken();
  if (token) headers.set('authorization', `Bearer ${token}`);
  const response = await fetch(path, { ...init, headers });
  const body = (await response.json()) as T & { message?: string };
  if (!response.ok) throw new ApiError(body.message ?? `HTTP ${response.status}`);
  return body;
}

const withQuery = (path: string, params: URLSearchParams): string => (params.toString() ? `${path}?${params}` : path);

export const api = {
  events: (filters: URLSearchParams, cursor: string | null) => {
    const p = new URLSearchParams(filters);
    p.set('limit', '100');
    if (cursor) p.set('cursor', cursor);
    return call<{ events: EventRecord[]; next: string | null }>(withQuery('/events', p));
  },
  cells: (filters: URLSearchParams, zoom: number, bbox: string | null) => {
    const p = new URLSearchParams(filters);
    p.set('zoom', String(zoom));
    if (bbox) p.set('bbox', bbox);
    return call<{ total: number; cells: Cell[] }>(withQuery('/events/cells', p));
  },
  days: (filters: URLSearchParams, bins: number) => {
    const p = new URLSearchParams(filters);
    p.set('bins', String(bins));
    return call<{ bucket: 'day' | 'week' | 'month'; days: Array<{ date: string; type: string; count: number }> }>(withQuery('/events/days', p));
  },
  places: (q: string, country: string | null) => {
    const p = new URLSearchParams({ q });
    if (country) p.set('country', country);
    return call<{ places: PlaceResult[] }>(withQuery('/places', p));
  },
  outlines: () => call<GeoJSON.FeatureCollection>('/geo/admin1'),
  event: (id: string) => call<EventDetail>(`/events/${encodeURIComponent(id)}`),
  document: (id: string) => call<StoredDocument>(`/documents/${encodeURIComponent(id)}`),
  audit: (id: string) => call<{ entries: AuditEntry[] }>(`/events/${encodeURIComponent(id)}/audit`),
  review: (id: string, body: object) =>
    call<{ event: EventDetail; created: string | null }>(`/events/${encodeURIComponent(id)}/review`, {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body),
    }),
};
