/**
 * The clean stage's data: boilerplate line patterns and news-agency names, read once from
 * `data/clean/` and compiled into regexes before any document is seen.
 */
import { readDataJson } from '../data.js';
import { SitrepError } from '../errors.js';
import type { SkipKind } from '../types.js';

const SKIP_KINDS: readonly SkipKind[] = ['promo', 'caption', 'byline', 'comment', 'share', 'timestamp', 'boilerplate'];
const DEFAULT_MAX_LENGTH = 200;
const DEFAULT_MAX_TAIL = 400;

/** One entry of `boilerplate.json`, as written. */
export interface BoilerplateEntry {
  id: string;
  kind: SkipKind;
  /** 'line': a match marks the whole line; 'tail': only the match, which ends the line. */
  scope: 'line' | 'tail';
  pattern: string;
  flags?: string;
  maxLength?: number;
  /** The rule is only tried on lines containing one of these (lower case). */
  literals?: string[];
  example: string;
}

export interface BoilerplateFile {
  macros: Record<string, string>;
  patterns: BoilerplateEntry[];
}

export interface WireEntry {
  name: string;
  aliases: string[];
}

export interface BoilerplateRule {
  id: string;
  kind: SkipKind;
  scope: 'line' | 'tail';
  regex: RegExp;
  /**
   * 'line': longer lines are not tested (furniture is short; long lines are prose).
   * 'tail': the longest tail marked; the search starts that far from the line end.
   */
  maxLength: number;
  /** A cheap filter before the regex: the lower-cased line must contain one of these. */
  literals: string[] | null;
}

export interface CleanResources {
  rules: BoilerplateRule[];
  wires: WireEntry[];
}

/** Replaces `{{NAME}}` placeholders; unknown names are a data error, not a silent no-op. */
function expandMacros(pattern: string, macros: Record<string, string>, id: string): string {
  return pattern.replace(/\{\{(\w+)\}\}/g, (_, name: string) => {
    const body = macros[name];
    if (body === undefined) throw new SitrepError('E_DATA', `boilerplate pattern ${id} uses unknown macro {{${name}}}`);
    return body;
  });
}

export function compileBoilerplate(file: BoilerplateFile): BoilerplateRule[] {
  return file.patterns.map((entry) => {
    if (!SKIP_KINDS.includes(entry.kind)) {
      throw new SitrepError('E_DATA', `boilerplate pattern ${entry.id} has unknown kind "${entry.kind}"`);
    }
    let regex: RegExp;
    // Tail rules are searched from an offset (lastIndex), which needs the 'g' flag.
    const flags = `u${entry.scope === 'tail' ? 'g' : ''}${entry.flags ?? ''}`;
    try {
      regex = new RegExp(expandMacros(entry.pattern, file.macros, entry.id), flags);
    } catch (err) {
      throw new SitrepError('E_DATA', `boilerplate pattern ${entry.id} does not compile: ${(err as Error).message}`);
    }
    const maxLength = entry.maxLength ?? (entry.scope === 'tail' ? DEFAULT_MAX_TAIL : DEFAULT_MAX_LENGTH);
    return { id: entry.id, kind: entry.kind, scope: entry.scope, regex, maxLength, literals: entry.literals ?? null };
  });
}

/** Reads and compiles `data/clean/*.json`. Call once; hand the result to createCleanStage. */
export function loadCleanResources(): CleanResources {
  const boilerplate = readDataJson<BoilerplateFile>('clean', 'boilerplate.json');
  const wires = readDataJson<{ wires: WireEntry[] }>('clean', 'wires.json').wires;
  return { rules: compileBoilerplate(boilerplate), wires };
}
