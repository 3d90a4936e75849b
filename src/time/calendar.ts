/**
 * Calendar arithmetic on whole days. A day is a `DayNumber`: days since 1970-01-01 (UTC), so
 * adding and comparing days is integer arithmetic and no time zone can shift a date.
 */

export type DayNumber = number;

const MS_PER_DAY = 86_400_000;
const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

export interface Ymd {
  year: number;
  month: number; // 1..12
  day: number; // 1..31
}

export function fromYmd(year: number, month: number, day: number): DayNumber {
  return Math.floor(Date.UTC(year, month - 1, day) / MS_PER_DAY);
}

export function toYmd(dayNumber: DayNumber): Ymd {
  const date = new Date(dayNumber * MS_PER_DAY);
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
}

/** True for a real calendar day written `YYYY-MM-DD` (rejects 2018-02-30). */
export function isIsoDay(text: string): boolean {
  const match = ISO_DAY.exec(text);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const back = toYmd(fromYmd(year, month, day));
  return back.year === year && back.month === month && back.day === day;
}

/** Parses `YYYY-MM-DD`; the caller checks it with `isIsoDay` first. */
export function parseIsoDay(text: string): DayNumber {
  return fromYmd(Number(text.slice(0, 4)), Number(text.slice(5, 7)), Number(text.slice(8, 10)));
}

export function toIsoDay(dayNumber: DayNumber): string {
  const { year, month, day } = toYmd(dayNumber);
  return `${String(year).padStart(4, '0')}-${pad2(month)}-${pad2(day)}`;
}

function pad2(value: number): string {
  return value < 10 ? `0${value}` : String(value);
}

/** 0 = Sunday ... 6 = Saturday, as in `Date.getDay()` and chrono's `weekday` component. */
export function weekdayOf(dayNumber: DayNumber): number {
  // 1970-01-01 was a Thursday (4).
  return (((dayNumber + 4) % 7) + 7) % 7;
}

/** The Monday that starts the (ISO) week holding the day. */
export function mondayOf(dayNumber: DayNumber): DayNumber {
  return dayNumber - ((weekdayOf(dayNumber) + 6) % 7);
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** The first and last day of a month, `monthOffset` months away from the day's own month. */
export function monthAround(dayNumber: DayNumber, monthOffset: number): [DayNumber, DayNumber] {
  const { year, month } = toYmd(dayNumber);
  const index = year * 12 + (month - 1) + monthOffset;
  const targetYear = Math.floor(index / 12);
  const targetMonth = (index % 12) + 1;
  return [fromYmd(targetYear, targetMonth, 1), fromYmd(targetYear, targetMonth, daysInMonth(targetYear, targetMonth))];
}

/** The latest day with the given weekday that is on or before `dayNumber`. */
export function weekdayOnOrBefore(dayNumber: DayNumber, weekday: number): DayNumber {
  return dayNumber - ((weekdayOf(dayNumber) - weekday + 7) % 7);
}

/** The earliest day with the given weekday that is on or after `dayNumber`. */
export function weekdayOnOrAfter(dayNumber: DayNumber, weekday: number): DayNumber {
  return dayNumber + ((weekday - weekdayOf(dayNumber) + 7) % 7);
}
