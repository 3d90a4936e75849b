/**
 * Fetch: HTTP(S) downloads for pages and feeds, with timeouts, a size cap, redirects, content
 * decoding, conditional GET and per-host politeness. Returns bytes and headers; decoding them
 * into articles or feed items is the caller's business.
 */
export { fetchUrl, FETCH_DEFAULTS } from './http.js';
export type { FetchLog, FetchOptions, FetchResult } from './http.js';
export { FetchError } from './errors.js';
export type { FetchFailure } from './errors.js';
export { HostPacer } from './pacer.js';
export type { Sleep } from './pacer.js';
export { defaultUserAgent } from './user-agent.js';
