/**
 * Structured logs (pino, JSON lines) for commands that talk to the network: where they go is the
 * user's choice (`--log FILE`, `--log -` for standard error, or SITREP_LOG), at `--log-level`
 * (or SITREP_LOG_LEVEL, default info). Without a destination nothing is logged: the one-line
 * messages on standard error already say what a person needs.
 */
import { pino, type Logger } from 'pino';
import { SitrepError } from '../errors.js';

export const LOG_ENV = 'SITREP_LOG';
export const LOG_LEVEL_ENV = 'SITREP_LOG_LEVEL';
const LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace'];

export interface LogOptions {
  log?: string;
  logLevel?: string;
}

export function createLogger(opts: LogOptions, env: NodeJS.ProcessEnv = process.env): Logger {
  // An empty environment variable is an unset one.
  const destination = opts.log ?? (env[LOG_ENV] || undefined);
  const level = (opts.logLevel ?? (env[LOG_LEVEL_ENV] || 'info')).toLowerCase();
  if (!LEVELS.includes(level)) {
    throw new SitrepError('E_BAD_ARGUMENT', `log level "${level}" is not one of ${LEVELS.join(', ')}`);
  }
  if (!destination) return pino({ level: 'silent' });
  // Synchronous writes: a line logged just before the process exits is not lost.
  let stream;
  try {
    stream = destination === '-' ? pino.destination({ dest: 2, sync: true }) : pino.destination({ dest: destination, sync: true, append: true, mkdir: true });
  } catch (error) {
    throw new SitrepError('E_BAD_ARGUMENT', `cannot write the log to ${destination}: ${(error as Error).message}`);
  }
  return pino({ level, base: { name: 'sitrep', pid: process.pid } }, stream);
}
