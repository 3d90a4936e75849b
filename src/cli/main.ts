/**
 * The command line. Standard output carries only results; messages go to standard error as
 * one line each. Exit status: 0 success (also when nothing was found), 1 unreadable input or a
 * failed check, 2 bad arguments, 70 an internal error (a bug: the message asks for a report).
 */
import { Command, CommanderError } from 'commander';
import { once } from 'node:events';
import { SitrepError } from '../errors.js';
import type { ExtractOptions, Io } from './extract-command.js';
import type { EvalOptions } from './eval-command.js';
import type { IngestOptions } from './ingest-command.js';
import type { FetchOptions } from './fetch-command.js';
import type { FeedsAddOptions, FeedsListOptions } from './feeds-command.js';
import type { WatchOptions } from './watch-command.js';
import type { EventsOptions } from './events-command.js';
import type { ShowOptions } from './show-command.js';
import type { TokenOptions } from './token-command.js';
import type { ServeOptions } from './serve-command.js';
import type { WorkerCommandOptions } from './worker-command.js';
import type { JobsOptions } from './jobs-command.js';

// Each command's module loads when the command runs, so that `sitrep show` or `sitrep events`
// does not pay for loading the extractor, nor `sitrep extract` for the HTTP server.
const extractorFactory = async () => (await import('../extract.js')).createExtractor;

function buildProgram(io: Io, setStatus: (code: number) => void): Command {
  const program = new Command('sitrep')
    .description('Turns news reports of conflict into coded, geocoded, dated, sourced events (ACLED taxonomy).')
    .exitOverride()
    .configureOutput({
      writeOut: (s) => process.stdout.write(s),
      writeErr: (s) => process.stderr.write(s),
      outputError: (s, write) => write(`sitrep: ${s.replace(/^error: /, '').trim()}\n`),
    });
  program
    .command('extract')
    .description('extract events from articles (plain text or HTML; - reads stdin)')
    .argument('<files...>', 'article files, or - for standard input')
    .option('--published <date>', 'publication date YYYY-MM-DD, the anchor for "Tuesday" or "last week"')
    .option('--source <name>', 'the outlet or wire that published the article')
    .option('--json', 'JSON lines, one event each (same as --format jsonl)')
    .option('--format <format>', 'jsonl | csv (ACLED columns) | geojson | table (default on a terminal; jsonl otherwise)')
    .option('--explain', 'say on stderr which rule produced each field')
    .option('--max-bytes <n>', 'refuse inputs larger than this (default 10 MB, or SITREP_MAX_BYTES)')
    .action(async (files: string[], opts: ExtractOptions) => {
      const [{ runExtract }, createExtractor] = await Promise.all([import('./extract-command.js'), extractorFactory()]);
      setStatus(await runExtract(files, opts, io, createExtractor));
    });
  program
    .command('ingest')
    .description('store articles, folders and JSONL batches; events merge across documents')
    .argument('<paths...>', 'files, folders (read recursively) or .jsonl batches')
    .option('--db <path>', 'the store (default ./sitrep.db, or SITREP_DB)')
    .option('--published <date>', 'publication date YYYY-MM-DD for documents that give none')
    .option('--source <name>', 'the outlet or wire, for documents that name none')
    .option('--max-bytes <n>', 'refuse documents larger than this (default 10 MB, or SITREP_MAX_BYTES)')
    .option('--no-progress', 'no progress bar, even on a terminal')
    .option('--max-attempts <n>', 'PostgreSQL: tries a worker gives a document before its job is failed (default 3)')
    .option('--no-queue', 'PostgreSQL: extract and store in this process instead of queueing for `sitrep worker`')
    .action(async (paths: string[], opts: IngestOptions) => {
      const [{ runIngest }, createExtractor] = await Promise.all([import('./ingest-command.js'), extractorFactory()]);
      setStatus(await runIngest(paths, opts, io, createExtractor));
    });
  program
    .command('fetch')
    .description('download pages and store them as ingest does (timeouts, size cap, redirects, gzip/br, a per-host delay)')
    .argument('<urls...>', 'http:// or https:// addresses of article pages')
    .option('--db <path>', 'the store (default ./sitrep.db, or SITREP_DB)')
    .option('--published <date>', 'publication date YYYY-MM-DD, in place of the one a page gives')
    .option('--source <name>', 'the outlet or wire, in place of the one a page names')
    .option('--timeout <seconds>', 'give up on a page after this long, redirects and download included (default 30)')
    .option('--max-bytes <n>', 'stop downloading a page larger than this (default 10 MB, or SITREP_MAX_BYTES)')
    .option('--max-redirects <n>', 'follow at most n redirects (default 5)')
    .option('--delay <seconds>', 'wait at least this long between two requests to the same host (default 1)')
    .option('--log <file>', 'structured logs (JSON lines) to this file, or - for standard error (or SITREP_LOG)')
    .option('--log-level <level>', 'fatal | error | warn | info | debug | trace (default info, or SITREP_LOG_LEVEL)')
    .action(async (urls: string[], opts: FetchOptions) => {
      const [{ runFetch }, createExtractor] = await Promise.all([import('./fetch-command.js'), extractorFactory()]);
      setStatus(await runFetch(urls, opts, io, createExtractor));
    });
  const feeds = program.command('feeds').description('the RSS and Atom feeds `sitrep watch` polls, kept in the store');
  feeds
    .command('add')
    .description('add a feed (or change the name and interval of one already added)')
    .argument('<url>', 'http:// or https:// address of an RSS or Atom feed')
    .option('--interval <duration>', 'poll it this often: 30s, 15m, 1h, 1h30m (default 15m)')
    .option('--name <name>', 'what to call it; also the source of its documents when they name none')
    .option('--db <path>', 'the store (default ./sitrep.db, or SITREP_DB)')
    .action(async (url: string, opts: FeedsAddOptions) => setStatus(await (await import('./feeds-command.js')).runFeedsAdd(url, opts, io)));
  feeds
    .command('list')
    .description('every feed with its state: last poll, last success, items seen, errors, next poll')
    .option('--json', 'one JSON object per feed, with its ETag, Last-Modified and last error')
    .option('--db <path>', 'the store (default ./sitrep.db, or SITREP_DB)')
    .action(async (opts: FeedsListOptions) => setStatus(await (await import('./feeds-command.js')).runFeedsList(opts, io)));
  feeds
    .command('remove')
    .description('stop polling a feed and forget its items (the documents they brought stay)')
    .argument('<feed>', 'the feed\'s URL or id (as `sitrep feeds list` shows it)')
    .option('--db <path>', 'the store (default ./sitrep.db, or SITREP_DB)')
    .action(async (feed: string, opts: { db?: string }) => setStatus(await (await import('./feeds-command.js')).runFeedsRemove(feed, opts, io)));
  program
    .command('watch')
    .description('poll every feed in the store at its own interval and ingest new items, until SIGTERM / SIGINT')
    .argument('[feeds-file]', 'a FEEDS.yaml to sync into the store first (url, name, interval per feed)')
    .option('--once', 'run one poll cycle and exit (for cron)')
    .option('--db <path>', 'the store (default ./sitrep.db, or SITREP_DB)')
    .option('--timeout <seconds>', 'give up on a feed or page after this long (default 30)')
    .option('--max-bytes <n>', 'stop downloading a feed or page larger than this (default 10 MB, or SITREP_MAX_BYTES)')
    .option('--max-redirects <n>', 'follow at most n redirects (default 5)')
    .option('--delay <seconds>', 'wait at least this long between two requests to the same host (default 1)')
    .option('--log <file>', 'structured logs (JSON lines) to this file, or - for standard error (or SITREP_LOG)')
    .option('--log-level <level>', 'fatal | error | warn | info | debug | trace (default info, or SITREP_LOG_LEVEL)')
    .option('--max-attempts <n>', 'PostgreSQL: tries a worker gives a document before its job is failed (default 3)')
    .action(async (file: string | undefined, opts: WatchOptions) => {
      const [{ runWatch }, createExtractor] = await Promise.all([import('./watch-command.js'), extractorFactory()]);
      setStatus(await runWatch(file, opts, io, createExtractor));
    });
  program
    .command('worker')
    .description('PostgreSQL: extract and store queued documents (from ingest and watch), until SIGTERM / SIGINT')
    .option('--db <url>', 'the PostgreSQL store, postgres://… (or SITREP_DB)')
    .option('--concurrency <n>', 'jobs under way at once in this process (default 1; run a process per core)')
    .option('--lease <seconds>', 'a job whose worker stops answering for this long is taken by another (default 60)')
    .option('--retry-delay <seconds>', 'wait before trying a failed document again, doubled at each try (default 30)')
    .option('--drain', 'exit once no job is queued or running')
    .option('--log <file>', 'structured logs (JSON lines) to this file, or - for standard error (or SITREP_LOG)')
    .option('--log-level <level>', 'fatal | error | warn | info | debug | trace (default info, or SITREP_LOG_LEVEL)')
    .action(async (opts: WorkerCommandOptions) => {
      const [{ runWorkerCommand }, createExtractor] = await Promise.all([import('./worker-command.js'), extractorFactory()]);
      setStatus(await runWorkerCommand(opts, io, createExtractor));
    });
  const jobs = program
    .command('jobs')
    .description('PostgreSQL: the job queue: jobs by state, those running, the failed ones with their errors')
    .option('--db <url>', 'the PostgreSQL store, postgres://… (or SITREP_DB)')
    .option('--failed <n>', 'show the n most recent failures (default 10)')
    .option('--json', 'one JSON object: counts, running, failed')
    .action(async (opts: JobsOptions) => setStatus(await (await import('./jobs-command.js')).runJobs(opts, io)));
  jobs
    .command('retry')
    .description('put failed jobs back in the queue with fresh tries')
    .argument('[ids...]', 'job ids, as `sitrep jobs` lists them')
    .option('--all', 'every failed job')
    .option('--db <url>', 'the PostgreSQL store, postgres://… (or SITREP_DB)')
    .action(async (ids: string[], opts: { db?: string; all?: boolean }) => setStatus(await (await import('./jobs-command.js')).runJobsRetry(ids, opts, io)));
  program
    .command('events')
    .description('list stored events matching filters, newest first (table on a terminal, JSON lines otherwise)')
    .option('--db <path>', 'the store (default ./sitrep.db, or SITREP_DB)')
    .option('--from <date>', 'events on or after this date, YYYY-MM-DD')
    .option('--to <date>', 'events on or before this date, YYYY-MM-DD')
    .option('--country <name>', 'country name or ISO3 code')
    .option('--admin1 <name>', 'first-level division (province, state, governorate)')
    .option('--type <type>', 'ACLED event type, e.g. Battles')
    .option('--sub-type <type>', 'ACLED sub-event type, e.g. "Air/drone strike"')
    .option('--actor <name>', 'part of the name of actor1 or actor2')
    .option('--near <lat,lon,km>', 'within km kilometres of a point')
    .option('--bbox <minLon,minLat,maxLon,maxLat>', 'inside a box')
    .option('--text <words>', 'words that must all occur in the notes, actors, places or evidence')
    .option('--min-fatalities <n>', 'at least n fatalities')
    .option('--status <status>', 'occurred | ongoing | planned | alleged | denied')
    .option('--review <state>', 'unreviewed | reviewed | confirmed | edited | rejected | all (default: all but rejected)')
    .option('--limit <n>', 'at most n events')
    .option('--json', 'JSON lines, one contract record each')
    .option('--csv', "ACLED's CSV columns and order")
    .option('--geojson', 'a GeoJSON FeatureCollection')
    .option('--format <format>', 'table | jsonl | csv | geojson')
    .action(async (opts: EventsOptions) => setStatus(await (await import('./events-command.js')).runEvents(opts, io)));
  program
    .command('show')
    .description('one stored event: its record, evidence in context and reporting documents')
    .argument('<id>', 'an event id, as `sitrep events` lists them')
    .option('--db <path>', 'the store (default ./sitrep.db, or SITREP_DB)')
    .option('--why', 'why each mention was merged into the event')
    .option('--json', 'the record, its documents and merge links as one JSON object (as GET /events/ID)')
    .action(async (id: string, opts: ShowOptions) => setStatus(await (await import('./show-command.js')).runShow(id, opts, io)));
  const token = program.command('token').description('API tokens for the write endpoints of sitrep serve');
  token
    .command('create')
    .description('create a token and print it once (the store keeps only its hash)')
    .argument('<name>', 'who or what the token is for: letters, digits, "_", "." or "-"')
    .option('--db <path>', 'the store (default ./sitrep.db, or SITREP_DB)')
    .action(async (name: string, opts: TokenOptions) => setStatus(await (await import('./token-command.js')).runTokenCreate(name, opts, io)));
  program
    .command('serve')
    .description('the HTTP API over the store (GET /openapi.json describes it)')
    .option('--db <path>', 'the store (default ./sitrep.db, or SITREP_DB)')
    .option('--port <n>', 'port to listen on (default 8080; 0 picks a free one)')
    .option('--host <address>', 'address to listen on (default 127.0.0.1; 0.0.0.0 for every interface)')
    .option('--protect-reads', 'reads need a token too, as writes do (also SITREP_PROTECT_READS=1)')
    .action(async (opts: ServeOptions) => {
      const [{ runServe }, createExtractor] = await Promise.all([import('./serve-command.js'), extractorFactory()]);
      setStatus(await runServe(opts, io, createExtractor));
    });
  program
    .command('remerge')
    .description('rebuild every event from the stored mentions (after a change of merge rules); ids stay where nothing changed')
    .option('--db <path>', 'the store (default ./sitrep.db, or SITREP_DB)')
    .action(async (opts: { db?: string }) => setStatus(await (await import('./ingest-command.js')).runRemerge(opts, io)));
  program
    .command('eval')
    .description('score extraction against a gold set (GOLD.md), ACLED rows or CASE 2021 snippets')
    .argument('[dir]', 'gold set folder with gold.jsonl')
    .option('--acled <file>', 'ACLED CSV: each row\'s notes as an article, its coded fields as gold')
    .option('--case2021 <file>', 'CASE 2021 task 2 TSV: sub-event type accuracy')
    .option('--clusters <dir>', 'clusters of articles about one incident: cross-document merging (shared/clusters)')
    .option('--limit <n>', 'score only the first n items')
    .option('--sample <k>', 'ACLED: score every k-th row')
    .option('--verbose', 'list every miss, false event and wrong field')
    .action(async (dir: string | undefined, opts: EvalOptions) => {
      const [{ runEvalCommand }, createExtractor] = await Promise.all([import('./eval-command.js'), extractorFactory()]);
      setStatus(await runEvalCommand(dir, opts, io, createExtractor));
    });
  return program;
}

/** `sitrep ... | head` closes our stdout early: that is the reader's choice, not an error. */
function quietOnClosedPipe(): void {
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(0);
    throw error;
  });
}

export async function main(argv: string[]): Promise<number> {
  quietOnClosedPipe();
  const io: Io = {
    out: (line) => process.stdout.write(line + '\n'),
    err: (line) => process.stderr.write(line + '\n'),
    stdoutIsTTY: process.stdout.isTTY === true,
    errIsTTY: process.stderr.isTTY === true,
    drain: () => (process.stdout.writableNeedDrain ? once(process.stdout, 'drain').then(() => undefined) : Promise.resolve()),
  };
  let status = 0;
  const program = buildProgram(io, (code) => (status = code));
  try {
    await program.parseAsync(argv, { from: 'user' });
    return status;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? 0 : 2;
    if (error instanceof SitrepError) {
      io.err(`sitrep: ${error.toLine()}`);
      return error.code === 'E_BAD_ARGUMENT' ? 2 : 1;
    }
    io.err(`sitrep: internal error: ${(error as Error).message} (please report it; SITREP_DEBUG=1 shows the stack)`);
    if (process.env.SITREP_DEBUG) io.err(String((error as Error).stack));
    return 70;
  }
}
