/**
 * The map: Natural Earth countries (world-atlas, bundled: no tile server) and the first-level
 * divisions of the countries the store holds events in (served by /geo/admin1) under the events,
 * which the server counts in a grid that shrinks as the map zooms in. A cell with one event is
 * a circle coloured by its type and sized by its toll; a cell with several is a numbered marker
 * that zooms in when clicked. The open event is ringed.
 */
import L from 'leaflet';
import 'leaflet/dist/leaflet.css';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import countries from 'world-atlas/countries-50m.json';
import { api, type Cell } from './api.js';
import { colourOf } from './taxonomy.js';

export interface EventMap {
  update(filters: URLSearchParams): Promise<number>;
  onMove(handler: () => void): void;
  /** Rings the open event (null: none), and brings it into view. */
  highlight(event: { id: string; latitude: number; longitude: number } | null): void;
  /** Draws the divisions of the store's countries (after the first view: they can weigh megabytes). */
  showOutlines(): Promise<void>;
}

const dominant = (cell: Cell): string => Object.entries(cell.by_type).sort((a, b) => b[1] - a[1])[0]?.[0] ?? '';
const radius = (fatalities: number): number => 5 + Math.min(20, 2 * Math.sqrt(fatalities));

/** The visible box as the API's bbox, clamped to the world (Leaflet's view can wrap past it). */
function bboxOf(map: L.Map): string {
  const b = map.getBounds();
  const clamp = (x: number, lo: number, hi: number): number => Math.min(hi, Math.max(lo, x));
  const west = clamp(b.getWest(), -180, 180), east = clamp(b.getEast(), -180, 180);
  const south = clamp(b.getSouth(), -90, 90), north = clamp(b.getNorth(), -90, 90);
  return [west, south, east, north].map((x) => x.toFixed(4)).join(',');
}

export function createMap(element: HTMLElement, openEvent: (id: string) => void): EventMap {
  const map = L.map(element, { worldCopyJump: false, minZoom: 1, maxZoom: 14, attributionControl: true }).setView([20, 20], 2);
  map.attributionControl.setPrefix(false).addAttribution('Natural Earth (world-atlas; admin-1)');
  // Panes from the bottom: countries, divisions, events (Leaflet's overlay pane), the ring.
  map.createPane('basemap').style.zIndex = '200';
  map.createPane('outlines').style.zIndex = '300';
  map.createPane('ring').style.zIndex = '650';
  const topology = countries as unknown as Topology<{ countries: GeometryCollection }>;
  // The basemap and the divisions are drawn on canvases, each in a pane of its own layer
  // (style.css): a filter change then repaints the events, not thousands of borders.
  // GeoJSON hands its options to each polygon, renderer included (its type leaves that out).
  const basemap: L.GeoJSONOptions & L.PathOptions = {
    pane: 'basemap',
    renderer: L.canvas({ pane: 'basemap' }),
    style: { color: '#999', weight: 0.7, fillColor: '#f6f4ee', fillOpacity: 1 },
    interactive: false,
  };
  L.geoJSON(feature(topology, topology.objects.countries), basemap).addTo(map);
  const layer = L.layerGroup().addTo(map);
  const ring = L.layerGroup().addTo(map);
  let filters = new URLSearchParams();
  let generation = 0;

  // Markers are kept and moved from one view to the next rather than made anew: a filter
  // change over a busy map then changes a few hundred positions, sizes and labels, not the DOM.
  const circles: Array<{ marker: L.CircleMarker; cell: Cell }> = [];
  const clusters: Array<{ marker: L.Marker; icon: HTMLDivElement; cell: Cell }> = [];

  function circleFor(k: number, cell: Cell): void {
    const at = L.latLng(cell.latitude, cell.longitude);
    const style = { radius: radius(cell.fatalities), fillColor: colourOf(dominant(cell)) };
    const tip = `${dominant(cell)} · ${cell.fatalities} dead`;
    const kept = circles[k];
    if (kept) {
      kept.cell = cell;
      kept.marker.setLatLng(at).setRadius(style.radius).setStyle(style).setTooltipContent(tip);
      return;
    }
    const entry = { marker: L.circleMarker(at, { ...style, color: '#fff', weight: 1, fillOpacity: 0.85, className: 'event-marker' }), cell };
    entry.marker.bindTooltip(tip).on('click', () => entry.cell.id && openEvent(entry.cell.id)).addTo(layer);
    circles.push(entry);
  }

  function clusterFor(k: number, cell: Cell): void {
    const at = L.latLng(cell.latitude, cell.longitude);
    const size = 22 + Math.min(26, Math.log2(cell.count) * 5);
    let entry = clusters[k];
    if (!entry) {
      const icon = document.createElement('div');
      icon.className = 'cluster';
      // The icon is a point; the disc is centred on it by CSS, so a new size needs no new icon.
      const made = { marker: L.marker(at, { icon: L.divIcon({ html: icon, className: 'cluster-icon', iconSize: [0, 0] }) }), icon, cell };
      made.marker.on('click', () => map.setView([made.cell.latitude, made.cell.longitude], Math.min(map.getMaxZoom(), map.getZoom() + 2))).addTo(layer);
      clusters.push(made);
      entry = made;
    }
    entry.cell = cell;
    entry.marker.setLatLng(at);
    entry.icon.style.cssText = `width:${size}px;height:${size}px;background:${colourOf(dominant(cell))}`;
    entry.icon.textContent = String(cell.count);
    entry.icon.title = `${cell.count} events`;
  }

  async function draw(): Promise<number> {
    const mine = ++generation;
    const { total, cells } = await api.cells(filters, map.getZoom(), bboxOf(map));
    if (mine !== generation) return total;
    let c = 0, k = 0;
    for (const cell of cells) {
      if (cell.id) circleFor(c++, cell);
      else clusterFor(k++, cell);
    }
    for (const extra of circles.splice(c)) layer.removeLayer(extra.marker);
    for (const extra of clusters.splice(k)) layer.removeLayer(extra.marker);
    element.dataset.events = String(total);
    return total;
  }

  const moveHandlers: Array<() => void> = [];
  map.on('moveend', () => {
    void draw();
    for (const handler of moveHandlers) handler();
  });
  return {
    update(next) {
      filters = next;
      return draw();
    },
    onMove(handler) {
      moveHandlers.push(handler);
    },
    showOutlines: () => loadOutlines(map, element),
    highlight(event) {
      ring.clearLayers();
      element.dataset.open = event?.id ?? '';
      if (!event) return;
      const at = L.latLng(event.latitude, event.longitude);
      L.circleMarker(at, { pane: 'ring', radius: 15, color: '#111', weight: 3, fill: false, interactive: false, className: 'open-event' }).addTo(ring);
      if (!map.getBounds().pad(-0.05).contains(at)) map.panTo(at);
    },
  };
}

/**
 * The divisions of the store's countries, drawn once on a canvas (a few thousand polygons stay
 * cheap there); a map without them still works, so a failure only leaves them out.
 */
async function loadOutlines(map: L.Map, element: HTMLElement): Promise<void> {
  try {
    const outlines = await api.outlines();
    const options: L.GeoJSONOptions & L.PathOptions = {
      pane: 'outlines',
      renderer: L.canvas({ pane: 'outlines' }),
      style: { color: '#8f8676', weight: 0.8, fill: false },
      interactive: false,
    };
    L.geoJSON(outlines, options).addTo(map);
    element.dataset.outlines = String(outlines.features.length);
  } catch {
    element.dataset.outlines = '0';
  }
}
