/** What ingest hands on: the text to store, what was learnt about it, and user warnings. */
import type { DocMeta } from '../types.js';

export interface Article {
  /** The text to store in the Doc; later stages never edit it. */
  text: string;
  meta: Partial<DocMeta>;
  /** Problems the user should hear about (undecodable bytes). Each names the input. */
  warnings: string[];
}
