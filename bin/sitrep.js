#!/usr/bin/env node
// The sitrep command. Runs the compiled CLI in dist/ (built by `npm install` via `prepare`, and by
// `npm test`); in a checkout where dist/ is missing, runs the TypeScript sources through tsx.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const compiled = fileURLToPath(new URL('../dist/cli/main.js', import.meta.url));
let main;
if (existsSync(compiled) && !process.env.SITREP_FROM_SOURCE) {
  ({ main } = await import(compiled));
} else {
  const { register } = await import('tsx/esm/api');
  register();
  ({ main } = await import('../src/cli/main.ts'));
}
// Let stdout drain before exiting, so piped output is never cut short.
process.exitCode = await main(process.argv.slice(2));
