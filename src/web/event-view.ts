/**
 * One event: every coded field, the precision of its date and place in words, each report's
 * text with the event's evidence marked (as text: nothing in an article can run), the review
 * panel and the audit log.
 */
import { api, ApiError, type AuditEntry, type EventDetail, type EventRecord } from './api.js';
import { h, highlighted } from './dom.js';
import { mergePicker } from './merge-picker.js';
import { placePicker } from './place-picker.js';
import { EVENT_TYPES, GEO_PRECISION, STATUSES, SUB_TYPES, TIME_PRECISION } from './taxonomy.js';

export interface ViewActions {
  /** After a review: the event to show next (null: the list) and whether the listings changed. */
  reviewed(next: string | null): void;
  close(): void;
  /** The event is drawn (the map rings it). */
  opened(record: EventRecord): void;
}

const counts = (r: EventRecord): string =>
  Object.entries(r.counts).map(([kind, c]) => `${kind} ${c.low}${c.high !== null && c.high !== c.low ? `–${c.high}` : ''}`).join(', ') || 'none given';

function fieldsTable(r: EventRecord): HTMLTableElement {
  const when = r.date_end ? `${r.event_date} to ${r.date_end}` : r.event_date;
  const place = [r.location, r.admin2, r.admin1, r.country].filter(Boolean).join(', ');
  const rows: Array<[string, string]> = [
    ['date', `${when} (${TIME_PRECISION[r.time_precision] ?? r.time_precision})`],
    ['type', `${r.event_type} / ${r.sub_event_type}`],
    ['actor 1', r.actor1 + (r.assoc_actor_1 ? ` with ${r.assoc_actor_1}` : '')],
    ['actor 2', (r.actor2 ?? '–') + (r.assoc_actor_2 ? ` with ${r.assoc_actor_2}` : '')],
    ['place', `${place} (${r.latitude}, ${r.longitude}); precision: ${GEO_PRECISION[r.geo_precision] ?? r.geo_precision}`],
    ['fatalities', String(r.fatalities)],
    ['counts', counts(r)],
    ['status', r.status],
    ['cited', r.attributed_to ?? 'nobody named'],
    ['source', r.source ?? '–'],
    ['confidence', r.confidence.toFixed(2)],
    ['notes', r.notes],
    ['review', r.reviewed ? `${r.reviewed.state} by ${r.reviewed.by} at ${r.reviewed.at}${r.reviewed.fields.length ? ` (set: ${r.reviewed.fields.join(', ')})` : ''}` : 'not reviewed'],
  ];
  return h('table', { class: 'fields' }, ...rows.map(([k, v]) => h('tr', {}, h('th', {}, k), h('td', { 'data-field': k }, v))));
}

function options(select: HTMLSelectElement, values: readonly string[], chosen: string): void {
  select.replaceChildren(...values.map((v) => h('option', { value: v, selected: v === chosen }, v)));
}

function editForm(r: EventRecord, submit: (edits: Record<string, unknown>) => void): HTMLFormElement {
  const type = h('select', { name: 'event_type' });
  const sub = h('select', { name: 'sub_event_type' });
  options(type, EVENT_TYPES, r.event_type);
  options(sub, SUB_TYPES[r.event_type] ?? [], r.sub_event_type);
  type.addEventListener('change', () => options(sub, SUB_TYPES[type.value] ?? [], ''));
  const status = h('select', { name: 'status' });
  options(status, STATUSES, r.status);
  const input = (name: string, value: string | number, attrs: Record<string, string> = {}) =>
    h('label', {}, `${name.replace(/_/g, ' ')} `, h('input', { name, value: String(value), ...attrs }));
  const place = placePicker(r);
  const form = h('form', { class: 'edit' },
    h('label', {}, 'type ', type), h('label', {}, 'sub-type ', sub),
    input('actor1', r.actor1, { size: '28' }), input('actor2', r.actor2 ?? '', { size: '28' }),
    input('event_date', r.event_date, { type: 'date' }), input('fatalities', r.fatalities, { type: 'number', min: '0', style: 'width:6em' }),
    h('label', {}, 'status ', status),
    place.element,
    input('note', '', { size: '30', placeholder: 'why (optional)' }),
    h('button', { type: 'submit' }, 'save edits'),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const data = new FormData(form);
    const value = (k: string): string => String(data.get(k) ?? '').trim();
    const edits: Record<string, unknown> = {};
    if (value('sub_event_type') && value('sub_event_type') !== r.sub_event_type) {
      edits.sub_event_type = value('sub_event_type');
      edits.event_type = value('event_type');
    }
    if (value('actor1') && value('actor1') !== r.actor1) edits.actor1 = value('actor1');
    if (value('actor2') !== (r.actor2 ?? '')) edits.actor2 = value('actor2') || null;
    if (value('event_date') && value('event_date') !== r.event_date) edits.event_date = value('event_date');
    if (value('fatalities') !== '' && Number(value('fatalities')) !== r.fatalities) edits.fatalities = Number(value('fatalities'));
    if (value('status') !== r.status) edits.status = value('status');
    const p = place.chosen();
    if (p) {
      edits.place = { location: p.location, country: p.country, iso3: p.iso3, admin1: p.admin1, admin2: p.admin2, latitude: p.latitude, longitude: p.longitude, geo_precision: p.geo_precision };
    }
    submit({ edits, note: value('note') || null });
  });
  return form;
}

function auditList(entries: AuditEntry[]): HTMLElement {
  if (entries.length === 0) return h('p', { class: 'audit-empty' }, 'No reviews yet.');
  const changes = (e: AuditEntry): string => {
    if (!e.before || !e.after) return '';
    const keys = ['event_type', 'sub_event_type', 'actor1', 'actor2', 'event_date', 'location', 'admin1', 'latitude', 'longitude', 'geo_precision', 'fatalities', 'status', 'source'] as const;
    return keys.filter((k) => String(e.before![k]) !== String(e.after![k])).map((k) => `${k}: ${e.before![k]} → ${e.after![k]}`).join('; ');
  };
  return h('ol', { class: 'audit' }, ...entries.map((e) =>
    h('li', {}, `${e.at.replace('T', ' ').slice(0, 19)} ${e.reviewer} ${e.action}`, changes(e) ? ` (${changes(e)})` : '', e.note ? ` — “${e.note}”` : ''),
  ));
}

export async function renderEvent(container: HTMLElement, id: string, current: () => boolean, actions: ViewActions): Promise<void> {
  const [detail, audit] = await Promise.all([api.event(id), api.audit(id)]);
  const r = detail.event;
  const message = h('p', { class: 'message', role: 'status' });
  const act = async (body: object, next: (d: { event: EventDetail; created: string | null }) => string | null = () => id): Promise<void> => {
    message.textContent = '';
    try {
      const outcome = await api.review(id, body);
      actions.reviewed(next(outcome));
    } catch (error) {
      message.textContent = error instanceof ApiError ? error.message : String(error);
    }
  };
  const confirm = h('button', { type: 'button', id: 'confirm' }, 'confirm ', h('kbd', {}, 'c'));
  const reject = h('button', { type: 'button', id: 'reject' }, 'reject ', h('kbd', {}, 'r'));
  confirm.addEventListener('click', () => void act({ action: 'confirm' }));
  reject.addEventListener('click', () => void act({ action: 'reject' }));
  const back = h('button', { type: 'button' }, '← list');
  back.addEventListener('click', actions.close);

  const documents = await Promise.all(detail.documents.map((d) => api.document(d.id)));
  const reports = documents.map((doc) => {
    const spans = r.evidence.filter((e) => e.doc === doc.id);
    const links = detail.links.filter((l) => l.document_id === doc.id);
    const meta = detail.documents.find((d) => d.id === doc.id);
    const split = links.length > 0 && detail.links.length > 1 ? h('button', { type: 'button', class: 'split' }, 'split this report off') : null;
    split?.addEventListener('click', () => void act({ action: 'split', mention: links[0]!.mention_id }));
    return h('section', { class: 'doc', 'data-doc': doc.id },
      h('h4', {}, doc.title ?? meta?.name ?? doc.id),
      h('div', {}, [doc.source, doc.published, meta?.copy_of ? `copy of ${meta.copy_of}` : null].filter(Boolean).join(' · ')),
      h('div', { class: 'why' }, links.map((l) => l.why).join('; ')),
      split,
      h('pre', { class: 'article' }, highlighted(doc.text, spans)),
    );
  });

  if (!current()) return;
  container.replaceChildren(
    h('div', {}, back, ' ', h('code', {}, r.id), ' ', r.reviewed ? h('span', { class: `state ${r.reviewed.state}` }, r.reviewed.state) : h('span', { class: 'state' }, 'unreviewed')),
    h('h3', {}, `${r.sub_event_type} in ${r.location}`),
    fieldsTable(r),
    h('div', { class: 'review' },
      h('div', {}, confirm, ' ', reject, ' ', h('span', {}, 'next ', h('kbd', {}, 'n'))),
      editForm(r, (body) => void act({ action: 'edit', ...body })),
      mergePicker(r, (other) => void act({ action: 'merge', other })),
      message,
    ),
    h('h4', {}, `Reports (${documents.length})`),
    ...reports,
    h('h4', {}, 'Audit log'),
    auditList(audit.entries),
  );
  actions.opened(r);
}
