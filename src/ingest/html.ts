/**
 * HTML pages to article text: Readability (over linkedom) removes the page chrome, and the
 * article is written out one paragraph per block, separated by blank lines, headline first.
 * In-body promos ("JOIN …. Takes 2 seconds.") survive Readability: the clean stage marks them.
 */
import type { Readability as ReadabilityClass } from '@mozilla/readability';
import type { DocMeta } from '../types.js';
import type { Article } from './article.js';
import { blockTexts, lazyModule, parseDocument, squashSpaces, type DomDocument, type DomNode } from './dom.js';

const readability = lazyModule<{ Readability: typeof ReadabilityClass }>('@mozilla/readability');
import { cleanAuthor, readHtmlMeta, type HtmlMeta } from './html-meta.js';
import { normaliseText } from './text.js';

/** How much of the start of an input is looked at to decide it is HTML. */
const SNIFF_CHARS = 4096;
const LEADING_MARKUP = /^\s*(?:<\?xml[^>]*>\s*)?(?:<!--[\s\S]*?-->\s*)*<(?:!doctype\s+html|html[\s>])/i;
const DOCUMENT_TAG = /<(?:html|head|body)[\s>]/i;
const COMMON_TAG = /<\/?(?:p|div|span|a|br|h[1-6]|article|section|ul|ol|li|table|tr|td|meta|link|script|style|img|figure|strong|em|b|i|header|footer|nav)\b[^<>]{0,500}>/gi;
const CLOSING_TAG = /<\/[a-z][a-z0-9]*\s*>/i;

/** True for a doctype or <html> start, a <head>/<body> tag, or text dense with common tags. */
export function looksLikeHtml(text: string): boolean {
  const head = text.slice(0, SNIFF_CHARS);
  if (LEADING_MARKUP.test(head) || DOCUMENT_TAG.test(head)) return true;
  const tags = head.match(COMMON_TAG)?.length ?? 0;
  return tags >= 5 && CLOSING_TAG.test(head);
}

/** Readability's article element, or null when it finds none (very short pages). */
function readabilityArticle(doc: DomDocument): { title: string | null; byline: string | null; content: DomNode } | null {
  // JSON-LD off: its `headline` is often a shortened title; og:title and <title> read better.
  const reader = new (readability().Readability)<DomNode>(doc as never, {
    disableJSONLD: true,
    serializer: (node) => node as unknown as DomNode,
  });
  const parsed = reader.parse();
  if (!parsed?.content) return null;
  return { title: parsed.title ? squashSpaces(parsed.title) : null, byline: parsed.byline ?? null, content: parsed.content };
}

/** Without a Readability result (tiny pages), every block of the body but its chrome. */
function fallbackParagraphs(html: string): string[] {
  // Readability edited the first parse, so start again from the source.
  const body = parseDocument(html).body;
  if (!body) return [];
  const chrome = body.querySelectorAll('header, footer, aside, nav');
  for (let i = chrome.length - 1; i >= 0; i--) chrome[i]!.remove();
  return blockTexts(body);
}

/** Lower-cased letters and digits only, to compare a title with the first paragraph. */
function comparable(text: string): string {
  return text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
}

/** Headline first, unless the body already opens with it. */
function withHeadline(title: string | null, paragraphs: string[]): string[] {
  if (!title) return paragraphs;
  const first = paragraphs[0];
  if (first !== undefined && comparable(first) === comparable(title)) return paragraphs;
  return [title, ...paragraphs];
}

/** Only the fields the page actually gave, so later sources can fill the rest. */
function presentMeta(meta: HtmlMeta): Partial<DocMeta> {
  const result: Partial<DocMeta> = {};
  if (meta.title) result.title = meta.title;
  if (meta.published) {
    result.published = meta.published;
    result.publishedFrom = 'html-meta';
  }
  if (meta.source) {
    result.source = meta.source;
    result.sourceFrom = 'html-meta';
  }
  if (meta.author) result.author = meta.author;
  if (meta.url) result.url = meta.url;
  return result;
}

/**
 * The article in an HTML page: its text (headline, then paragraphs, blank-line separated)
 * and what the page's metadata says (title, publication day, site name, author, canonical URL).
 */
export function htmlToArticle(html: string, url?: string): Article {
  const doc = parseDocument(html);
  const meta = readHtmlMeta(doc, url);
  const article = readabilityArticle(doc);
  const paragraphs = article ? blockTexts(article.content) : fallbackParagraphs(html);
  const title = article?.title ?? meta.title;
  // Readability's byline is the page's visible "By …" line, when the metadata names no author.
  const author = meta.author ?? cleanAuthor(article?.byline);
  const text = normaliseText(withHeadline(title, paragraphs).join('\n\n'));
  return { text, meta: presentMeta({ ...meta, title, author }), warnings: [] };
}
