/**
 * A downloaded feed's bytes to its items: decoded in the charset it declares (BOM, HTTP header
 * or XML declaration, as pages are), stripped of any DOCTYPE (safe-xml.ts: no entity is ever
 * expanded or fetched), read by @rowanmanning/feed-parser (RSS 0.9x/1.0/2.0 and Atom, leniently),
 * each item reduced to what sitrep uses: a key that stays the same across polls, an absolute
 * link, title, publication day, summary and content.
 *
 * XML that is not well-formed is read leniently when items can still be read from it (with a
 * warning naming the first fault), and refused otherwise; a document that is no feed at all (an
 * HTML error page, JSON) is refused with what it starts with.
 */
import { parseFeed } from '@rowanmanning/feed-parser';
import { XMLValidator } from 'fast-xml-parser';
import { charsetOfContentType, decodeBytes, looksBinary, toIsoDate } from '../ingest/index.js';
import { FeedError } from './errors.js';
import { withoutDoctype } from './safe-xml.js';

export interface FeedItem {
  /** The item's guid or Atom id, else its link: the same item keeps it from poll to poll. */
  key: string;
  /** The article's address, absolute (relative links are resolved against the feed's URL). */
  url: string | null;
  title: string | null;
  /** The publication day as the feed writes it (`YYYY-MM-DD`, in the feed's own time zone). */
  published: string | null;
  /** HTML: the description / Atom summary, and the content:encoded / Atom content. */
  summary: string | null;
  content: string | null;
}

export interface ParsedFeed {
  title: string | null;
  items: FeedItem[];
  /** Items with neither an id nor a link: nothing to fetch and no way to know them again. */
  skipped: number;
  /** What a person should hear: a DOCTYPE ignored, XML read leniently, bytes that did not decode. */
  warnings: string[];
}

type ParserItem = ReturnType<typeof parseFeed>['items'][number];

// The elements a publication date can be in, RSS and Atom, most specific first.
const DATE_ELEMENTS = ['pubdate', 'published', 'issued', 'date', 'updated', 'modified'];

function oneLine(text: string, max = 60): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max)}…` : flat;
}

function absoluteHttpUrl(link: string | null, base: string): string | null {
  if (!link) return null;
  try {
    const url = new URL(link.trim(), base);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

/** The day as written in the item ("Tue, 05 Mar 2024 23:30:00 +0300" is the 5th), else as parsed. */
function publishedDay(item: ParserItem): string | null {
  for (const name of DATE_ELEMENTS) {
    const written = item.element.findElementWithName(name)?.textContent;
    const day = written ? toIsoDate(written) : null;
    if (day) return day;
  }
  const date = item.published ?? item.updated;
  return date ? date.toISOString().slice(0, 10) : null;
}

function toFeedItem(item: ParserItem, base: string): FeedItem | null {
  const url = absoluteHttpUrl(item.url, base);
  const key = item.id?.trim() || url;
  if (!key) return null;
  return { key, url, title: item.title?.trim() || null, published: publishedDay(item), summary: item.description, content: item.content };
}

/** Where the validator first found the XML wrong, as "line 3, column 14: …". */
function xmlFault(xml: string): string | null {
  const result = XMLValidator.validate(xml);
  if (result === true) return null;
  const { line, col, msg } = result.err;
  return `line ${line}${col ? `, column ${col}` : ''}: ${msg}`;
}

// RSS (0.9x, 2.0), RSS 1.0 (rdf:RDF) and Atom start so, after the prolog.
const FEED_ROOT = /^\s*(?:<\?[\s\S]*?\?>\s*|<!--[\s\S]*?-->\s*)*<(?:[\w.-]+:)?(?:rss|feed|RDF)\b/i;

/** The feed's items, or a FeedError saying in one line why there are none to read. */
export function parseFeedBytes(body: Uint8Array, feedUrl: string, contentType: string | null = null, finalUrl = feedUrl): ParsedFeed {
  if (looksBinary(body)) throw new FeedError('not-a-feed', feedUrl, 'binary content, not an RSS or Atom feed');
  const decoded = decodeBytes(body, feedUrl, { charset: charsetOfContentType(contentType) });
  const warnings = [...decoded.warnings];
  const safe = withoutDoctype(decoded.text);
  if (!safe) throw new FeedError('malformed-xml', feedUrl, 'malformed XML: a DOCTYPE declaration that never ends');
  if (safe.declaredEntities) warnings.push(`${feedUrl}: the feed declares XML entities; they were not expanded (its DOCTYPE is ignored)`);
  const fault = xmlFault(safe.xml);
  let feed: ReturnType<typeof parseFeed>;
  try {
    feed = parseFeed(safe.xml);
  } catch (error) {
    if (!FEED_ROOT.test(safe.xml)) {
      const start = oneLine(safe.xml);
      throw new FeedError('not-a-feed', feedUrl, start ? `not an RSS or Atom feed (it starts "${start}")` : 'empty, not an RSS or Atom feed');
    }
    if (fault) throw new FeedError('malformed-xml', feedUrl, `malformed XML at ${fault}`);
    throw new FeedError('not-a-feed', feedUrl, `no RSS or Atom feed in it (${oneLine((error as Error).message, 120)})`);
  }
  const items: FeedItem[] = [];
  let skipped = 0;
  for (const parserItem of feed.items) {
    const item = toFeedItem(parserItem, finalUrl);
    if (item) items.push(item);
    else skipped++;
  }
  if (fault) {
    if (items.length === 0) throw new FeedError('malformed-xml', feedUrl, `malformed XML at ${fault}`);
    warnings.push(`${feedUrl}: malformed XML at ${fault}; read leniently (${items.length} items)`);
  }
  return { title: feed.title?.trim() || null, items, skipped, warnings };
}
