import { test } from 'node:test';
import assert from 'node:assert/strict';
import { bandKeys, COPY_THRESHOLD, decodeSignature, encodeSignature, shingles, signature, similarity } from './minhash.js';

const WIRE =
  'KHARKIV, Ukraine (Wire) - A Russian missile struck an apartment block in the centre of Kharkiv on Tuesday night, ' +
  'killing at least seven people and wounding 22, the regional governor said. Rescue workers searched the rubble ' +
  'for survivors through the night as fires burned on the upper floors. The governor said two children were among ' +
  'the dead and that the toll could rise. Russia did not comment on the strike, the third on the city this month.';

// The same story as a news site republishes it: a promo line, a caption, a later toll.
const COPY =
  'SUBSCRIBE to our newsletter for the latest news.\n' +
  'Photo: Firefighters at the scene in Kharkiv. (Wire)\n' +
  WIRE.replace('at least seven people', 'at least nine people');

const OTHER =
  'Farmers in northern France blocked motorways with tractors on Monday to protest against falling prices and new ' +
  'environmental rules, snarling traffic around Lille and Amiens. Union leaders said the blockades would continue ' +
  'until the agriculture minister agreed to meet them. Police made no arrests.';

test('shingles: five-word windows over lower-cased words, punctuation ignored', () => {
  assert.equal(shingles('One two three four five six.').size, 2);
  assert.deepEqual(shingles('Kramatorsk, station!'), shingles('kramatorsk station'));
  assert.equal(shingles('').size, 0);
});

test('a republished wire copy scores as a copy and shares LSH bands; another story does not', () => {
  const wire = signature(WIRE);
  const copy = signature(COPY);
  const other = signature(OTHER);
  assert.equal(similarity(wire, signature(WIRE)), 1);
  assert.ok(similarity(wire, copy) >= COPY_THRESHOLD, `copy similarity ${similarity(wire, copy)}`);
  assert.ok(similarity(wire, other) < 0.1, `other similarity ${similarity(wire, other)}`);
  const wireBands = new Set(bandKeys(wire));
  assert.ok(bandKeys(copy).some((k) => wireBands.has(k)));
  assert.ok(!bandKeys(other).some((k) => wireBands.has(k)));
});

test('signatures are the same from run to run and survive storage', () => {
  const sig = signature(WIRE);
  const hex = encodeSignature(sig);
  assert.equal(hex.length, sig.length * 8);
  assert.deepEqual(decodeSignature(hex), sig);
  assert.equal(encodeSignature(signature(WIRE)), hex);
  assert.throws(() => decodeSignature('not hex'), /not a stored MinHash signature/);
});
