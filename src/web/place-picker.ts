/**
 * The review panel's place field: a search of sitrep's gazetteer (GET /places), in the event's
 * country first and then anywhere, so that a reviewer picks a real place with its divisions,
 * coordinates and precision instead of typing them. Any spelling the gazetteer knows finds it
 * (Deraa, Dar'a, Daraa).
 */
import { api, ApiError, type EventRecord, type PlaceResult } from './api.js';
import { h, searchAsYouType } from './dom.js';
import { GEO_PRECISION } from './taxonomy.js';

export interface PlacePicker {
  element: HTMLElement;
  /** The place chosen from the results; null while the event's own place stands. */
  chosen(): PlaceResult | null;
}

const describe = (p: PlaceResult): string =>
  `${[p.location, p.admin2, p.admin1, p.country].filter(Boolean).join(', ')} · ${p.kind} (${p.latitude.toFixed(3)}, ${p.longitude.toFixed(3)})`;

export function placePicker(r: EventRecord): PlacePicker {
  let chosen: PlaceResult | null = null;
  const input = h('input', { name: 'place_search', value: r.location, size: '22', placeholder: 'search the gazetteer', autocomplete: 'off' });
  const results = h('ol', { class: 'picks place-results' });
  const current = h('span', { class: 'place-chosen' }, `${r.location}${r.admin1 ? `, ${r.admin1}` : ''} (unchanged)`);
  let asked = 0;

  async function search(): Promise<void> {
    const q = input.value.trim();
    const mine = ++asked;
    if (!q) return void results.replaceChildren();
    try {
      let { places } = await api.places(q, r.iso3);
      const outside = places.length === 0;
      if (outside) places = (await api.places(q, null)).places;
      if (mine !== asked) return;
      results.replaceChildren(
        ...(places.length === 0 ? [h('li', { class: 'none' }, `no place called "${q}" in the gazetteer`)] : []),
        ...places.map((p) => {
          const pick = h('button', { type: 'button', class: 'pick' }, describe(p), outside ? ` — outside ${r.country}` : '');
          pick.addEventListener('click', () => choose(p));
          return h('li', {}, pick);
        }),
      );
    } catch (error) {
      if (mine === asked) results.replaceChildren(h('li', { class: 'message' }, error instanceof ApiError ? error.message : String(error)));
    }
  }

  function choose(p: PlaceResult): void {
    chosen = p;
    input.value = p.location;
    results.replaceChildren();
    current.textContent = `→ ${describe(p)}; precision ${p.geo_precision}: ${GEO_PRECISION[p.geo_precision] ?? ''}`;
  }

  searchAsYouType(input, search);
  const element = h('div', { class: 'place-picker' }, h('label', {}, 'place ', input), ' ', current, results);
  return { element, chosen: () => chosen };
}
