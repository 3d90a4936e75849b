/**
 * The one error type sitrep throws for bad input or bad arguments. The CLI prints
 * `sitrep: <message>` (plus the hint) on one line and exits non-zero; nothing else is thrown
 * for text: finding nothing is not an error.
 */
export type ErrorCode =
  | 'E_NOT_FOUND' // a file that does not exist
  | 'E_IS_DIRECTORY'
  | 'E_BINARY' // input that is not text
  | 'E_TOO_LARGE' // input over the size cap
  | 'E_READ' // any other read failure
  | 'E_BAD_ARGUMENT' // e.g. --published that is not a date
  | 'E_BAD_GOLD' // a gold file that does not parse
  | 'E_DATA' // a data file of sitrep's own that is missing or malformed
  | 'E_BAD_BATCH' // a line of a JSONL batch that is not a document
  | 'E_FETCH' // a URL that could not be downloaded (src/fetch: FetchError says why)
  | 'E_STORE'; // the store cannot be opened or is of a newer schema

export class SitrepError extends Error {
  readonly code: ErrorCode;
  readonly hint: string | null;

  constructor(code: ErrorCode, message: string, hint: string | null = null) {
    super(message);
    this.name = 'SitrepError';
    this.code = code;
    this.hint = hint;
  }

  /** The one line the CLI prints. */
  toLine(): string {
    return this.hint ? `${this.message} (${this.hint})` : this.message;
  }
}
