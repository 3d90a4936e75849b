/**
 * Choosing the event to merge into the open one: the events near it in place and time come up
 * first (those most likely to be the same event), and words search the whole store, so that a
 * reviewer picks a listed event rather than copying an id.
 */
import { api, ApiError, type EventRecord } from './api.js';
import { h, searchAsYouType } from './dom.js';
import { colourOf } from './taxonomy.js';

const DAY = 86_400_000;
const shift = (date: string, days: number): string => new Date(Date.parse(date) + days * DAY).toISOString().slice(0, 10);

/** Events within 100 km and two weeks of `r`. */
function nearby(r: EventRecord): URLSearchParams {
  return new URLSearchParams({ near: `${r.latitude},${r.longitude},100`, from: shift(r.event_date, -14), to: shift(r.event_date, 14) });
}

export function mergePicker(r: EventRecord, merge: (other: string) => void): HTMLElement {
  const input = h('input', { name: 'merge_search', size: '22', placeholder: 'words (default: events nearby)', autocomplete: 'off' });
  const results = h('ol', { class: 'picks merge-results' });
  let asked = 0;

  async function search(): Promise<void> {
    const words = input.value.trim();
    const mine = ++asked;
    try {
      const { events } = await api.events(words ? new URLSearchParams({ text: words }) : nearby(r), null);
      if (mine !== asked) return;
      const others = events.filter((e) => e.id !== r.id).slice(0, 12);
      results.replaceChildren(
        ...(others.length === 0 ? [h('li', { class: 'none' }, words ? `no other event with "${words}"` : 'no other event within 100 km and two weeks')] : []),
        ...others.map((e) => {
          const button = h('button', { type: 'button', class: 'merge-in', 'data-id': e.id }, 'merge into this');
          button.addEventListener('click', () => merge(e.id));
          return h('li', {},
            h('span', { class: 'swatch', style: `background:${colourOf(e.event_type)}` }),
            ` ${e.event_date} ${e.sub_event_type} · ${e.location} · ${e.fatalities} dead `, button);
        }),
      );
    } catch (error) {
      if (mine === asked) results.replaceChildren(h('li', { class: 'message' }, error instanceof ApiError ? error.message : String(error)));
    }
  }

  searchAsYouType(input, search);
  void search();
  return h('div', { class: 'merge-picker' }, h('label', {}, 'merge another event into this one: ', input), results);
}
