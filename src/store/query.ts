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

/** Words longer than this are not indexed (PostgreSQL refuses lexemes over 2 kB; none is a search term). */
const LONGEST_WORD = 200;

/**
 * The words of a text as PostgreSQL's search index keeps them: lower case, diacritics removed,
 * runs of letters and digits; as SQLite's unicode61 tokenizer (remove_diacritics 2) reads them,
 * so that both backends find the same events for the same words.
 */
export function searchWords(text: string): string[] {
  const words = text.normalize('NFD').replace(/\p{M}+/gu, '').toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  return [...new Set(words.filter((w) => w.length <= LONGEST_WORD))];
}

/**
 * "Kramatorsk station" → `'kramatorsk' & 'station'` (tsquery text): every word must occur;
 * each word is a quoted lexeme of letters and digits only, so nothing in the input is syntax.
 */
export function tsQuery(text: string): string | null {
  const words = searchWords(text);
  if (words.length === 0) return null;
  return words.slice(0, 16).map((w) => `'${w}'`).join(' & ');
}
