import { test } from 'node:test';
import assert from 'node:assert/strict';
import { highlight, TEXT_MARKS } from './highlight.js';

const text =
  'KHARTOUM, Sudan — Fighting resumed overnight. Paramilitary fighters shelled the market in Omdurman on Friday, killing nine people, medics said.\n' +
  'The army said it had "repelled the attack." Residents fled north.';

const mark = (phrase: string): string => {
  const start = text.indexOf(phrase);
  return highlight(text, start, start + phrase.length, TEXT_MARKS);
};

test('a span inside a sentence is shown in the whole sentence, marked', () => {
  assert.equal(mark('shelled the market in Omdurman'), 'Paramilitary fighters «shelled the market in Omdurman» on Friday, killing nine people, medics said.');
});

test('a span that is a whole sentence is marked whole, a closing quote included in its sentence', () => {
  assert.equal(mark('Fighting resumed overnight.'), 'KHARTOUM, Sudan — «Fighting resumed overnight.»');
  assert.equal(mark('Residents fled north.'), '«Residents fled north.»');
  assert.equal(mark('repelled the attack'), 'The army said it had "«repelled the attack».\"');
  assert.equal(mark('KHARTOUM'), '«KHARTOUM», Sudan — Fighting resumed overnight.');
});

test('a line break ends a sentence; context cut short is marked with an ellipsis', () => {
  assert.equal(mark('medics said'), 'Paramilitary fighters shelled the market in Omdurman on Friday, killing nine people, «medics said».');
  const long = 'word '.repeat(200) + 'the blast' + ' more'.repeat(200);
  const shown = highlight(long, 1000, 1009, TEXT_MARKS);
  assert.match(shown, /^….*«the blast».*…$/);
  assert.ok(shown.length < 700);
});
