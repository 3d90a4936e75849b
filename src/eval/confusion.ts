/**
 * Confusion tallies shared by the ACLED and CASE reports: "expected → predicted" keys with
 * counts. Listing "→ (no event)" apart keeps the real sub-type confusions visible when an
 * extractor misses many inputs outright.
 */
export const NO_EVENT = '(no event)';

export function tally(counts: Map<string, number>, expected: string | null, predicted: string | null): void {
  const key = `${expected ?? NO_EVENT} → ${predicted ?? NO_EVENT}`;
  counts.set(key, (counts.get(key) ?? 0) + 1);
}

/** Two ranked lists: wrong sub-types first, then inputs on which nothing was coded. */
export function confusionLines(counts: Map<string, number>, top: number, label: string): string[] {
  const ranked = [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  const missed = ranked.filter(([key]) => key.endsWith(`→ ${NO_EVENT}`));
  const confused = ranked.filter(([key]) => !key.endsWith(`→ ${NO_EVENT}`));
  const total = (list: Array<[string, number]>): number => list.reduce((sum, [, n]) => sum + n, 0);
  const row = ([key, n]: [string, number]): string => `  ${String(n).padStart(5)}  ${key}`;
  return [
    `top wrong sub-types (${label}; ${total(confused)} in all):`,
    ...(confused.length ? confused.slice(0, top).map(row) : ['  none']),
    `nothing coded (${total(missed)} in all), by expected sub-type:`,
    ...(missed.length ? missed.slice(0, top).map(row) : ['  none']),
  ];
}
