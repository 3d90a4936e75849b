/**
 * The command line. Standard output carries only results; messages go to standard error as
 * one line each. Exit status: 0 success (also when nothing was found), 1 unreadable input or a
 * failed check, 2 bad arguments, 70 an internal error (a bug: the message asks for a report).
 */
import { Command, CommanderError } from 'commander';
import { SitrepError } from '../errors.js';
import { createExtractor } from '../extract.js';
import { runExtract, type ExtractOptions, type Io } from './extract-command.js';
import { runEvalCommand, type EvalOptions } from './eval-command.js';
import { runIngest, runRemerge, type IngestOptions } from './ingest-command.js';

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
    .option('--format <format>', 'jsonl | csv (ACLED columns) | table (default on a terminal; jsonl otherwise)')
    .option('--explain', 'say on stderr which rule produced each field')
    .option('--max-bytes <n>', 'refuse inputs larger than this (default 10 MB, or SITREP_MAX_BYTES)')
    .action(async (files: string[], opts: ExtractOptions) => setStatus(await runExtract(files, opts, io, createExtractor)));
  program
    .command('ingest')
    .description('store articles, folders and JSONL batches; events merge across documents')
    .argument('<paths...>', 'files, folders (read recursively) or .jsonl batches')
    .option('--db <path>', 'the store (default ./sitrep.db, or SITREP_DB)')
    .option('--published <date>', 'publication date YYYY-MM-DD for documents that give none')
    .option('--source <name>', 'the outlet or wire, for documents that name none')
    .option('--max-bytes <n>', 'refuse documents larger than this (default 10 MB, or SITREP_MAX_BYTES)')
    .option('--no-progress', 'no progress bar, even on a terminal')
    .action(async (paths: string[], opts: IngestOptions) => setStatus(await runIngest(paths, opts, io, createExtractor)));
  program
    .command('remerge')
    .description('rebuild every event from the stored mentions (after a change of merge rules); ids stay where nothing changed')
    .option('--db <path>', 'the store (default ./sitrep.db, or SITREP_DB)')
    .action(async (opts: { db?: string }) => setStatus(await runRemerge(opts, io)));
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
    .action(async (dir: string | undefined, opts: EvalOptions) => setStatus(await runEvalCommand(dir, opts, io, createExtractor)));
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
