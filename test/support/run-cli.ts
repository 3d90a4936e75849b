/**
 * Runs the sitrep CLI in a child process without blocking this one, whose test servers must keep
 * answering. The log variables are cleared so a developer's SITREP_LOG never reaches the tests.
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const bin = fileURLToPath(new URL('../../bin/sitrep.js', import.meta.url));

export interface CliRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

export function runCli(args: string[]): Promise<CliRun> {
  return new Promise((resolve) => {
    const env = { ...process.env };
    delete env.SITREP_LOG;
    delete env.SITREP_LOG_LEVEL;
    const child = spawn(process.execPath, [bin, ...args], { env });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}
