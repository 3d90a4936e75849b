/**
 * Batches: JSON lines, one document each, as a crawler or another tool hands them over:
 * `{"id","url","title","published","source","text"|"html"}`. Only the text (or the HTML) is
 * required. A line that is not such a document is reported with its line number and skipped.
 */
import { z } from 'zod';
import { SitrepError } from '../errors.js';
import type { Article } from './article.js';
import { htmlToArticle } from './html.js';
import { textToArticle } from './text.js';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}/, 'a date YYYY-MM-DD');

export const BatchDocument = z
  .object({
    id: z.union([z.string(), z.number()]).transform(String).optional(),
    url: z.string().max(4096).optional().nullable(),
    title: z.string().max(2000).optional().nullable(),
    published: isoDate.transform((d) => d.slice(0, 10)).optional().nullable(),
    source: z.string().max(500).optional().nullable(),
    text: z.string().optional(),
    html: z.string().optional(),
  })
  .refine((d) => d.text !== undefined || d.html !== undefined, { message: 'needs "text" or "html"' });

export type BatchDocument = z.infer<typeof BatchDocument>;

/** A batch line's document as an Article with the line's metadata. */
export interface BatchItem {
  article: Article;
  externalId: string | null;
  url: string | null;
  title: string | null;
  published: string | null;
  source: string | null;
}

/** Parses one batch document (a JSON line or an API request body item). */
export function toBatchItem(value: unknown, where: string): BatchItem {
  const parsed = BatchDocument.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const path = issue && issue.path.length ? `"${issue.path.join('.')}": ` : '';
    throw new SitrepError('E_BAD_BATCH', `${where}: ${path}${issue?.message ?? 'not a document'}`);
  }
  const d = parsed.data;
  const article = d.html !== undefined && d.text === undefined ? htmlToArticle(d.html, d.url ?? undefined) : textToArticle(d.text ?? '');
  return {
    article,
    externalId: d.id ?? null,
    url: d.url ?? null,
    title: d.title ?? null,
    published: d.published ?? null,
    source: d.source ?? null,
  };
}

/** One line of a JSONL batch. */
export function parseBatchLine(line: string, where: string): BatchItem {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch (error) {
    throw new SitrepError('E_BAD_BATCH', `${where}: not JSON (${(error as Error).message})`);
  }
  return toBatchItem(value, where);
}
