/** Public surface of sitrep's geography: the gazetteer and the place stage. */
export { loadGazetteer, type Gazetteer } from './gazetteer.js';
export { createPlaceStage } from './stage.js';
export { loadStopLists, type StopLists } from './stop-lists.js';
export { foldKey } from './normalize.js';
export type { Reading, ReadingKind } from './readings.js';
