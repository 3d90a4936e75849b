/**
 * Building elements from data. Every string goes in as a text node or an attribute value, never
 * as markup: article text and coded fields come from the open web and must not run.
 */
type Child = Node | string | null | undefined | false;

export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K, attrs: Record<string, string | number | boolean | undefined> = {}, ...children: Child[]
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === undefined || value === false) continue;
    el.setAttribute(name, value === true ? '' : String(value));
  }
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    el.append(typeof child === 'string' ? document.createTextNode(child) : child);
  }
  return el;
}

/** The text with each span wrapped in a <mark>; spans may overlap or repeat (they are merged). */
export function highlighted(text: string, spans: ReadonlyArray<{ start: number; end: number }>): DocumentFragment {
  const sorted = spans.filter((s) => s.end > s.start && s.start >= 0 && s.end <= text.length).map((s) => ({ ...s })).sort((a, b) => a.start - b.start);
  const merged: Array<{ start: number; end: number }> = [];
  for (const s of sorted) {
    const last = merged.at(-1);
    if (last && s.start <= last.end) last.end = Math.max(last.end, s.end);
    else merged.push(s);
  }
  const out = document.createDocumentFragment();
  let at = 0;
  for (const s of merged) {
    if (s.start > at) out.append(document.createTextNode(text.slice(at, s.start)));
    out.append(h('mark', { class: 'evidence' }, text.slice(s.start, s.end)));
    at = s.end;
  }
  if (at < text.length) out.append(document.createTextNode(text.slice(at)));
  return out;
}

/**
 * Runs `search` a moment after typing pauses, and at once on Enter; Enter must not submit a
 * form around the field.
 */
export function searchAsYouType(input: HTMLInputElement, search: () => Promise<void>, pauseMs = 250): void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  input.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(() => void search(), pauseMs);
  });
  input.addEventListener('keydown', (event) => {
    if (event.key !== 'Enter') return;
    event.preventDefault();
    clearTimeout(timer);
    void search();
  });
}
