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
const times = new Map<string, number>();
for (let round = 0; round < 6; round++) for (const t of texts) {
  const a = textToArticle(t);
  const doc = createDoc(a.text, { published: '2022-01-01' });
  for (const st of ex.pipeline.stages) { const t0 = performance.now(); st.run(doc); times.set(st.name, (times.get(st.name) ?? 0) + performance.now() - t0); }
}
const n = texts.length * 6;
for (const [k, v] of times) console.log(k.padEnd(12), (v / n).toFixed(3), 'ms/article');
