/**
 * The workbench end to end: a store filled from sitrep's own test articles (and one hostile
 * article), served by the real app with the built web app, driven by Debian's Chromium through
 * playwright-core with every network feature off. Writes screenshots to docs/screenshots/.
 *
 * Skipped, loudly, where /usr/bin/chromium is missing (`apt-get install chromium`) or the web
 * app is not built (`npm run build`), so that `npm test` passes on a machine without them.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { BrowserContext, Page } from 'playwright-core';
import { buildApp } from '../src/api/app.js';
import { defaultWebRoot } from '../src/api/web.js';
import { Corpus, openStore } from '../src/corpus.js';
import { createExtractor } from '../src/extract.js';
import { textToArticle } from '../src/ingest/text.js';
import type { Store } from '../src/store/types.js';
import { CHROMIUM, hasChromium, launchChromium } from './support/chromium.js';

const webRoot = defaultWebRoot();
const skip = !hasChromium()
  ? `${CHROMIUM} is missing (apt-get install -y chromium)`
  : !webRoot ? 'the web app is not built (npm run build)' : false;
if (skip) process.stderr.write(`\n*** SKIPPING the workbench browser tests: ${skip} ***\n\n`);

const fixtures = new URL('./fixtures/', import.meta.url);
const screenshots = new URL('../docs/screenshots/', import.meta.url).pathname;

/** Written for this test: an ordinary report whose text carries markup that must stay text. */
const HOSTILE = [
  'KANO, Nigeria — Gunmen killed four farmers in Tsanyawa village near Kano on Monday, police said.',
  'Residents posted <script>window.__pwned = "script"</script> and <img src="x" onerror="window.__pwned = \'onerror\'"> in a forum thread about the attack.',
  'The police spokesman said officers were deployed to the village after the attack.',
].join('\n\n');

let dir: string;
let store: Store;
let app: FastifyInstance;
let base: string;
let token: string;
let browser: BrowserContext;
let page: Page;
const requested: string[] = [];

before(async () => {
  if (skip) return;
  dir = mkdtempSync(join(tmpdir(), 'sitrep-web-'));
  store = openStore(join(dir, 'web.db'));
  const corpus = new Corpus(store, createExtractor());
  const gold = readFileSync(new URL('gold.jsonl', fixtures), 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l) as { file: string; published: string; source?: string });
  for (const g of gold) {
    const text = readFileSync(new URL(g.file, fixtures), 'utf8');
    await corpus.ingest({ article: textToArticle(text), meta: { name: g.file, published: g.published, source: g.source ?? undefined, title: g.file.replace(/^\d+-|\.txt$/g, '') } });
  }
  await corpus.ingest({ article: textToArticle(HOSTILE), meta: { name: 'hostile.txt', published: '2024-06-04', source: 'Test Wire', title: 'hostile' } });
  token = (await store.createToken('analyst')).token;
  app = await buildApp({ store, logError: () => {}, webRoot });
  base = await app.listen({ host: '127.0.0.1', port: 0 });
  browser = await launchChromium(join(dir, 'profile'));
  page = await browser.newPage();
  page.on('request', (r) => requested.push(r.url()));
  page.on('pageerror', (e) => process.stderr.write(`page error: ${e.message}\n`));
  mkdirSync(screenshots, { recursive: true });
});

after(async () => {
  if (skip) return;
  await browser?.close();
  await app?.close();
  await store?.close();
  rmSync(dir, { recursive: true, force: true });
});

const get = async <T>(path: string): Promise<T> => (await fetch(base + path)).json() as Promise<T>;
type Listed = {
  events: Array<{ id: string; event_date: string; fatalities: number; evidence: Array<{ doc: string; text: string }>; location: string; iso3: string; latitude: number }>;
};

test('the map shows every stored event over the admin-1 outlines of their countries', { skip }, async () => {
  const all = await get<Listed>('/events?limit=1000');
  assert.ok(all.events.length >= 16, `events from the fixtures: ${all.events.length}`);
  await page.goto(base + '/');
  await page.waitForSelector(`#map[data-events="${all.events.length}"]`, { timeout: 15_000 });
  await page.locator('body[data-updated]').waitFor();
  const markers = await page.locator('.event-marker, .cluster').count();
  assert.ok(markers > 0, 'markers on the map');
  assert.equal(await page.locator('#list li').count(), all.events.length);
  await page.waitForSelector('#map[data-outlines]');
  const outlines = await get<{ features: Array<{ properties: { iso3: string } }> }>('/geo/admin1');
  const countries = new Set(all.events.map((e) => e.iso3));
  assert.deepEqual(new Set(outlines.features.map((f) => f.properties.iso3)), countries, 'the divisions of exactly the stored countries');
  assert.equal(await page.locator('#map').getAttribute('data-outlines'), String(outlines.features.length));
  assert.equal(await page.locator('.leaflet-outlines-pane canvas').count(), 1, 'drawn on the outlines pane');
  // Closer in, where the divisions show: Africa and the Middle East.
  await page.click('.leaflet-control-zoom-in');
  await page.click('.leaflet-control-zoom-in');
  await page.waitForTimeout(800); // the zoom animation and the canvases' redraw
  await page.screenshot({ path: join(screenshots, 'map.png') });
});

test('brushing the timeline filters the list', { skip }, async () => {
  const before = await page.locator('#list li').count();
  const box = (await page.locator('#timeline').boundingBox())!;
  // The right third of the range: the latest events.
  await page.mouse.move(box.x + box.width * 0.66, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width - 5, box.y + box.height / 2, { steps: 5 });
  await page.mouse.up();
  await page.waitForURL(/from=\d{4}-\d{2}-\d{2}&to=\d{4}-\d{2}-\d{2}/);
  const url = new URL(page.url());
  const from = url.searchParams.get('from')!;
  const to = url.searchParams.get('to')!;
  // Waited for through locators, not page.waitForFunction: its string predicates run through
  // eval in the page, which the workbench's content security policy rightly refuses.
  await page.locator('#list li').nth(before - 1).waitFor({ state: 'detached' });
  const dates = await page.locator('#list li b').allTextContents();
  assert.ok(dates.length > 0, 'some events are left');
  assert.ok(dates.every((d) => d >= from && d <= to), `${dates.join(' ')} within ${from}..${to}`);
  const expected = await get<Listed>(`/events?limit=1000&from=${from}&to=${to}`);
  assert.equal(dates.length, expected.events.length);
  await page.dblclick('#timeline');
  await page.locator('#list li').nth(before - 1).waitFor({ state: 'attached' });
  assert.equal(await page.locator('#list li').count(), before);
});

test('an event view marks its evidence spans in the reports', { skip }, async () => {
  const all = await get<Listed>('/events?limit=1000');
  const event = [...all.events].sort((a, b) => b.evidence.length - a.evidence.length)[0]!;
  assert.ok(event.evidence.length >= 2, 'an event with several evidence spans');
  await page.goto(`${base}/?event=${event.id}`);
  await page.waitForSelector('mark.evidence');
  const marked = await page.locator('mark.evidence').allTextContents();
  for (const e of event.evidence) assert.ok(marked.some((m) => m.includes(e.text)), `"${e.text}" is marked`);
  assert.match(await page.locator('td[data-field="date"]').textContent() ?? '', /the day is known|week|month/);
  assert.match(await page.locator('td[data-field="place"]').textContent() ?? '', /precision: /);
  await page.waitForSelector(`#map[data-open="${event.id}"] .open-event`);
  assert.equal(await page.locator('.open-event').count(), 1, 'the open event is ringed on the map');
  assert.equal(await page.locator(`#list li.current[data-id="${event.id}"]`).count(), 1, 'and marked in the list');
  await page.screenshot({ path: join(screenshots, 'event.png') });
  await page.locator('section.doc').first().scrollIntoViewIfNeeded();
  await page.locator('section.doc').first().screenshot({ path: join(screenshots, 'evidence.png') });
});

test('a reviewer edits the fatalities: the API, the CSV export and the audit log show it', { skip }, async () => {
  const all = await get<Listed>('/events?limit=1000');
  const event = all.events.find((e) => e.fatalities > 0)!;
  const wanted = event.fatalities + 7;
  await page.goto(`${base}/?event=${event.id}`);
  await page.fill('#token', token);
  await page.locator('#token').dispatchEvent('change');
  // The token is kept in the browser and the view reloads with it.
  await page.waitForLoadState('networkidle');
  assert.equal(await page.evaluate("localStorage.getItem('sitrep-token')"), token);
  await page.waitForSelector('form.edit');
  await page.fill('form.edit input[name="fatalities"]', String(wanted));
  await page.fill('form.edit input[name="note"]', 'hospital count');
  await page.click('form.edit button[type="submit"]');
  await page.waitForSelector('.audit li').catch(async (error: Error) => {
    throw new Error(`${error.message}; the panel says: ${await page.locator('.review .message').textContent()}`);
  });
  assert.match(await page.locator('.audit').textContent() ?? '', new RegExp(`analyst edit \\(fatalities: ${event.fatalities} → ${wanted}\\) — “hospital count”`));
  const detail = await get<{ event: { fatalities: number; reviewed: { state: string; by: string } } }>(`/events/${event.id}`);
  assert.equal(detail.event.fatalities, wanted);
  assert.deepEqual([detail.event.reviewed.state, detail.event.reviewed.by], ['edited', 'analyst']);
  const csv = await (await fetch(`${base}/export.csv`)).text();
  const line = csv.split('\n').find((l) => l.startsWith(event.id + ','))!;
  assert.match(line, new RegExp(`,${wanted},sitrep review: edited \\(fatalities\\) by analyst,`));
  await page.locator('.review').screenshot({ path: join(screenshots, 'review.png') });
});

test('a reviewer moves an event to a place found in the gazetteer under another spelling', { skip }, async () => {
  const all = await get<Listed>('/events?limit=1000');
  const event = all.events.find((e) => e.iso3 !== 'SYR')!;
  await page.goto(`${base}/?event=${event.id}`);
  await page.waitForSelector('form.edit');
  await page.fill('input[name="place_search"]', 'Sweida');
  await page.press('input[name="place_search"]', 'Enter');
  // Not in the event's country: the search goes on to every country and says so.
  const pick = page.locator('.place-results button.pick', { hasText: 'As-Suwayda' }).first();
  await pick.waitFor();
  assert.match(await pick.textContent() ?? '', /outside/);
  await page.locator('.review').screenshot({ path: join(screenshots, 'review-place.png') });
  await pick.click();
  assert.match(await page.locator('.place-chosen').textContent() ?? '', /→ As-Suwayda.*As Sweida, Syria.*precision 1/);
  await page.click('form.edit button[type="submit"]');
  await page.locator('.audit li', { hasText: 'location:' }).waitFor();
  const detail = await get<{ event: { location: string; admin1: string; country: string; iso3: string; latitude: number; geo_precision: number } }>(`/events/${event.id}`);
  assert.deepEqual([detail.event.location, detail.event.admin1, detail.event.country, detail.event.iso3, detail.event.geo_precision], ['As-Suwayda', 'As Sweida', 'Syria', 'SYR', 1]);
  assert.ok(Math.abs(detail.event.latitude - 32.71) < 0.05);
  assert.match(await page.locator('.audit').textContent() ?? '', new RegExp(`location: ${event.location} → As-Suwayda`));
});

test('a reviewer merges an event chosen from a search, not typed by id', { skip }, async () => {
  const all = await get<Listed>('/events?limit=1000');
  const keep = all.events[0]!;
  // Another event told by another document, whose place is one word to search for.
  const other = all.events.find((e) => e.evidence.every((x) => !keep.evidence.some((k) => k.doc === x.doc)) && /^\w+$/.test(e.location))!;
  const before = await get<{ documents: Array<{ id: string }> }>(`/events/${keep.id}`);
  await page.goto(`${base}/?event=${keep.id}`);
  await page.waitForSelector('.merge-picker');
  await page.fill('input[name="merge_search"]', other.location);
  await page.press('input[name="merge_search"]', 'Enter');
  const button = page.locator(`.merge-results button.merge-in[data-id="${other.id}"]`);
  await button.waitFor();
  assert.equal(await page.locator(`.merge-results button.merge-in[data-id="${keep.id}"]`).count(), 0, 'never the event itself');
  await button.click();
  await page.locator('.audit li', { hasText: 'merge' }).waitFor();
  const after = await get<Listed>('/events?limit=1000');
  assert.ok(!after.events.some((e) => e.id === other.id), 'the merged event is gone');
  const merged = await get<{ documents: Array<{ id: string }> }>(`/events/${keep.id}`);
  assert.ok(merged.documents.length > before.documents.length, 'its reports joined');
  assert.match(await page.locator('.audit').textContent() ?? '', new RegExp(`merged ${other.id} into this event`));
});

test('a reject (key r) removes the event from the default queries', { skip }, async () => {
  const all = await get<Listed>('/events?limit=1000');
  const event = all.events.at(-1)!;
  await page.goto(`${base}/?event=${event.id}`);
  await page.waitForSelector('#reject');
  await page.keyboard.press('r');
  await page.waitForSelector('.state.rejected');
  const after = await get<Listed>('/events?limit=1000');
  assert.equal(after.events.length, all.events.length - 1);
  assert.ok(!after.events.some((e) => e.id === event.id));
  assert.equal(await page.locator(`#list li[data-id="${event.id}"]`).count(), 0);
});

test('an article holding <script> and onerror= is shown as inert text', { skip }, async () => {
  const found = await get<Listed>('/events?text=Tsanyawa');
  assert.equal(found.events.length, 1, 'the hostile article gave its event');
  await page.goto(`${base}/?event=${found.events[0]!.id}`);
  await page.waitForSelector('pre.article');
  const text = await page.locator('pre.article').textContent();
  assert.ok(text?.includes('<script>window.__pwned = "script"</script>'), 'the markup is shown as text');
  assert.equal(await page.locator('pre.article script, pre.article img').count(), 0, 'no element was made from the article');
  assert.equal(await page.evaluate('window.__pwned'), undefined, 'nothing ran');
});

test('the page made no request outside 127.0.0.1', { skip }, () => {
  assert.ok(requested.length > 0);
  const outside = requested.filter((u) => !u.startsWith(base + '/') && !u.startsWith('data:'));
  assert.deepEqual(outside, []);
});
