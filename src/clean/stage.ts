/**
 * The clean stage: marks what is not article prose (skip regions), and finds the headline,
 * the dateline and the wire credit. It never edits the text; a wire credit becomes the
 * document's source when the caller gave none (a page's own site name gives way to it).
 */
import type { Doc, SkipRegion, Stage, WireCredit } from '../types.js';
import { findBoilerplate } from './boilerplate.js';
import { findDateline, type DatelineResult } from './dateline.js';
import { findHeadline } from './headline.js';
import { splitLines, type Line } from './lines.js';
import { loadCleanResources, type CleanResources } from './resources.js';
import { createWireMatcher, type WireMatcher } from './wire.js';

/** A dateline opens the first body paragraph; a deck line or two may come before it. */
const DATELINE_SEARCH_LINES = 3;
const CREDIT_KINDS = new Set(['byline', 'boilerplate']);

/** Lines not wholly marked as furniture (a line with only a marked tail stays). */
function bodyLinesOf(lines: Line[], skip: SkipRegion[]): Line[] {
  const whole = new Set(skip.map((region) => `${region.start}:${region.end}`));
  return lines.filter((line) => !whole.has(`${line.start}:${line.end}`));
}

function withMasthead(skip: SkipRegion[], masthead: Line): SkipRegion[] {
  const region: SkipRegion = { start: masthead.start, end: masthead.end, kind: 'boilerplate', rule: 'boilerplate.masthead' };
  return [...skip, region].sort((a, b) => a.start - b.start);
}

function searchDateline(candidates: Line[], wires: WireMatcher, published: string | null): DatelineResult {
  for (const line of candidates.slice(0, DATELINE_SEARCH_LINES)) {
    const found = findDateline(line, wires, published);
    if (found.dateline || found.wire) return found;
  }
  return { dateline: null, wire: null };
}

/**
 * A credit in the furniture: "By Jane Doe, Associated Press", "— AFP", "© 2019 AFP"; else
 * Reuters' own sign-off "(Reporting by …; Editing by …)", which names no agency.
 */
function creditFromFurniture(text: string, skip: SkipRegion[], wires: WireMatcher): WireCredit | null {
  for (const region of skip) {
    if (!CREDIT_KINDS.has(region.kind)) continue;
    const hit = wires.creditIn(text.slice(region.start, region.end));
    if (hit) return { start: region.start + hit.start, end: region.start + hit.end, name: hit.name, rule: `wire.credit-line:${region.rule}` };
  }
  const reuters = wires.exact('Reuters');
  const signOff = skip.find((region) => region.rule.startsWith('byline.reporting-by') && /\bEditing by\b/.test(text.slice(region.start, region.end)));
  if (reuters && signOff) return { start: signOff.start, end: signOff.end, name: reuters, rule: 'wire.reuters-sign-off' };
  return null;
}

function traceLines(doc: Doc): string[] {
  const kinds = [...new Set(doc.skip.map((region) => region.kind))].join(', ');
  const lines = [`clean: ${doc.skip.length} skip region(s)${kinds ? ` (${kinds})` : ''}`];
  if (doc.headline) lines.push(`clean: headline "${doc.text.slice(doc.headline.start, doc.headline.end)}" (${doc.headline.rule})`);
  if (doc.dateline) lines.push(`clean: dateline ${doc.dateline.place}${doc.dateline.date ? ` ${doc.dateline.date}` : ''} (${doc.dateline.rule})`);
  if (doc.wire) lines.push(`clean: wire credit ${doc.wire.name} (${doc.wire.rule})`);
  return lines;
}

export function createCleanStage(resources: CleanResources = loadCleanResources()): Stage {
  const wires = createWireMatcher(resources.wires);
  const rules = [...resources.rules, ...wires.rules];
  return {
    name: 'clean',
    requires: [],
    provides: ['skip', 'headline', 'dateline', 'wire'],
    run(doc: Doc): Doc {
      const lines = splitLines(doc.text);
      doc.skip = findBoilerplate(lines, rules);
      const body = bodyLinesOf(lines, doc.skip);
      const headline = findHeadline(body, doc.meta.title);
      doc.headline = headline?.headline ?? null;
      if (headline?.masthead) doc.skip = withMasthead(doc.skip, headline.masthead);
      const afterHeadline = body.slice(headline ? headline.index + 1 : 0);
      const found = searchDateline(afterHeadline, wires, doc.meta.published);
      doc.dateline = found.dateline;
      doc.wire = found.wire ?? creditFromFurniture(doc.text, doc.skip, wires);
      doc.trace.push(...traceLines(doc));
      // A wire credit names who reported the story; a page's site name only who republished it.
      if (doc.wire && (!doc.meta.source || doc.meta.sourceFrom === 'html-meta')) {
        doc.meta.source = doc.wire.name;
        doc.meta.sourceFrom = 'wire';
        doc.trace.push(`clean: source set to ${doc.wire.name} from the wire credit`);
      }
      return doc;
    },
  };
}
