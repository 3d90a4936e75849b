import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createDoc } from '../doc.js';
import type { Token } from '../types.js';
import { createSegmentStage, loadWink, normalise } from './index.js';

const wink = loadWink();
const its = (wink as unknown as { its: Record<string, unknown> }).its;

/** What wink itself says of every token of one line: the reference the cached forms must equal. */
function winkForms(line: string): Array<[string, string, string]> {
  const tokens = (wink as unknown as { readDoc(t: string): { tokens(): { out(a?: unknown): unknown[] } } }).readDoc(line).tokens();
  const values = tokens.out() as string[];
  const pos = tokens.out(its.pos) as string[];
  const lemmas = tokens.out(its.lemma) as string[];
  return values.map((v, i) => [normalise(v), pos[i]!, lemmas[i] ? normalise(lemmas[i]!) : normalise(v)]);
}

const forms = (tokens: Token[]): Array<[string, string, string]> => tokens.map((t) => [t.norm, t.pos, t.lemma]);

const LINES = [
  'Gunmen killed 12 villagers and wounded dozens more, police said.',
  // Contraction parts carry their own lemma ("'s" is "be" or "us"), never the cached one.
  "It's clear they can't stay, and let's not forget he's gone, the mayor's aide said.",
  // The same form under two tags: "attack" as noun and verb, "wounded" as adjective and verb.
  'The attack came as rebels attack the wounded; 30 were wounded in the attack.',
  'Zzyzxq Okonkwo-Adebayo met Ms. Ng in Maiduguri on Tuesday.',
];

test('segment: cached norms and lemmas equal what wink gives for every token, cold and warm', () => {
  const stage = createSegmentStage({ wink });
  for (let round = 0; round < 3; round++) {
    for (const line of LINES) {
      const doc = stage.run(createDoc(line));
      assert.deepEqual(forms(doc.tokens), winkForms(line), `${line} (round ${round})`);
    }
  }
});

test('segment: a warm stage and a fresh one give the same tokens', () => {
  const warm = createSegmentStage({ wink });
  const text = LINES.join('\n\n');
  warm.run(createDoc(text));
  const again = warm.run(createDoc(text)).tokens;
  const fresh = createSegmentStage({ wink }).run(createDoc(text)).tokens;
  assert.deepEqual(again, fresh);
  // Negative case: a different text does not come back from the cache.
  assert.notDeepEqual(warm.run(createDoc('Protesters marched in Kabul.')).tokens, fresh);
});
