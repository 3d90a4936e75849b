/**
 * @module attribution
 * Who a report cites, sentence by sentence ("said the Syrian Observatory for Human Rights",
 * "according to the UN", "he added"), and its direct quotations with their speakers.
 *
 * @example
 *   const stage = createAttributionStage(loadSourceDictionary());
 *   stage.run(doc).attributions; // [{ source: 'Syrian Observatory for Human Rights', sentences: [1, 2], ... }]
 */
import type { Doc, Stage } from '../types.js';
import { attribute } from './attribute.js';
import { compileSourceTables, type SourceDictionary } from './dictionary.js';

export { loadSourceDictionary, compileSourceTables } from './dictionary.js';
export type { SourceDictionary, SourceEntry, SourceKind, SourceTables } from './dictionary.js';
export { findQuotes } from './quotes.js';
export { attribute } from './attribute.js';

export function createAttributionStage(sources: SourceDictionary): Stage {
  const tables = compileSourceTables(sources);
  return {
    name: 'attribution',
    requires: ['sentences', 'skip'],
    provides: ['quotes', 'attributions'],
    run(doc: Doc): Doc {
      const { quotes, attributions } = attribute(doc, tables);
      doc.quotes = quotes;
      doc.attributions = attributions;
      if (quotes.length + attributions.length > 0) {
        const names = [...new Set(attributions.map((a) => a.source))].slice(0, 6).join('; ');
        doc.trace.push(`attribution: ${quotes.length} quotes, ${attributions.length} citations (${names})`);
      }
      return doc;
    },
  };
}
