import { test } from 'node:test';
import assert from 'node:assert/strict';
import { SitrepError } from '../errors.js';
import { EventFilters, filtersFromOptions, toEventQuery } from './filters.js';

const refusal = (options: Record<string, string>): string => {
  try {
    filtersFromOptions(options);
  } catch (error) {
    assert.ok(error instanceof SitrepError);
    assert.equal(error.code, 'E_BAD_ARGUMENT');
    return error.message;
  }
  assert.fail(`accepted ${JSON.stringify(options)}`);
};

test('command-line filters become the store query, taxonomy names in ACLED spelling whatever their case', () => {
  assert.deepEqual(
    filtersFromOptions({ from: '2023-01-01', to: '2023-01-31', subType: 'air/drone STRIKE', type: 'battles', minFatalities: '3', near: '36.2, 37.15, 25', bbox: '35,32,42.5,37.3', status: 'alleged' }),
    {
      from: '2023-01-01', to: '2023-01-31', subType: 'Air/drone strike', type: 'Battles', minFatalities: 3,
      near: { lat: 36.2, lon: 37.15, km: 25 }, bbox: { minLon: 35, minLat: 32, maxLon: 42.5, maxLat: 37.3 }, status: 'alleged',
    },
  );
  assert.deepEqual(filtersFromOptions({}), {});
});

test('a bad value is refused with the option, the value and what is wrong', () => {
  assert.match(refusal({ from: '2023-02-30' }), /^--from "2023-02-30" is not a date/);
  assert.match(refusal({ to: 'yesterday' }), /^--to "yesterday" is not a date/);
  assert.match(refusal({ from: '2023-03-01', to: '2023-02-01' }), /^--from "2023-03-01" comes after "to"/);
  assert.match(refusal({ near: '36.2,37.1' }), /^--near "36.2,37.1" is not LAT,LON,KM/);
  assert.match(refusal({ near: '95,37,10' }), /--near/);
  assert.match(refusal({ near: '36,37,0' }), /--near/);
  assert.match(refusal({ bbox: '42,32,35,37' }), /^--bbox "42,32,35,37" is not minLon,minLat,maxLon,maxLat/);
  assert.match(refusal({ bbox: '1,2,3,4,5' }), /--bbox/);
  assert.match(refusal({ minFatalities: '-1' }), /^--min-fatalities "-1" is not a whole number/);
  assert.match(refusal({ minFatalities: '2.5' }), /--min-fatalities/);
  assert.match(refusal({ status: 'happened' }), /^--status "happened" is not one of occurred, ongoing/);
  assert.match(refusal({ subType: 'air strike' }), /did you mean "Air\/drone strike"/);
  assert.match(refusal({ type: 'Battle' }), /did you mean "Battles"/);
  assert.match(refusal({ country: 'x'.repeat(101) }), /--country "x+\.\.\." is longer than 100 characters/);
});

test('SQL and LIKE metacharacters in free-text filters pass through unchanged, as data', () => {
  for (const value of ["' OR 1=1 --", '%', '_', '"', ';DROP TABLE events', "Syria'; DELETE FROM events; --"]) {
    assert.deepEqual(filtersFromOptions({ country: value, admin1: value, actor: value, text: value }), { country: value, admin1: value, actor: value, text: value });
  }
});

test('query-string form: unknown parameters and repeated ones are refused', () => {
  const unknown = EventFilters.safeParse({ sub_typ: 'Attack' });
  assert.equal(unknown.success, false);
  const repeated = EventFilters.safeParse({ country: ['Syria', 'Iraq'] });
  assert.equal(repeated.success, false);
  const ok = EventFilters.safeParse({ sub_type: 'attack', min_fatalities: '0' });
  assert.ok(ok.success);
  assert.deepEqual(toEventQuery(ok.data), { subType: 'Attack', minFatalities: 0 });
});
