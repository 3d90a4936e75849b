/**
 * Feeds for tests, served by test/support/http-server.ts: an outlet's RSS 2.0 or Atom feed of
 * generated conflict reports (conflict-articles.ts) with the article pages it links to, and the
 * conditional GET a real server answers (ETag and/or Last-Modified, 304 when unchanged).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { gzipSync } from 'node:zlib';
import { conflictArticle, conflictHtml, conflictPage, type ConflictArticle } from './conflict-articles.js';
import type { Handler, TestServer } from './http-server.js';

const escapeXml = (text: string): string => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const rfc822 = (day: string): string => new Date(`${day}T09:41:00Z`).toUTCString();

export interface RssItem {
  guid?: string;
  title: string;
  link: string;
  pubDate?: string;
  description?: string;
}

export function rssFeed(title: string, link: string, items: readonly RssItem[], prolog = '<?xml version="1.0" encoding="utf-8"?>'): string {
  const entries = items.map((item) => [
    '    <item>',
    item.guid ? `      <guid isPermaLink="false">${escapeXml(item.guid)}</guid>` : '',
    `      <title>${escapeXml(item.title)}</title>`,
    `      <link>${escapeXml(item.link)}</link>`,
    item.pubDate ? `      <pubDate>${item.pubDate}</pubDate>` : '',
    item.description ? `      <description>${escapeXml(item.description)}</description>` : '',
    '    </item>',
  ].filter(Boolean).join('\n'));
  return `${prolog}\n<rss version="2.0">\n  <channel>\n    <title>${escapeXml(title)}</title>\n    <link>${escapeXml(link)}</link>\n${entries.join('\n')}\n  </channel>\n</rss>\n`;
}

export interface AtomEntry {
  id: string;
  title: string;
  link: string;
  published: string;
  summary: string;
  contentHtml?: string;
}

export function atomFeed(title: string, entries: readonly AtomEntry[]): string {
  const body = entries.map((e) => [
    '  <entry>',
    `    <id>${escapeXml(e.id)}</id>`,
    `    <title>${escapeXml(e.title)}</title>`,
    `    <link rel="alternate" href="${escapeXml(e.link)}"/>`,
    `    <published>${e.published}</published>`,
    `    <updated>${e.published}</updated>`,
    `    <summary>${escapeXml(e.summary)}</summary>`,
    e.contentHtml ? `    <content type="html">${escapeXml(e.contentHtml)}</content>` : '',
    '  </entry>',
  ].filter(Boolean).join('\n'));
  return `<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom">\n  <title>${escapeXml(title)}</title>\n  <id>urn:sitrep-test:${escapeXml(title)}</id>\n${body.join('\n')}\n</feed>\n`;
}

/** Answers with the validators given, or 304 when the request carries one of them. */
export function conditional(body: string | Buffer, validators: { etag?: string; lastModified?: string }, headers: Record<string, string> = {}): Handler {
  return (req: IncomingMessage, res: ServerResponse) => {
    const sent: Record<string, string> = {};
    if (validators.etag) sent.etag = validators.etag;
    if (validators.lastModified) sent['last-modified'] = validators.lastModified;
    const matches = (validators.etag && req.headers['if-none-match'] === validators.etag) ||
      (!validators.etag && validators.lastModified && req.headers['if-modified-since'] === validators.lastModified);
    if (matches) return res.writeHead(304, sent).end();
    res.writeHead(200, { 'content-type': 'application/xml; charset=utf-8', ...sent, ...headers }).end(body);
  };
}

export interface Outlet {
  name: string;
  feedPath: string;
  articles: ConflictArticle[];
  /** The path of each article's page on the test server, in article order. */
  pagePaths: string[];
  /** Articles whose entry carries the full text (no page fetched for them). */
  fullContent: Set<number>;
}

export interface OutletOptions {
  /** Delay before each page answers (a slow site, to catch the daemon mid-cycle). */
  pageDelayMs?: number;
  /** Atom entries with an even index carry the full text. */
  atomFullContent?: boolean;
}

/**
 * Serves an outlet: its feed (RSS with ETag + Last-Modified, or Atom with Last-Modified only) of
 * `count` articles, newest first, and each article's page (every other one gzipped).
 */
export function serveOutlet(server: TestServer, name: string, format: 'rss' | 'atom', count: number, options: OutletOptions = {}): Outlet {
  const prefix = `/${name.toLowerCase().replace(/\W+/g, '-')}`;
  const articles = Array.from({ length: count }, (_, i) => conflictArticle(i, name));
  const pagePaths = articles.map((a) => `${prefix}/news/${a.slug}`);
  const fullContent = new Set<number>();
  articles.forEach((article, i) => {
    const html = conflictPage(article, name, `https://${prefix.slice(1)}.example/news/${article.slug}`);
    const answer = (res: ServerResponse): void => {
      if (i % 2 === 0) res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-encoding': 'gzip' }).end(gzipSync(html));
      else res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(html);
    };
    server.route(pagePaths[i]!, (_req, res) => {
      if (!options.pageDelayMs) return answer(res);
      const timer = setTimeout(() => answer(res), options.pageDelayMs);
      res.on('close', () => clearTimeout(timer));
    });
  });
  const newestFirst = articles.map((article, i) => ({ article, i })).reverse();
  const feedPath = `${prefix}/${format === 'rss' ? 'rss.xml' : 'atom.xml'}`;
  let body: string;
  if (format === 'rss') {
    body = rssFeed(name, `https://${prefix.slice(1)}.example/`, newestFirst.map(({ article, i }) => ({
      guid: `${prefix.slice(1)}-${article.slug}`, title: article.headline, link: server.url(pagePaths[i]!), pubDate: rfc822(article.published), description: article.body[0]!,
    })));
    server.route(feedPath, conditional(body, { etag: `"${prefix.slice(1)}-1"`, lastModified: 'Tue, 05 Mar 2024 10:00:00 GMT' }));
  } else {
    body = atomFeed(name, newestFirst.map(({ article, i }) => {
      const full = options.atomFullContent === true && i % 2 === 0;
      if (full) fullContent.add(i);
      return {
        id: `tag:${prefix.slice(1)}.example,2024:${article.slug}`, title: article.headline, link: pagePaths[i]!, published: `${article.published}T09:41:00Z`,
        summary: article.body[0]!, ...(full ? { contentHtml: conflictHtml(article) } : {}),
      };
    }));
    // Relative links, against the feed's own address; only Last-Modified, no ETag.
    server.route(feedPath, conditional(body, { lastModified: 'Wed, 06 Mar 2024 08:00:00 GMT' }));
  }
  return { name, feedPath, articles, pagePaths, fullContent };
}
