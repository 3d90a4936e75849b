/**
 * Polling intervals as people write them: "90s", "15m", "1h", "1h30m", "1d". A bare number is
 * refused rather than guessed at (seconds? minutes?).
 */
import { SitrepError } from '../errors.js';

const UNIT_SECONDS: Record<string, number> = { s: 1, m: 60, h: 3600, d: 86_400 };
const MIN_SECONDS = 1;
const MAX_SECONDS = 7 * 86_400;
export const DEFAULT_INTERVAL_SECONDS = 15 * 60;

/** Seconds in an interval written like "15m" or "1h30m"; a SitrepError (bad argument) otherwise. */
export function parseInterval(text: string, what = 'interval'): number {
  const value = text.trim().toLowerCase();
  const parts = [...value.matchAll(/(\d+(?:\.\d+)?)\s*([smhd])/g)];
  const covered = parts.map((p) => p[0]).join('');
  if (parts.length === 0 || covered.replace(/\s/g, '') !== value.replace(/\s/g, '')) {
    throw new SitrepError('E_BAD_ARGUMENT', `${what} "${text}" is not a duration`, 'write it like 30s, 15m, 1h or 1h30m');
  }
  const seconds = Math.round(parts.reduce((sum, p) => sum + Number(p[1]) * UNIT_SECONDS[p[2]!]!, 0));
  if (seconds < MIN_SECONDS || seconds > MAX_SECONDS) {
    throw new SitrepError('E_BAD_ARGUMENT', `${what} "${text}" is out of range`, 'between 1s and 7d');
  }
  return seconds;
}

/** "15m", "1h30m", "45s": the shortest way to write a number of seconds. */
export function formatInterval(totalSeconds: number): string {
  let rest = Math.max(0, Math.round(totalSeconds));
  if (rest === 0) return '0s';
  let text = '';
  for (const [unit, size] of [['d', 86_400], ['h', 3600], ['m', 60], ['s', 1]] as const) {
    const count = Math.floor(rest / size);
    if (count > 0) text += `${count}${unit}`;
    rest -= count * size;
  }
  return text;
}
