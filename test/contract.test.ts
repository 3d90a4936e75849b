/**
 * The output contract: every record sitrep writes validates against the contract's JSON Schema
 * (a copy kept in `contract/`, so this runs on a fresh clone), and every evidence text equals
 * the slice of the stored text at its offsets.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { createExtractor } from '../src/extract.js';

const schema = JSON.parse(readFileSync(new URL('../contract/event.schema.json', import.meta.url), 'utf8'));
const validate = new Ajv2020({ allErrors: true, strict: false }).compile(schema);
const fixtures = new URL('./fixtures/', import.meta.url);
const gold = readFileSync(new URL('gold.jsonl', fixtures), 'utf8')
  .split('\n')
  .filter((l) => l.trim())
  .map((l) => JSON.parse(l) as { file: string; published: string; source?: string });

test('every record from the fixture articles validates against contract v1 and quotes its evidence exactly', () => {
  const extractor = createExtractor();
  let records = 0;
  for (const article of gold) {
    const text = readFileSync(new URL(article.file, fixtures), 'utf8');
    const { doc, records: out } = extractor.extract({ text, published: article.published, source: article.source ?? null, name: article.file });
    for (const record of out) {
      records++;
      assert.ok(validate(record), `${article.file}: ${JSON.stringify(validate.errors)}`);
      for (const ev of record.evidence) {
        assert.equal(ev.doc, doc.id);
        assert.equal(doc.text.slice(ev.start, ev.end), ev.text, `${article.file}: evidence offsets`);
      }
    }
  }
  assert.ok(records >= gold.length, `expected events from the fixtures, got ${records}`);
});

test('the same input gives the same ids', () => {
  const extractor = createExtractor();
  const first = gold[0];
  assert.ok(first);
  const text = readFileSync(new URL(first.file, fixtures), 'utf8');
  const a = extractor.extract({ text, published: first.published }).records.map((r) => r.id);
  const b = extractor.extract({ text, published: first.published }).records.map((r) => r.id);
  assert.deepEqual(a, b);
  assert.equal(new Set(a).size, a.length, 'ids are unique within an article');
});

test('fixture folder holds the articles gold.jsonl names', () => {
  const files = new Set(readdirSync(fixtures));
  for (const article of gold) assert.ok(files.has(article.file), article.file);
});
