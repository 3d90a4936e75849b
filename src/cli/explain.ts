/** `--explain`: which rule set each field of each event, and what each stage found, on stderr. */
import type { Doc, EventRecord } from '../types.js';

export function explain(doc: Doc, records: EventRecord[], err: (line: string) => void): void {
  const { meta } = doc;
  err(`# ${meta.name} (${doc.id}), published ${meta.published ?? 'unknown'} [${meta.publishedFrom}], source ${meta.source ?? 'unknown'} [${meta.sourceFrom}]`);
  // What a page's metadata gave besides: the reader can check it against the page.
  const page = [meta.title && `title "${meta.title}"`, meta.author && `author ${meta.author}`, meta.url && `url ${meta.url}`].filter(Boolean);
  if (page.length) err(`  ${page.join(', ')}`);
  for (const line of doc.trace) err(`  ${line}`);
  doc.events.forEach((event, i) => {
    const record = records[i];
    err(`  event ${record?.id ?? i}: ${event.subEventType} on ${event.date} in ${event.location}`);
    for (const reason of event.why) {
      const words = reason.span ? ` "${doc.text.slice(reason.span.start, reason.span.end).replace(/\s+/g, ' ').slice(0, 80)}"` : '';
      err(`    ${reason.field.padEnd(15)} ← ${reason.rule}${words}`);
    }
  });
}
