/**
 * A feed item as an article to ingest: the page it links to, read as `sitrep fetch` reads one,
 * or the feed's own full content when it carries the article (full-content.ts). The item's link,
 * title and day, and the feed's name as the source, fill in what the page does not say: a page's
 * canonical URL, title, `article:published_time` and site name are more specific, and a wire
 * credit in the text still names the source over either.
 */
import type { FetchResult } from '../fetch/index.js';
import { toArticle, type Article } from '../ingest/index.js';
import type { FeedItem } from './parse.js';

/** Reads a downloaded page into an Article, refusing what is no page (a PDF): `sitrep fetch`'s own reader. */
export type PageReader = (page: FetchResult, name: string) => Article;

const escapeHtml = (text: string): string => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** The article in an item's full content: the HTML fragment read as a page titled with the item. */
export function contentArticle(item: FeedItem, html: string): Article {
  const page = `<!DOCTYPE html><html><head><meta charset="utf-8"><title>${escapeHtml(item.title ?? '')}</title></head>` +
    `<body><article>${html}</article></body></html>`;
  return toArticle(page, item.url ?? item.key, item.url ?? undefined, 'html');
}

export function withItemFallbacks(article: Article, item: FeedItem, feedName: string | null): Article {
  const meta = { ...article.meta };
  meta.url ??= item.url;
  meta.title ??= item.title;
  if (!meta.published && item.published) {
    meta.published = item.published;
    // The feed is the publication's own metadata, as the page's would be.
    meta.publishedFrom = 'html-meta';
  }
  if (!meta.source && feedName) {
    meta.source = feedName;
    // As a page's site name: a wire credit found in the text replaces it.
    meta.sourceFrom = 'html-meta';
  }
  return { ...article, meta };
}
