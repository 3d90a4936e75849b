/** `sitrep eval`: wires the evaluation harness to the real extractor and, for clusters, a store. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Corpus, openStore } from '../corpus.js';
import { SitrepError } from '../errors.js';
import type { ClusterFile, ClusterRun } from '../eval/clusters.js';
import { runEval } from '../eval/index.js';
import type { Extractor } from '../extract.js';
import { textToArticle } from '../ingest/index.js';
import type { Io } from './extract-command.js';

export interface EvalOptions {
  acled?: string;
  case2021?: string;
  clusters?: string;
  limit?: string;
  sample?: string;
  verbose?: boolean;
}

export async function runEvalCommand(dir: string | undefined, opts: EvalOptions, io: Io, makeExtractor: () => Extractor): Promise<number> {
  if (!dir && !opts.acled && !opts.case2021 && !opts.clusters) {
    throw new SitrepError('E_BAD_ARGUMENT', 'eval needs a gold set folder, --acled FILE, --case2021 FILE or --clusters DIR');
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
      clusters: opts.clusters,
      ingestCluster: (files) => ingestCluster(files, extractor),
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

/** Ingests one cluster's files, in order, into a fresh store in a temporary folder, and reads back its events. */
async function ingestCluster(files: readonly ClusterFile[], extractor: Extractor): Promise<ClusterRun> {
  const dir = mkdtempSync(join(tmpdir(), 'sitrep-cluster-'));
  const store = openStore(join(dir, 'cluster.db'));
  try {
    const corpus = new Corpus(store, extractor);
    for (const f of files) {
      await corpus.ingest({ article: textToArticle(f.text), meta: { name: f.file, published: f.published, source: f.source } });
    }
    const { events } = await store.findEvents({ limit: 1000 });
    const reportedBy = new Map<string, string[]>();
    for (const e of events) {
      const stored = await store.getEvent(e.id);
      reportedBy.set(e.id, stored ? stored.documents.map((d) => d.name) : []);
    }
    return { events, reportedBy };
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
