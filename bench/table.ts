/** What the benchmarks share: their options, and the result table, printed and kept in .bench/ (git-ignored) for comparing runs by hand. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

export interface Row {
  metric: string;
  value: string;
  target: string;
  /** true/false for a target met/missed; null for figures with no target. */
  pass: boolean | null;
}

export function printTable(rows: Row[]): void {
  const widths = [0, 1, 2].map((c) => Math.max(...rows.map((r) => [r.metric, r.value, r.target][c]!.length), 6));
  const cell = (s: string, w: number): string => s.padEnd(w);
  console.log(`${cell('metric', widths[0]!)}  ${cell('value', widths[1]!)}  ${cell('target', widths[2]!)}  result`);
  for (const r of rows) {
    const result = r.pass === null ? '' : r.pass ? 'ok' : 'FAIL';
    console.log(`${cell(r.metric, widths[0]!)}  ${cell(r.value, widths[1]!)}  ${cell(r.target, widths[2]!)}  ${result}`);
  }
}

export function saveResult(name: string, rows: Row[]): void {
  const dir = join(ROOT, '.bench');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, `${name}.json`), JSON.stringify({ at: new Date().toISOString(), node: process.version, rows }, null, 2) + '\n');
}

export const percentile = (sorted: readonly number[], p: number): number => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? 0;

/** A whole-number option of a benchmark (`--articles 500`), or its default. */
export function wholeOption(argv: readonly string[], flag: string, fallback: number): number {
  const i = argv.indexOf(flag);
  const n = i >= 0 ? Number(argv[i + 1]) : fallback;
  if (!Number.isInteger(n) || n < 1) throw new Error(`${flag} wants a whole number >= 1`);
  return n;
}
