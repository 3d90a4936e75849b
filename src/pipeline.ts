/**
 * Runs named stages in order over one Doc. `createPipeline` checks once that every field a stage
 * `requires` is provided by an earlier stage (spaCy's `analyze_pipes`), so a mis-ordered
 * configuration fails at start-up, not halfway through a batch.
 */
import type { Doc, DocKey, Stage } from './types.js';

export interface Pipeline {
  readonly stages: readonly Stage[];
  run(doc: Doc): Doc;
}

export function createPipeline(stages: Stage[]): Pipeline {
  checkOrder(stages);
  return {
    stages,
    run(doc: Doc): Doc {
      let current = doc;
      for (const stage of stages) {
        current = stage.run(current);
        keepInTextOrder(current, stage.provides);
      }
      return current;
    },
  };
}

/**
 * The Doc's invariant: every annotation array is in text order (by start), so that later
 * stages can find the mentions inside a sentence by binary search. Sorting is a no-op check
 * for stages that already emit in order.
 */
function keepInTextOrder(doc: Doc, keys: DocKey[]): void {
  for (const key of keys) {
    const value = doc[key];
    if (!Array.isArray(value) || key === 'events' || key === 'candidates' || key === 'unplaced') continue;
    const items = value as Array<{ start: number }>;
    for (let i = 1; i < items.length; i++) {
      if ((items[i] as { start: number }).start < (items[i - 1] as { start: number }).start) {
        items.sort((a, b) => a.start - b.start);
        break;
      }
    }
  }
}

function checkOrder(stages: Stage[]): void {
  const provided = new Set<DocKey>();
  const names = new Set<string>();
  for (const stage of stages) {
    if (names.has(stage.name)) throw new Error(`pipeline: stage name "${stage.name}" is used twice`);
    names.add(stage.name);
    const missing = stage.requires.filter((key) => !provided.has(key));
    if (missing.length > 0) {
      throw new Error(`pipeline: stage "${stage.name}" requires ${missing.join(', ')}, which no earlier stage provides`);
    }
    for (const key of stage.provides) provided.add(key);
  }
}
