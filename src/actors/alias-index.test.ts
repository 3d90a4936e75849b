import { test } from 'node:test';
import assert from 'node:assert/strict';
import { addAlias, createAliasIndex, matchAt, sealAliasIndex, type FoldedText } from './alias-index.js';
import { foldLower, foldPunct } from './fold.js';

function folded(raw: string): FoldedText {
  const punct = foldPunct(raw);
  return { raw, punct, lower: foldLower(punct) };
}

// A big bucket (searched through its trie) and a small one (searched alias by alias).
const ALIASES = [
  'military', 'military forces', 'military forces of syria', 'military forces of sudan', 'military forces of iraq',
  'military police', 'military junta', 'military of niger', 'military forces of syria', 'Military Intelligence',
  'HTS', 'hts fighters',
];

function index() {
  const idx = createAliasIndex<string>();
  ALIASES.forEach((alias, n) => addAlias(idx, alias, `#${n}`));
  sealAliasIndex(idx);
  return idx;
}

test('every alias that starts at a position, longest first, in the order added', () => {
  const idx = index();
  const cases: Array<[string, string[]]> = [
    ['Military forces of Syria shelled the town.', ['#2', '#8', '#1', '#0']],
    ['military forces of Sudanese origin', ['#1', '#0']],
    ['Military police arrived.', ['#5', '#0']],
    ['military intelligence officers', ['#9', '#0']],
    ['HTS fighters advanced', ['#11', '#10']],
    ['hts fighters advanced', ['#11']],
    // Negative cases: no word boundary, or no alias at all.
    ['militaryforces', []],
    ['militarily', []],
    ['the army', []],
  ];
  for (const [text, expected] of cases) {
    assert.deepEqual(matchAt(idx, folded(text), 0).map((m) => m.record.target), expected, text);
  }
});

test('the trie and the plain scan of a bucket agree', () => {
  const idx = index();
  const text = folded('Military forces of Iraq and the military of Niger met military police; military forces of syria left.');
  for (let at = 0; at < text.lower.length; at++) {
    const viaTrie = matchAt(idx, text, at).map((m) => m.record);
    idx.sealed = false;
    const viaScan = matchAt(idx, text, at).map((m) => m.record);
    idx.sealed = true;
    assert.deepEqual(viaTrie, viaScan, `at ${at}`);
  }
});
