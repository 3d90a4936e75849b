/**
 * sitrep's speed and memory benchmark, one run (`npm run bench`, add `--check` to fail on a
 * missed target):
 *   (a) start-up: wall time of a fresh `node bin/sitrep.js extract FILE --json` (median of 5),
 *       and the in-process cost of importing the extractor and calling `createExtractor()`;
 *   (b) throughput: articles per second over a corpus of >= 1,000 articles in one process;
 *   (c) memory: peak RSS and peak heap.
 * The corpus is built at run time from test/fixtures/*.txt and, when present, shared/real/voa and
 * shared/devset; each copy is varied (appended line, shifted publication date) so no cache can
 * answer it. No shared text is ever written into the project.
 * Options: --check (exit 1 when a target fails), --articles N (default 1000), --runs N (default 5).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ArticleInput } from '../src/types.js';
import { printTable, saveResult, wholeOption, type Row } from './table.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const TARGETS = { articlesPerSecond: 200, startupMs: 1000, peakRssMb: 500 };

interface Options {
  check: boolean;
  articles: number;
  runs: number;
}

function parseOptions(argv: string[]): Options {
  return { check: argv.includes('--check'), articles: wholeOption(argv, '--articles', 1000), runs: wholeOption(argv, '--runs', 5) };
}

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

// Written for the benchmark: a short wire-style report, used for the start-up run and as the
// corpus of last resort when no fixture or shared article is present.
const OWN_ARTICLES = [
  'KADUNA, Nigeria (AP) — Gunmen killed three villagers and abducted 12 others in an attack on a farming community in Kaduna State on Tuesday, police said.',
  'BEIRUT (Reuters) — Syrian government warplanes struck the town of Maarat al-Numan in Idlib province on Sunday, killing at least nine civilians, a war monitor said.',
  'KABUL, Afghanistan — Hundreds of women protested peacefully in Kabul on Saturday against new restrictions, witnesses said. Police fired into the air to disperse them.',
];

/** (a) Median wall time of a fresh CLI process extracting one small file. */
function cliStartup(runs: number): { ms: number | null; note: string; error: string | null } {
  const bin = join(ROOT, 'bin', 'sitrep.js');
  if (!existsSync(bin)) return { ms: null, note: 'no CLI', error: 'bin/sitrep.js not found' };
  const file = join(mkdtempSync(join(tmpdir(), 'sitrep-bench-')), 'small.txt');
  writeFileSync(file, OWN_ARTICLES[0]!);
  const mode = existsSync(join(ROOT, 'dist', 'cli', 'main.js')) && !process.env.SITREP_FROM_SOURCE ? 'dist' : 'sources via tsx';
  const times: number[] = [];
  for (let k = 0; k < runs; k++) {
    const started = performance.now();
    const run = spawnSync(process.execPath, [bin, 'extract', file, '--published', '2021-06-15', '--json'], { cwd: ROOT, encoding: 'utf8' });
    times.push(performance.now() - started);
    if (run.status !== 0) {
      // Node prints its version last after a crash: the error's own line is more telling.
      const lines = (run.stderr || String(run.error ?? '')).trim().split('\n').filter(Boolean);
      const why = lines.find((l) => /^(\w*Error\b|sitrep:)/.test(l)) ?? lines.at(-1) ?? '';
      return { ms: null, note: mode, error: `exit ${run.status}: ${why.slice(0, 200)}` };
    }
  }
  return { ms: median(times), note: `median of ${runs}, ${mode}`, error: null };
}

/** Text files of a folder, sorted; none when the folder is absent. */
function texts(dir: string): Array<{ name: string; text: string }> {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => ({ name: f, text: readFileSync(join(dir, f), 'utf8') }));
}

function sharedDir(): string | null {
  const candidates = [process.env.SITREP_SHARED, resolve(ROOT, '..', 'shared'), '/work/shared'];
  return candidates.find((d): d is string => !!d && existsSync(d)) ?? null;
}

/** (b) The corpus: every base article cycled, each copy varied, to at least `size` articles. */
function buildCorpus(size: number): { corpus: ArticleInput[]; bases: number; from: string[] } {
  const shared = sharedDir();
  const groups: Array<[string, Array<{ name: string; text: string }>]> = [
    ['test/fixtures', texts(join(ROOT, 'test', 'fixtures'))],
    ['shared/real/voa', shared ? texts(join(shared, 'real', 'voa')) : []],
    ['shared/devset', shared ? texts(join(shared, 'devset')) : []],
  ];
  let bases = groups.flatMap(([, files]) => files);
  const from = groups.filter(([, files]) => files.length > 0).map(([label, files]) => `${label} (${files.length})`);
  if (bases.length === 0) {
    bases = OWN_ARTICLES.map((text, k) => ({ name: `own-${k}.txt`, text }));
    from.push(`built-in (${bases.length})`);
  }
  const corpus: ArticleInput[] = [];
  for (let n = 0; corpus.length < size; n++) {
    const base = bases[n % bases.length]!;
    const published = new Date(Date.UTC(2021, 0, 1 + (n % 365))).toISOString().slice(0, 10);
    corpus.push({ text: `${base.text}\n\nThis is copy ${n + 1} of the story.\n`, published, source: null, name: `${base.name}#${n + 1}` });
  }
  return { corpus, bases: bases.length, from };
}

interface Throughput {
  articles: number;
  events: number;
  errors: number;
  firstError: string | null;
  seconds: number;
  p50ms: number;
  p95ms: number;
  slowest: string[];
  peakHeapMb: number;
}

const MB = 1024 * 1024;

function runCorpus(extract: (input: ArticleInput) => { records: unknown[] }, corpus: ArticleInput[]): Throughput {
  const perArticle: Array<[number, string]> = [];
  let events = 0;
  let errors = 0;
  let firstError: string | null = null;
  let peakHeap = process.memoryUsage().heapUsed;
  const started = performance.now();
  corpus.forEach((input, k) => {
    const t = performance.now();
    try {
      events += extract(input).records.length;
    } catch (err) {
      errors++;
      firstError ??= `${input.name}: ${err instanceof Error ? err.message : String(err)}`;
    }
    perArticle.push([performance.now() - t, input.name ?? '']);
    if (k % 25 === 0) peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed);
  });
  const seconds = (performance.now() - started) / 1000;
  peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed);
  const times = perArticle.map(([ms]) => ms).sort((a, b) => a - b);
  const slowest = [...perArticle].sort((a, b) => b[0] - a[0]).slice(0, 3).map(([ms, name]) => `${name} ${ms.toFixed(0)} ms`);
  return {
    articles: corpus.length, events, errors, firstError, seconds,
    p50ms: times[Math.floor(times.length * 0.5)] ?? 0, p95ms: times[Math.floor(times.length * 0.95)] ?? 0,
    slowest, peakHeapMb: peakHeap / MB,
  };
}

async function main(): Promise<number> {
  const options = parseOptions(process.argv.slice(2));
  const rows: Row[] = [];
  const startup = cliStartup(options.runs);
  if (startup.error) console.log(`CLI start-up run failed: ${startup.error}`);
  rows.push({
    metric: `start-up: CLI extract (${startup.note})`,
    value: startup.ms === null ? 'failed' : `${startup.ms.toFixed(0)} ms`,
    target: `<= ${TARGETS.startupMs} ms`,
    pass: startup.ms !== null && startup.ms <= TARGETS.startupMs,
  });

  const t0 = performance.now();
  let extractor: { extract(input: ArticleInput): { records: unknown[] } } | null = null;
  let loadError = '';
  try {
    const { createExtractor } = await import('../src/extract.js');
    const t1 = performance.now();
    extractor = createExtractor();
    const t2 = performance.now();
    rows.push({ metric: 'start-up: import extractor (in-process)', value: `${(t1 - t0).toFixed(0)} ms`, target: '', pass: null });
    rows.push({ metric: 'start-up: createExtractor() (in-process)', value: `${(t2 - t1).toFixed(0)} ms`, target: '', pass: null });
  } catch (err) {
    loadError = err instanceof Error ? err.message.split('\n')[0]! : String(err);
  }

  const { corpus, bases, from } = buildCorpus(options.articles);
  if (extractor) {
    const run = runCorpus((input) => extractor.extract(input), corpus);
    const rate = run.articles / run.seconds;
    rows.push({
      metric: `throughput: ${run.articles} articles from ${bases} texts`,
      value: `${rate.toFixed(0)} articles/s`,
      target: `>= ${TARGETS.articlesPerSecond} articles/s`,
      pass: rate >= TARGETS.articlesPerSecond && run.errors === 0,
    });
    rows.push({ metric: 'latency per article p50 / p95', value: `${run.p50ms.toFixed(1)} / ${run.p95ms.toFixed(1)} ms`, target: '', pass: null });
    rows.push({ metric: 'events coded / extractor errors', value: `${run.events} / ${run.errors}`, target: '0 errors', pass: run.errors === 0 });
    rows.push({ metric: 'peak heap used', value: `${run.peakHeapMb.toFixed(0)} MB`, target: '', pass: null });
    console.log(`corpus: ${from.join(', ')}; slowest: ${run.slowest.join('; ')}`);
    if (run.firstError) console.log(`first extractor error: ${run.firstError}`);
  } else {
    rows.push({ metric: 'throughput', value: 'not measured', target: `>= ${TARGETS.articlesPerSecond} articles/s`, pass: false });
    console.log(`extractor could not be loaded: ${loadError}`);
  }
  // maxRSS is in kilobytes; taken last so it covers the whole run.
  const peakRssMb = process.resourceUsage().maxRSS / 1024;
  rows.push({ metric: 'peak RSS (whole run)', value: `${peakRssMb.toFixed(0)} MB`, target: `<= ${TARGETS.peakRssMb} MB`, pass: peakRssMb <= TARGETS.peakRssMb });
  printTable(rows);
  saveResult('extract', rows);
  const failed = rows.filter((r) => r.pass === false);
  if (failed.length > 0) console.log(`${failed.length} target(s) missed${options.check ? '' : ' (run with --check to fail on them)'}`);
  return options.check && failed.length > 0 ? 1 : 0;
}

process.exitCode = await main();
