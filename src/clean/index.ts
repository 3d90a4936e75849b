/** Clean: marks non-article regions and finds the headline, dateline and wire credit. */
export { createCleanStage } from './stage.js';
export { loadCleanResources, compileBoilerplate } from './resources.js';
export type { CleanResources, BoilerplateRule, BoilerplateEntry, BoilerplateFile, WireEntry } from './resources.js';
export { isHeadlineShaped } from './headline.js';
export { resolveDatelineDate } from './dateline.js';
