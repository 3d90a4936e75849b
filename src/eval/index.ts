/**
 * `sitrep eval`: one entry point for the three measurements. A gold set folder is scored as
 * shared/tools/score.mjs scores it; an ACLED CSV and the CASE 2021 TSV give per-field and
 * per-class accuracies. The extractor is injected, so this module never loads the pipeline.
 */
import { SitrepError } from '../errors.js';
import { evaluateAcled, formatAcled, type AcledOptions } from './acled.js';
import { evaluateCase2021, formatCase2021 } from './case2021.js';
import { evaluateClusters, formatClusters, type IngestClusterFn } from './clusters.js';
import { evaluateGoldSet } from './gold-eval.js';
import { readGoldSet } from './gold.js';
import { formatReport } from './report.js';
import { classifyWith, type ClassifyFn, type ExtractFn } from './types.js';

export type { ClassifyFn, ExtractFn } from './types.js';

export interface EvalOptions {
  /** A gold set folder (gold.jsonl + articles). */
  dir?: string;
  /** An ACLED CSV export. */
  acled?: string;
  /** The CASE 2021 Task 2 TSV. */
  case2021?: string;
  /** A clusters folder (clusters.jsonl + articles): cross-document merging. */
  clusters?: string;
  /** Clusters: ingests one cluster into a fresh store (the CLI passes the real corpus). */
  ingestCluster?: IngestClusterFn;
  /** Judge at most this many rows / snippets (ACLED, CASE). */
  limit?: number;
  /** ACLED: judge every k-th row only. */
  sample?: number;
  /** More mismatches in the ACLED report. */
  verbose?: boolean;
  /** ACLED: the gazetteer's division for a spelling, to judge admin1 by division (see acled.ts). */
  admin1Of?: AcledOptions['admin1Of'];
}

/**
 * Runs each measurement asked for and prints its report through `out`. `ok` is false when the
 * extractor threw on some input or returned records that lack contract fields (score.mjs's
 * exit rule with no thresholds). CASE 2021 uses `classify` when given, to score also the events
 * a snippet tells without placing them.
 */
export async function runEval(
  opts: EvalOptions, extract: ExtractFn, out: (line: string) => void, classify: ClassifyFn = classifyWith(extract),
): Promise<{ ok: boolean }> {
  if (!opts.dir && !opts.acled && !opts.case2021 && !opts.clusters) {
    throw new SitrepError('E_BAD_ARGUMENT', 'nothing to evaluate', 'give a gold set folder, --acled FILE, --case2021 FILE or --clusters DIR');
  }
  if (opts.limit !== undefined && !(Number.isInteger(opts.limit) && opts.limit >= 0)) {
    throw new SitrepError('E_BAD_ARGUMENT', `--limit must be a whole number, got ${opts.limit}`);
  }
  if (opts.sample !== undefined && !(Number.isInteger(opts.sample) && opts.sample >= 1)) {
    throw new SitrepError('E_BAD_ARGUMENT', `--sample must be a whole number >= 1, got ${opts.sample}`);
  }
  let ok = true;
  const limits = opts.limit === undefined ? {} : { limit: opts.limit };
  if (opts.dir) {
    const run = evaluateGoldSet(readGoldSet(opts.dir), extract);
    for (const failure of run.failures) out(`! ${failure}`);
    for (const line of formatReport(run.summary, run.seconds)) out(line);
    ok &&= run.summary.failed === 0 && run.summary.invalid === 0;
  }
  if (opts.acled) {
    const show = opts.verbose ? 100 : 20;
    const sample = opts.sample === undefined ? {} : { sample: opts.sample };
    const result = evaluateAcled(opts.acled, extract, { ...limits, ...sample, show, admin1Of: opts.admin1Of });
    if (opts.dir) out('');
    for (const line of formatAcled(result)) out(line);
    ok &&= result.failed === 0;
  }
  if (opts.case2021) {
    const result = evaluateCase2021(opts.case2021, classify, limits);
    if (opts.dir || opts.acled) out('');
    for (const line of formatCase2021(result)) out(line);
    ok &&= result.failed === 0;
  }
  if (opts.clusters) {
    if (!opts.ingestCluster) throw new SitrepError('E_BAD_ARGUMENT', 'clusters need a store to ingest into');
    const result = await evaluateClusters(opts.clusters, opts.ingestCluster);
    if (opts.dir || opts.acled || opts.case2021) out('');
    for (const line of formatClusters(result, opts.verbose)) out(line);
    ok &&= result.summary.failed === 0;
  }
  return { ok };
}
