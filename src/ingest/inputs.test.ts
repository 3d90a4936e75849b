import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readInputs, type InputItem } from './inputs.js';

async function collect(paths: string[]): Promise<InputItem[]> {
  const items: InputItem[] = [];
  for await (const item of readInputs(paths)) items.push(item);
  return items;
}

test('folders are read recursively in name order, articles only; batches when named', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'sitrep-inputs-'));
  mkdirSync(join(dir, 'b'));
  writeFileSync(join(dir, 'b', 'two.txt'), 'Second article.');
  writeFileSync(join(dir, 'a.txt'), 'First article.');
  writeFileSync(join(dir, 'page.html'), '<html><body><p>Third article, from a page.</p></body></html>');
  writeFileSync(join(dir, 'README.md'), 'Not news.');
  writeFileSync(join(dir, 'gold.jsonl'), '{"file": "a.txt"}\n');
  writeFileSync(join(dir, '.hidden.txt'), 'Hidden.');
  const batch = join(dir, 'batch.jsonl');
  writeFileSync(batch, '{"id": "x1", "text": "Batch article one."}\n\n{"title": "broken"}\n{"id": "x3", "text": "Batch article three."}\n');
  const items = await collect([dir, batch, join(dir, 'missing.txt')]);
  assert.deepEqual(items.map((i) => [i.name.replace(dir, ''), i.item?.article.text.trim() ?? null]), [
    ['/a.txt', 'First article.'],
    ['/b/two.txt', 'Second article.'],
    ['/page.html', 'Third article, from a page.'],
    ['/batch.jsonl line 1', 'Batch article one.'],
    ['/batch.jsonl line 3', null],
    ['/batch.jsonl line 4', 'Batch article three.'],
    ['/missing.txt', null],
  ]);
  assert.match(items[4]!.error ?? '', /line 3: needs "text" or "html"/);
  assert.match(items[6]!.error ?? '', /missing\.txt: no such file/);
  assert.equal(items[3]!.item?.externalId, 'x1');
});
