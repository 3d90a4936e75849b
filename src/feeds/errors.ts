/** Why a feed could not be read, as one error that names it and says what is wrong in one line. */
import { SitrepError } from '../errors.js';

export type FeedFailure =
  | 'malformed-xml' // not well-formed XML, and nothing could be read from it
  | 'not-a-feed'; // well-formed (or empty), but no RSS or Atom feed: an HTML page, JSON, binary

export class FeedError extends SitrepError {
  constructor(
    readonly failure: FeedFailure,
    readonly url: string,
    message: string,
  ) {
    // A feed that cannot be read is unreadable input, as a file that cannot be read is.
    super('E_READ', `${url}: ${message}`);
    this.name = 'FeedError';
  }
}
