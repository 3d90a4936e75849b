/**
 * Locates sitrep's own data files (`data/` at the package root), from both `src/` (tests, tsx)
 * and `dist/` (the compiled CLI), and reads them with one clear error when one is missing.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SitrepError } from './errors.js';

/** Package root: this file lives in `src/` or `dist/`, one level below it. */
export const PACKAGE_ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');

export function dataPath(...parts: string[]): string {
  return join(PACKAGE_ROOT, 'data', ...parts);
}

export function readDataText(...parts: string[]): string {
  const path = dataPath(...parts);
  try {
    return readFileSync(path, 'utf8');
  } catch (err) {
    throw new SitrepError('E_DATA', `cannot read data file ${path}: ${(err as Error).message}`, 'reinstall sitrep');
  }
}

export function readDataJson<T>(...parts: string[]): T {
  const text = readDataText(...parts);
  try {
    return JSON.parse(text) as T;
  } catch (err) {
    throw new SitrepError('E_DATA', `malformed data file ${dataPath(...parts)}: ${(err as Error).message}`);
  }
}
