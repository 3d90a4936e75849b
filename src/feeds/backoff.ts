/**
 * How long a failing feed waits before its next poll: its own interval after the first failure
 * (one bad answer costs nothing extra), then twice as long after each further one, up to a cap
 * (six hours, or the interval itself if that is longer), so that a dead feed is asked a few times
 * a day instead of every few minutes. A Retry-After from the server (429, 503) is honoured when
 * it asks for longer, up to a day: a server cannot park a feed for ever.
 */
export const BACKOFF_CAP_MS = 6 * 3600_000;
export const RETRY_AFTER_CAP_MS = 24 * 3600_000;

export function backoffMs(consecutiveErrors: number, intervalMs: number, retryAfterMs: number | null = null): number {
  const doublings = Math.min(Math.max(0, consecutiveErrors - 1), 30);
  const exponential = Math.min(intervalMs * 2 ** doublings, Math.max(BACKOFF_CAP_MS, intervalMs));
  const asked = retryAfterMs === null ? 0 : Math.min(Math.max(0, retryAfterMs), RETRY_AFTER_CAP_MS);
  return Math.max(exponential, asked);
}
