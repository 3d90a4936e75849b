/**
 * sitrep's speed and memory benchmark, one run (`npm run bench`, add `--check` to fail on a
 * missed target):
 *   (a) start-up: wall time of a fresh `node bin/sitrep.js extract FILE --json` (median of 5),
 *       and the in-process cost of importing the extractor and calling `createExtractor()`;
 *   (b) throughput: articles per second over a corpus of >= 1,000 articles in one process, from
 *       the first article on (a fresh process: the JIT's warm-up and the caches filling count);
 *   (c) memory: peak RSS and peak heap.
 * Both (a) and (b) run what users run: the compiled dist/ that bin/sitrep.js loads, or the
 * TypeScript sources through tsx when dist/ is missing, older than src/, or SITREP_FROM_SOURCE is
 * set (as bin/sitrep.js does); the table names which.
 * The corpus is built at run time from test/fixtures/*.txt and, when present, shared/real/voa and
 * shared/devset; each copy is varied (appended line, shifted publication date) so no cache can
 * answer it. No shared text is ever written into the project.
 * Options: --check (exit 1 when a target fails), --articles N (default 1000), --runs N (default 5).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
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

/** The newest modification time of the files under `dir` whose names pass `keep`. */
function newestMtime(dir: string, keep: (name: string) => boolean): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestMtime(path, keep));
    else if (entry.isFile() && keep(entry.name)) newest = Math.max(newest, statSync(path).mtimeMs);
  }
  return newest;
}

interface Mode {
  /** 'dist' or 'sources via tsx', for the table. */
  label: string;
  /** What the CLI child needs in its environment to run the same code. */
  env: NodeJS.ProcessEnv;
  /** The extractor module the in-process runs import. */
  extractUrl: string;
  note: string | null;
}

/**
 * dist/ as bin/sitrep.js loads it, unless SITREP_FROM_SOURCE is set or dist/ is missing or older
 * than a source file (then the figures would be of old code: the sources are measured instead).
 */
function chooseMode(): Mode {
  const compiled = join(ROOT, 'dist', 'extract.js');
  const sources = { label: 'sources via tsx', env: { ...process.env, SITREP_FROM_SOURCE: '1' }, extractUrl: pathToFileURL(join(ROOT, 'src', 'extract.ts')).href };
  if (process.env.SITREP_FROM_SOURCE) return { ...sources, note: null };
  if (!existsSync(compiled) || !existsSync(join(ROOT, 'dist', 'cli', 'main.js'))) return { ...sources, note: 'dist/ not built (npm run build): measured the sources' };
  const stale = newestMtime(join(ROOT, 'src'), (name) => name.endsWith('.ts') && !name.endsWith('.test.ts')) > statSync(compiled).mtimeMs;
  if (stale) return { ...sources, note: 'dist/ is older than src/ (npm run build): measured the sources' };
  return { label: 'dist', env: process.env, extractUrl: pathToFileURL(compiled).href, note: null };
}

/** (a) Median wall time of a fresh CLI process extracting one small file. */
function cliStartup(runs: number, mode: Mode): { ms: number | null; note: string; error: string | null } {
  const bin = join(ROOT, 'bin', 'sitrep.js');
  if (!existsSync(bin)) return { ms: null, note: 'no CLI', error: 'bin/sitrep.js not found' };
  const file = join(mkdtempSync(join(tmpdir(), 'sitrep-bench-')), 'small.txt');
  writeFileSync(file, OWN_ARTICLES[0]!);
  const times: number[] = [];
  for (let k = 0; k < runs; k++) {
    const started = performance.now();
    const run = spawnSync(process.execPath, [bin, 'extract', file, '--published', '2021-06-15', '--json'], { cwd: ROOT, encoding: 'utf8', env: mode.env });
    times.push(performance.now() - started);
    if (run.status !== 0) {
      // Node prints its version last after a crash: the error's own line is more telling.
      const lines = (run.stderr || String(run.error ?? '')).trim().split('\n').filter(Boolean);
      const why = lines.find((l) => /^(\w*Error\b|sitrep:)/.test(l)) ?? lines.at(-1) ?? '';
      return { ms: null, note: mode.label, error: `exit ${run.status}: ${why.slice(0, 200)}` };
    }
  }
  return { ms: median(times), note: `median of ${runs}, ${mode.label}`, error: null };
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
  /** Articles per second after the first WARM_UP, for reading the warm-up's share; null for a short corpus. */
  warm: number | null;
}

/** Articles the JIT and caches take to settle (about this many in measurements): shown apart, never left out of the headline. */
const WARM_UP = 200;

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
  const warmMs = perArticle.slice(WARM_UP).reduce((sum, [ms]) => sum + ms, 0);
  const warm = perArticle.length > 2 * WARM_UP ? (perArticle.length - WARM_UP) / (warmMs / 1000) : null;
  const times = perArticle.map(([ms]) => ms).sort((a, b) => a - b);
  const slowest = [...perArticle].sort((a, b) => b[0] - a[0]).slice(0, 3).map(([ms, name]) => `${name} ${ms.toFixed(0)} ms`);
  return {
    articles: corpus.length, events, errors, firstError, seconds,
    p50ms: times[Math.floor(times.length * 0.5)] ?? 0, p95ms: times[Math.floor(times.length * 0.95)] ?? 0,
    slowest, peakHeapMb: peakHeap / MB, warm,
  };
}

async function main(): Promise<number> {
  const options = parseOptions(process.argv.slice(2));
  const rows: Row[] = [];
  const mode = chooseMode();
  if (mode.note) console.log(mode.note);
  const startup = cliStartup(options.runs, mode);
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
    const { createExtractor } = (await import(mode.extractUrl)) as typeof import('../src/extract.js');
    const t1 = performance.now();
    extractor = createExtractor();
    const t2 = performance.now();
    rows.push({ metric: `start-up: import extractor (in-process, ${mode.label})`, value: `${(t1 - t0).toFixed(0)} ms`, target: '', pass: null });
    rows.push({ metric: 'start-up: createExtractor() (in-process)', value: `${(t2 - t1).toFixed(0)} ms`, target: '', pass: null });
  } catch (err) {
    loadError = err instanceof Error ? err.message.split('\n')[0]! : String(err);
  }

  const { corpus, bases, from } = buildCorpus(options.articles);
  if (extractor) {
    const run = runCorpus((input) => extractor.extract(input), corpus);
    const rate = run.articles / run.seconds;
    rows.push({
      metric: `throughput: ${run.articles} articles from ${bases} texts, from the first (${mode.label})`,
      value: `${rate.toFixed(0)} articles/s`,
      target: `>= ${TARGETS.articlesPerSecond} articles/s`,
      pass: rate >= TARGETS.articlesPerSecond && run.errors === 0,
    });
    if (run.warm) rows.push({ metric: `throughput after the first ${WARM_UP} articles (warm; no target)`, value: `${run.warm.toFixed(0)} articles/s`, target: '', pass: null });
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
