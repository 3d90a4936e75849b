/**
 * Every event a query matches, page by page through the store's cursor, so that an export of a
 * million events holds one page in memory at a time.
 */
import type { EventPage, EventQuery, Store } from './types.js';
import { MAX_PAGE } from './filters.js';

/**
 * The pages of a query in the store's order (newest first). `max` caps the number of events
 * over all pages; pages are as large as the store serves.
 */
export async function* eventPages(store: Store, query: EventQuery, max = Infinity): AsyncGenerator<EventPage> {
  let cursor = query.cursor ?? null;
  let left = max;
  while (left > 0) {
    const page = await store.findEvents({ ...query, cursor, limit: Math.min(MAX_PAGE, left) });
    left -= page.events.length;
    if (page.events.length > 0) yield page;
    if (!page.next) return;
    cursor = page.next;
  }
}
