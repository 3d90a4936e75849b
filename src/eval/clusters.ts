/**
 * Cross-document merging measured on clusters (shared/clusters/README.md): several articles
 * about one incident, with the de-duplicated gold events a careful coder would have after
 * reading them all and, for each, the files that report it (`reported_in`).
 *
 * Each cluster is ingested into a fresh store, in file order, and the store's events are scored
 * against the cluster's gold as one document (GOLD.md rules: a second copy of an event is a
 * duplicate, which counts as a false event). For each paired gold event the report also checks
 * that the event lists every file the gold says reports it.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { SitrepError } from '../errors.js';
import type { EventRecord } from '../types.js';
import { goldEventProblem } from './gold.js';
import { formatReport } from './report.js';
import { scoreArticle, summarise, type ArticleScore, type Summary } from './score.js';
import type { GoldEvent } from './types.js';

export interface ClusterFile {
  file: string;
  published: string | null;
  source: string | null;
  text: string;
}

export interface ClusterGoldEvent extends GoldEvent {
  id: string;
  reported_in: string[];
}

export interface Cluster {
  cluster: string;
  title: string;
  files: ClusterFile[];
  events: ClusterGoldEvent[];
}

/** The store's events after ingesting a cluster, and for each event the files that report it. */
export interface ClusterRun {
  events: EventRecord[];
  reportedBy: Map<string, string[]>;
}

/** Ingests a cluster's files into a fresh store (injected: the harness never opens a store itself). */
export type IngestClusterFn = (files: readonly ClusterFile[]) => Promise<ClusterRun>;

export function readClusters(dir: string): Cluster[] {
  const root = resolve(dir);
  const path = join(root, 'clusters.jsonl');
  if (!existsSync(path)) throw new SitrepError('E_NOT_FOUND', `no clusters.jsonl in ${root}`, 'see shared/clusters/README.md');
  const clusters: Cluster[] = [];
  readFileSync(path, 'utf8').split('\n').forEach((raw, k) => {
    if (raw.trim() === '') return;
    const fail = (what: string): never => {
      throw new SitrepError('E_BAD_GOLD', `${path} line ${k + 1}: ${what}`);
    };
    let value: Record<string, unknown>;
    try {
      value = JSON.parse(raw) as Record<string, unknown>;
    } catch (error) {
      return fail(`not JSON (${(error as Error).message})`);
    }
    if (typeof value.cluster !== 'string' || !Array.isArray(value.files) || !Array.isArray(value.events)) {
      return fail('a cluster needs "cluster", "files" and "events"');
    }
    const files = (value.files as Array<Record<string, unknown>>).map((f): ClusterFile => {
      if (typeof f.file !== 'string') return fail('each file needs a "file" name');
      const filePath = join(root, f.file);
      if (!existsSync(filePath)) return fail(`file ${f.file} not found`);
      return { file: f.file, published: typeof f.published === 'string' ? f.published : null, source: typeof f.source === 'string' ? f.source : null, text: readFileSync(filePath, 'utf8') };
    });
    const events = (value.events as unknown[]).map((e, j): ClusterGoldEvent => {
      const problem = goldEventProblem(e);
      if (problem) return fail(`event ${j + 1}: ${problem}`);
      const event = e as ClusterGoldEvent;
      return { ...event, reported_in: Array.isArray(event.reported_in) ? event.reported_in : [] };
    });
    clusters.push({ cluster: value.cluster, title: typeof value.title === 'string' ? value.title : value.cluster, files, events });
  });
  return clusters;
}

export interface ClusterEvaluation {
  summary: Summary;
  /** Per paired gold event: the files it should list and those the store's event lists. */
  coverage: Array<{ cluster: string; gold: string; expected: string[]; listed: string[] }>;
  seconds: number;
}

export async function evaluateClusters(dir: string, ingest: IngestClusterFn): Promise<ClusterEvaluation> {
  const started = performance.now();
  const scores: ArticleScore[] = [];
  const coverage: ClusterEvaluation['coverage'] = [];
  for (const cluster of readClusters(dir)) {
    const run = await ingest(cluster.files);
    const preds = JSON.parse(JSON.stringify(run.events)) as EventRecord[];
    const score = scoreArticle(cluster.cluster, preds, cluster.events);
    scores.push(score);
    for (const pair of score.pairs) {
      const gold = pair.gold as ClusterGoldEvent;
      coverage.push({ cluster: cluster.cluster, gold: gold.id, expected: gold.reported_in, listed: run.reportedBy.get(pair.pred.id) ?? [] });
    }
  }
  return { summary: summarise(scores), coverage, seconds: (performance.now() - started) / 1000 };
}

export function formatClusters(r: ClusterEvaluation, verbose = false): string[] {
  const lines = formatReport(r.summary, r.seconds);
  const complete = r.coverage.filter((c) => c.expected.every((f) => c.listed.includes(f)));
  const coverageLines = r.coverage.map((c) => {
    const missing = c.expected.filter((f) => !c.listed.includes(f));
    return `  ${c.gold}: lists ${c.expected.length - missing.length}/${c.expected.length} reporting files${missing.length ? ` (missing ${missing.join(', ')})` : ''}`;
  });
  return [
    ...lines,
    `reporting files: ${complete.length}/${r.coverage.length} paired gold events list every file that reports them`,
    ...(verbose ? coverageLines : []),
  ];
}
