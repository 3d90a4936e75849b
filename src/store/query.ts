/**
 * Query helpers every backend shares: the opaque page cursor and the translation of a user's
 * search words into a full-text query that treats them as words, never as query syntax.
 */
import { SitrepError } from '../errors.js';

/** The position after the last event of a page: its date and store sequence number. */
export function encodeCursor(date: string, seq: number): string {
  return Buffer.from(JSON.stringify([date, seq])).toString('base64url');
}

export function decodeCursor(cursor: string): { date: string; seq: number } {
  try {
    const value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown;
    if (Array.isArray(value) && typeof value[0] === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value[0]) && Number.isInteger(value[1])) {
      return { date: value[0], seq: value[1] as number };
    }
  } catch {
    // fall through to the error below
  }
  throw new SitrepError('E_BAD_ARGUMENT', `"${cursor.slice(0, 40)}" is not a cursor this store gave out`);
}

/**
 * "Kramatorsk station" → `"kramatorsk" "station"`: every word must occur (FTS5's implicit AND);
 * quotes, operators and column filters in the input are only characters of words.
 */
export function ftsQuery(text: string): string | null {
  const words = text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  if (words.length === 0) return null;
  return words.slice(0, 16).map((w) => `"${w}"`).join(' ');
}
