/**
 * The view lives in the URL's query string (filters, the chosen range of days, the open event),
 * so that a view can be shared or bookmarked, and the back button steps through views.
 */
export const FILTER_KEYS = ['type', 'sub_type', 'actor', 'country', 'admin1', 'status', 'review', 'text', 'min_fatalities', 'from', 'to'] as const;

export function readFilters(): URLSearchParams {
  const url = new URLSearchParams(location.search);
  const filters = new URLSearchParams();
  for (const key of FILTER_KEYS) {
    const value = url.get(key);
    if (value) filters.set(key, value);
  }
  return filters;
}

/** The filters without the range of days (the timeline shows the whole range and marks the choice). */
export function withoutDays(filters: URLSearchParams): URLSearchParams {
  const p = new URLSearchParams(filters);
  p.delete('from');
  p.delete('to');
  return p;
}

export const openEventId = (): string | null => new URLSearchParams(location.search).get('event');

/** Writes the view into the URL; `push` makes it a step of the browser's history. */
export function writeView(filters: URLSearchParams, event: string | null, push = true): void {
  const p = new URLSearchParams(filters);
  if (event) p.set('event', event);
  const url = p.toString() ? `?${p}` : location.pathname;
  if (push) history.pushState(null, '', url);
  else history.replaceState(null, '', url);
}
