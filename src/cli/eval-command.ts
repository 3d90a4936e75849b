/** `sitrep eval`: wires the evaluation harness to the real extractor. */
import { SitrepError } from '../errors.js';
import { runEval } from '../eval/index.js';
import type { Extractor } from '../extract.js';
import type { Io } from './extract-command.js';

export interface EvalOptions {
  acled?: string;
  case2021?: string;
  limit?: string;
  sample?: string;
  verbose?: boolean;
}

export async function runEvalCommand(dir: string | undefined, opts: EvalOptions, io: Io, makeExtractor: () => Extractor): Promise<number> {
  if (!dir && !opts.acled && !opts.case2021) {
    throw new SitrepError('E_BAD_ARGUMENT', 'eval needs a gold set folder, --acled FILE or --case2021 FILE');
  }
  const limit = opts.limit === undefined ? undefined : Number(opts.limit);
  if (limit !== undefined && (!Number.isInteger(limit) || limit <= 0)) {
    throw new SitrepError('E_BAD_ARGUMENT', `--limit "${opts.limit}" is not a positive whole number`);
  }
  const sample = opts.sample === undefined ? undefined : Number(opts.sample);
  if (sample !== undefined && (!Number.isInteger(sample) || sample <= 0)) {
    throw new SitrepError('E_BAD_ARGUMENT', `--sample "${opts.sample}" is not a positive whole number`);
  }
  const extractor = makeExtractor();
  const result = await runEval(
    {
      dir, acled: opts.acled, case2021: opts.case2021, limit, sample, verbose: opts.verbose,
      admin1Of: (iso3, name) => extractor.resources.gazetteer.admin1(iso3, name)?.admin1 ?? null,
    },
    (input) => extractor.extract(input).records,
    io.out,
    (input) => {
      const { doc, records } = extractor.extract(input);
      return { records, unplaced: doc.unplaced.map((u) => u.subEventType) };
    },
  );
  return result.ok ? 0 : 1;
}
