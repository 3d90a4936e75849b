/**
 * The timeline's bars: events per day, or per week (from Monday) or per month when the days
 * would outnumber the bars the timeline has room for. Six years of events are 13,000 rows of
 * days by type, too many to send and draw at each filter change; by week they are 2,000.
 */
import type { DayCount } from '../store/types.js';

export type Bucket = 'day' | 'week' | 'month';

const DAY = 86_400_000;
const dayNumber = (date: string): number => Math.floor(Date.parse(date) / DAY);

/** The first day of the bucket a day falls in. */
export function bucketStart(date: string, bucket: Bucket): string {
  if (bucket === 'day') return date;
  if (bucket === 'month') return `${date.slice(0, 7)}-01`;
  const n = dayNumber(date);
  const weekday = (new Date(n * DAY).getUTCDay() + 6) % 7; // Monday 0
  return new Date((n - weekday) * DAY).toISOString().slice(0, 10);
}

/** The finest bucket that keeps the bars of the span within `bins`. */
export function bucketFor(days: readonly DayCount[], bins: number | undefined): Bucket {
  if (!bins || days.length === 0) return 'day';
  const span = dayNumber(days.at(-1)!.date) - dayNumber(days[0]!.date) + 1;
  return span <= bins ? 'day' : span / 7 <= bins ? 'week' : 'month';
}

/** Day counts (oldest first) summed per bucket and type, oldest first. */
export function binDays(days: readonly DayCount[], bucket: Bucket): DayCount[] {
  if (bucket === 'day') return [...days];
  const out: DayCount[] = [];
  const at = new Map<string, DayCount>();
  for (const d of days) {
    const date = bucketStart(d.date, bucket);
    const key = `${date}|${d.type}`;
    const row = at.get(key);
    if (row) row.count += d.count;
    else {
      const fresh = { date, type: d.type, count: d.count };
      at.set(key, fresh);
      out.push(fresh);
    }
  }
  return out.sort((a, b) => (a.date === b.date ? (a.type < b.type ? -1 : 1) : a.date < b.date ? -1 : 1));
}
