/**
 * Time per pipeline stage, per article, over the fixture corpus and (when present) the shared
 * real and development articles: `node --import tsx bench/stages.bench.ts`.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { createExtractor } from '../src/extract.js';
import { createDoc } from '../src/doc.js';
import { textToArticle } from '../src/ingest/index.js';
const ex = createExtractor();
const shared = new URL('../../shared/', import.meta.url).pathname;
const dirs = [`${shared}real/voa`, `${shared}devset`, new URL('../test/fixtures', import.meta.url).pathname];
const texts: string[] = [];
for (const d of dirs.filter((x) => existsSync(x))) for (const f of readdirSync(d)) if (f.endsWith('.txt')) texts.push(readFileSync(`${d}/${f}`, 'utf8'));
const ROUNDS = 6;
const times = new Map<string, number>();
// Round 0 warms caches and the JIT and is not timed.
for (let round = 0; round <= ROUNDS; round++) {
  for (const text of texts) {
    const doc = createDoc(textToArticle(text).text, { published: '2022-01-01' });
    for (const stage of ex.pipeline.stages) {
      const t0 = performance.now();
      stage.run(doc);
      if (round > 0) times.set(stage.name, (times.get(stage.name) ?? 0) + performance.now() - t0);
    }
  }
}
const n = texts.length * ROUNDS;
let total = 0;
for (const [name, ms] of times) {
  total += ms;
  console.log(name.padEnd(12), (ms / n).toFixed(3), 'ms/article');
}
console.log('all'.padEnd(12), (total / n).toFixed(3), `ms/article over ${texts.length} texts`);
