/**
 * The timeline: events per day, stacked by type, over the whole range the other filters
 * leave; per week or month when the days outnumber the bars it has room for (the server sums
 * them). Dragging across it chooses a range of days (the from/to filters); a double click
 * clears it.
 */
import { api } from './api.js';
import { colourOf } from './taxonomy.js';

const SVG = 'http://www.w3.org/2000/svg';
const DAY = 86_400_000;
const dayOf = (t: number): string => new Date(t).toISOString().slice(0, 10);

function svg<K extends keyof SVGElementTagNameMap>(tag: K, attrs: Record<string, string | number>): SVGElementTagNameMap[K] {
  const el = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, String(v));
  return el;
}

/** The time just after a bar that starts at `date` and counts one day, week or month. */
function bucketEnd(date: string, bucket: 'day' | 'week' | 'month'): number {
  const start = new Date(date + 'T00:00:00Z');
  if (bucket === 'month') return Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + 1, 1);
  return start.getTime() + (bucket === 'week' ? 7 : 1) * DAY;
}

export interface Timeline {
  update(filters: URLSearchParams, from: string | null, to: string | null): Promise<void>;
}

export function createTimeline(element: HTMLElement, onRange: (from: string | null, to: string | null) => void): Timeline {
  let first = 0;
  let days = 1;
  let width = 1;
  const pad = 20;
  const dayAt = (x: number): string => dayOf(first + Math.max(0, Math.min(days - 1, Math.floor(((x - pad) / (width - 2 * pad)) * days))) * DAY);

  let dragFrom: number | null = null;
  let brush: SVGRectElement | null = null;
  /** Each bar's place and what it counts, for the line shown while the pointer is over it. */
  let bars: Array<{ x: number; w: number; label: string }> = [];
  let hover: SVGTextElement | null = null;
  const xOf = (event: MouseEvent): number => event.clientX - element.getBoundingClientRect().left;
  element.addEventListener('mousedown', (event) => {
    dragFrom = xOf(event);
    event.preventDefault();
  });
  element.addEventListener('mousemove', (event) => {
    if (dragFrom === null && hover) {
      const x = xOf(event);
      hover.textContent = bars.find((b) => x >= b.x && x <= b.x + Math.max(b.w, 2))?.label ?? '';
    }
    if (dragFrom === null || !brush) return;
    const x = xOf(event);
    brush.setAttribute('x', String(Math.min(dragFrom, x)));
    brush.setAttribute('width', String(Math.abs(x - dragFrom)));
  });
  window.addEventListener('mouseup', (event) => {
    if (dragFrom === null) return;
    const x = xOf(event);
    const [a, b] = [Math.min(dragFrom, x), Math.max(dragFrom, x)];
    dragFrom = null;
    if (b - a < 3) return;
    onRange(dayAt(a), dayAt(b));
  });
  element.addEventListener('dblclick', () => onRange(null, null));

  return {
    async update(filters, from, to) {
      width = element.clientWidth || 800;
      const { bucket, days: counts } = await api.days(filters, Math.max(10, Math.floor((width - 2 * pad) / 3)));
      element.replaceChildren();
      const height = element.clientHeight || 120;
      const root = svg('svg', { viewBox: `0 0 ${width} ${height}`, role: 'img', 'aria-label': 'events per day' });
      element.append(root);
      brush = svg('rect', { class: 'brush', x: 0, y: 0, width: 0, height, fill: 'rgba(30,100,200,.15)' });
      if (counts.length === 0) {
        const label = svg('text', { x: pad, y: height / 2, fill: '#888' });
        label.textContent = 'no events';
        root.append(label, brush);
        return;
      }
      first = Date.parse(counts[0]!.date);
      days = Math.round((bucketEnd(counts.at(-1)!.date, bucket) - first) / DAY);
      const perDay = new Map<string, Array<{ type: string; count: number }>>();
      for (const c of counts) perDay.set(c.date, [...(perDay.get(c.date) ?? []), c]);
      const max = Math.max(...[...perDay.values()].map((list) => list.reduce((n, c) => n + c.count, 0)));
      const barWidth = (width - 2 * pad) / days;
      const plot = height - 18;
      // One path per type (and per side of the chosen range) rather than an element per bar:
      // thousands of bars are then drawn at the cost of a dozen elements.
      const paths = new Map<string, string[]>();
      bars = [];
      for (const [date, list] of perDay) {
        const x = pad + ((Date.parse(date) - first) / DAY) * barWidth;
        const w = Math.max(1, ((bucketEnd(date, bucket) - Date.parse(date)) / DAY) * barWidth - 1);
        bars.push({ x, w, label: `${bucket === 'day' ? '' : `${bucket} of `}${date}: ${list.map((c) => `${c.count} ${c.type}`).join(', ')}` });
        let y = plot;
        const inRange = (!from || date >= from) && (!to || date <= to);
        for (const c of list) {
          const h = (c.count / max) * (plot - 6);
          y -= h;
          const key = `${c.type}|${inRange ? 1 : 0.25}`;
          paths.set(key, [...(paths.get(key) ?? []), `M${x.toFixed(1)} ${y.toFixed(1)}h${w.toFixed(1)}v${h.toFixed(1)}h${(-w).toFixed(1)}z`]);
        }
      }
      for (const [key, parts] of paths) {
        const [type, opacity] = key.split('|') as [string, string];
        root.append(svg('path', { d: parts.join(''), fill: colourOf(type), opacity, class: 'bars' }));
      }
      hover = svg('text', { x: width - pad, y: 12, 'text-anchor': 'end', 'font-size': 11, fill: '#333' });
      root.append(hover);
      const lastDay = dayOf(first + (days - 1) * DAY);
      for (const [x, anchor, text] of [[pad, 'start', counts[0]!.date], [width - pad, 'end', bucket === 'day' ? lastDay : `${lastDay} (by ${bucket})`]] as const) {
        const label = svg('text', { x, y: height - 4, 'text-anchor': anchor, 'font-size': 11, fill: '#555' });
        label.textContent = text;
        root.append(label);
      }
      if (from || to) {
        const label = svg('text', { x: width / 2, y: height - 4, 'text-anchor': 'middle', 'font-size': 11, fill: '#1e64c8' });
        label.textContent = `${from ?? '…'} to ${to ?? '…'} (double-click to clear)`;
        root.append(label);
      }
      root.append(brush);
    },
  };
}
