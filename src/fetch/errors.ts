/** Why a download failed, as one error that names the URL and says what happened in one line. */
import { SitrepError } from '../errors.js';

export type FetchFailure =
  | 'bad-url' // not an absolute http(s) URL
  | 'connect-timeout' // no connection (DNS, TCP, TLS) within the connect timeout
  | 'timeout' // the whole exchange took longer than the total timeout
  | 'too-large' // the body grew past the size cap while streaming
  | 'too-many-redirects'
  | 'redirect-loop'
  | 'http-status' // an answer other than 2xx, 3xx-with-Location or 304
  | 'network' // refused, reset, DNS failure, TLS error
  | 'decoding' // a Content-Encoding that cannot be decoded
  | 'aborted'; // the caller cancelled (SIGTERM in a daemon)

export class FetchError extends SitrepError {
  constructor(
    readonly failure: FetchFailure,
    readonly url: string,
    message: string,
    /** The HTTP status, for `http-status`. */
    readonly status: number | null = null,
    /** What Retry-After asked for (429, 503), in milliseconds, for a caller that polls. */
    readonly retryAfterMs: number | null = null,
  ) {
    super('E_FETCH', `${url}: ${message}`);
    this.name = 'FetchError';
  }
}
