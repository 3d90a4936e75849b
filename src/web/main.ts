/**
 * The analyst workbench: filters (kept in the URL), the map, the timeline, the list of events,
 * and one event with its reports and the review panel. Everything it shows comes from the
 * sitrep API on the same server; it loads nothing from anywhere else.
 */
import './style.css';
import { api, ApiError, getToken, setToken, type EventRecord } from './api.js';
import { h } from './dom.js';
import { renderEvent } from './event-view.js';
import { createMap } from './map.js';
import { FILTER_KEYS, openEventId, readFilters, withoutDays, writeView } from './state.js';
import { EVENT_TYPES, SUB_TYPES, colourOf } from './taxonomy.js';
import { createTimeline } from './timeline.js';

const $ = <T extends HTMLElement>(id: string): T => document.getElementById(id) as T;
const form = $<HTMLFormElement>('filters');
const list = $<HTMLOListElement>('list');
const more = $<HTMLButtonElement>('more');
const summary = $('summary');
const eventPane = $('event');
const tokenInput = $<HTMLInputElement>('token');

const typeSelect = form.elements.namedItem('type') as HTMLSelectElement;
const subSelect = form.elements.namedItem('sub_type') as HTMLSelectElement;
typeSelect.append(...EVENT_TYPES.map((t) => h('option', { value: t }, t)));
function fillSubTypes(): void {
  const chosen = subSelect.value;
  const subs = typeSelect.value ? SUB_TYPES[typeSelect.value] ?? [] : Object.values(SUB_TYPES).flat();
  subSelect.replaceChildren(h('option', { value: '' }, 'any sub-type'), ...subs.map((s) => h('option', { value: s, selected: s === chosen }, s)));
}
typeSelect.addEventListener('change', fillSubTypes);

tokenInput.value = getToken();
tokenInput.addEventListener('change', () => {
  setToken(tokenInput.value);
  // Reload what the token may newly open; an event being reviewed stays as it is (its form
  // may hold edits), unless it could not be read before.
  void refresh(eventPane.querySelector('.message.failed') !== null || eventPane.childElementCount === 0);
});

let listed: EventRecord[] = [];
let cursor: string | null = null;

const map = createMap($('map'), (id) => openEvent(id));
const timeline = createTimeline($('timeline'), (from, to) => {
  const filters = readFilters();
  if (from) filters.set('from', from);
  else filters.delete('from');
  if (to) filters.set('to', to);
  else filters.delete('to');
  writeView(filters, openEventId());
  void refresh();
});

function showForm(filters: URLSearchParams): void {
  for (const key of FILTER_KEYS) {
    const field = form.elements.namedItem(key) as HTMLInputElement | HTMLSelectElement | null;
    if (field) field.value = filters.get(key) ?? '';
  }
  fillSubTypes();
  subSelect.value = filters.get('sub_type') ?? '';
}

function formFilters(): URLSearchParams {
  const filters = new URLSearchParams();
  for (const [key, value] of new FormData(form)) if (typeof value === 'string' && value.trim()) filters.set(key, value.trim());
  return filters;
}

function listItem(e: EventRecord): HTMLLIElement {
  const item = h('li', { 'data-id': e.id },
    h('span', { class: 'swatch', style: `background:${colourOf(e.event_type)}` }),
    h('span', {}, h('b', {}, e.event_date), ` ${e.sub_event_type} · ${e.location}${e.admin1 ? `, ${e.admin1}` : ''} · ${e.fatalities} dead`,
      e.reviewed ? h('span', { class: `state ${e.reviewed.state}` }, ` ${e.reviewed.state}`) : null),
  );
  item.addEventListener('click', () => openEvent(e.id));
  return item;
}

async function loadList(filters: URLSearchParams, append: boolean, current: () => boolean = () => true): Promise<void> {
  const page = await api.events(filters, append ? cursor : null);
  if (!current()) return;
  listed = append ? [...listed, ...page.events] : page.events;
  cursor = page.next;
  if (!append) list.replaceChildren();
  list.append(...page.events.map(listItem));
  markCurrent();
  more.hidden = !cursor;
}

function markCurrent(): void {
  const id = openEventId();
  for (const li of list.querySelectorAll('li')) li.classList.toggle('current', li.dataset.id === id);
}

function showMessage(error: unknown): void {
  summary.replaceChildren(h('span', { class: 'message' }, error instanceof ApiError ? error.message : String(error)));
}

let refreshes = 0;
let updates = 0;
/** Resolves once the browser has painted what was drawn before the call. */
const painted = (): Promise<void> => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));

/**
 * Redraws the map, the timeline and the list for the view in the URL. Only the latest call
 * draws: a slow earlier one must not replace it. When map and list show the view (and the
 * browser has painted them), the body's data-updated counter goes up and data-updated-at holds
 * performance.now(): the browser tests and the workbench benchmark wait for these.
 */
async function refresh(withEvent = true): Promise<void> {
  const mine = ++refreshes;
  const current = (): boolean => mine === refreshes;
  const filters = readFilters();
  showForm(filters);
  try {
    const [total] = await Promise.all([
      map.update(filters),
      timeline.update(withoutDays(filters), filters.get('from'), filters.get('to')),
      loadList(filters, false, current),
    ]);
    if (!current()) return;
    summary.textContent = `${listed.length}${cursor ? '+' : ''} events listed, ${total} in view on the map`;
  } catch (error) {
    if (!current()) return;
    showMessage(error);
  }
  await painted();
  if (current()) {
    document.body.dataset.updated = String(++updates);
    document.body.dataset.updatedAt = String(performance.now());
  }
  if (withEvent) await showEvent();
}

let rendering = 0;

async function showEvent(): Promise<void> {
  const id = openEventId();
  const mine = ++rendering;
  markCurrent();
  const listing = !id;
  list.hidden = !listing;
  summary.hidden = !listing;
  if (listing) more.hidden = !cursor;
  else more.hidden = true;
  eventPane.hidden = listing;
  if (!id) {
    map.highlight(null);
    return;
  }
  try {
    // Only the latest request draws: a slow earlier one must not replace it.
    await renderEvent(eventPane, id, () => mine === rendering, {
      opened: (record) => map.highlight(record),
      reviewed: (next) => {
        writeView(readFilters(), next, false);
        void refresh();
      },
      close: () => {
        writeView(readFilters(), null);
        void showEvent();
      },
    });
  } catch (error) {
    if (mine === rendering) eventPane.replaceChildren(h('p', { class: 'message failed' }, error instanceof ApiError ? error.message : String(error)));
  }
}

function openEvent(id: string): void {
  writeView(readFilters(), id);
  void showEvent();
}

function applyForm(): void {
  writeView(formFilters(), null);
  void refresh();
}
form.addEventListener('submit', (event) => {
  event.preventDefault();
  applyForm();
});
// A choice from a list or a date applies at once; words and numbers on Enter (or "apply").
form.addEventListener('change', (event) => {
  const field = event.target as HTMLInputElement | HTMLSelectElement;
  if (field instanceof HTMLSelectElement || field.type === 'date') applyForm();
});
$('clear').addEventListener('click', () => {
  writeView(new URLSearchParams(), null);
  void refresh();
});
more.addEventListener('click', () => void loadList(readFilters(), true).catch(showMessage));
window.addEventListener('popstate', () => void refresh());

// Keyboard review: n opens the next event of the list, c confirms, r rejects.
document.addEventListener('keydown', (event) => {
  const target = event.target as HTMLElement;
  if (event.ctrlKey || event.metaKey || event.altKey || target.closest('input, select, textarea')) return;
  const id = openEventId();
  if (event.key === 'n') {
    const at = listed.findIndex((e) => e.id === id);
    const next = listed[at + 1];
    if (next) openEvent(next.id);
  } else if (event.key === 'c' && id) document.getElementById('confirm')?.click();
  else if (event.key === 'r' && id) document.getElementById('reject')?.click();
});

void refresh().then(() => map.showOutlines());
