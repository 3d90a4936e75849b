/**
 * Marks site furniture line by line: a line rule marks a whole (short) line, a tail rule
 * marks only the credit or sign-off that ends a paragraph. The text is never edited.
 */
import type { SkipRegion } from '../types.js';
import type { Line } from './lines.js';
import type { BoilerplateRule } from './resources.js';

/** The line in lower case, computed once and only when a rule has literals to check. */
interface LineView {
  line: Line;
  lower: string | null;
}

function passesLiterals(view: LineView, rule: BoilerplateRule): boolean {
  if (!rule.literals) return true;
  view.lower ??= view.line.text.toLowerCase();
  return rule.literals.some((literal) => view.lower!.includes(literal));
}

/** `rules` are the line rules, in file order. */
function matchLine(view: LineView, rules: BoilerplateRule[]): SkipRegion | null {
  const { line } = view;
  for (const rule of rules) {
    if (line.text.length > rule.maxLength || !passesLiterals(view, rule)) continue;
    if (rule.regex.test(line.text)) return { start: line.start, end: line.end, kind: rule.kind, rule: rule.id };
  }
  return null;
}

/** Tail rules search only the last `maxLength` characters; lookbehinds still see the whole line. */
function matchTail(view: LineView, rules: BoilerplateRule[]): SkipRegion | null {
  const { line } = view;
  for (const rule of rules) {
    if (!passesLiterals(view, rule)) continue;
    rule.regex.lastIndex = Math.max(0, line.text.length - rule.maxLength);
    const match = rule.regex.exec(line.text);
    if (!match || match.index + match[0].length !== line.text.length) continue;
    const leading = /^\s*/.exec(match[0])![0].length;
    return { start: line.start + match.index + leading, end: line.end, kind: rule.kind, rule: rule.id };
  }
  return null;
}

/** A bulleted line: items of a "Related stories:" list are links, not prose. */
const LIST_ITEM = /^[-\u2013\u2014\u2022*>\u203a\u00bb\u00b7\u25aa\u25b8]\s/u;
const MAX_LIST_ITEM = 200;

/** Non-article regions, in text order, at most one per line. */
export function findBoilerplate(lines: Line[], rules: BoilerplateRule[]): SkipRegion[] {
  const regions: SkipRegion[] = [];
  // Each line meets only the rules of its scope, in file order.
  const lineRules = rules.filter((rule) => rule.scope === 'line');
  const tailRules = rules.filter((rule) => rule.scope === 'tail');
  let inRelatedList = false;
  for (const line of lines) {
    const view: LineView = { line, lower: null };
    let region = matchLine(view, lineRules);
    if (!region && inRelatedList && LIST_ITEM.test(line.text) && line.text.length <= MAX_LIST_ITEM) {
      region = { start: line.start, end: line.end, kind: 'boilerplate', rule: 'related.list-item' };
    }
    region ??= matchTail(view, tailRules);
    inRelatedList = region !== null && region.rule.startsWith('related.') && region.end === line.end && region.start === line.start;
    if (region) regions.push(region);
  }
  return regions;
}
