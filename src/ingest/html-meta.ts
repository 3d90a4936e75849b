/**
 * Article metadata from an HTML page: title, publication date, site name, author and canonical URL,
 * from <meta> tags, JSON-LD and <time datetime>, in the order publishers fill them reliably.
 */
import type { DomDocument } from './dom.js';
import { squashSpaces } from './dom.js';

export interface HtmlMeta {
  title: string | null;
  /** `YYYY-MM-DD` as the publisher wrote it (its local day, not converted to UTC). */
  published: string | null;
  source: string | null;
  /** The byline's names, comma-separated. */
  author: string | null;
  url: string | null;
}

/** Meta keys (property, name or itemprop, lower-cased) that carry the publication time. */
const PUBLISHED_KEYS = [
  'article:published_time', 'og:article:published_time', 'og:published_time', 'datepublished',
  'pubdate', 'publishdate', 'publish-date', 'publish_date', 'publication_date', 'published_time',
  'article.published', 'parsely-pub-date', 'sailthru.date', 'dc.date.issued', 'dcterms.issued',
  'dc.date', 'dcterms.date', 'dcterms.created', 'citation_publication_date', 'date',
];
const TITLE_KEYS = ['og:title', 'twitter:title', 'dc.title', 'headline'];
const SITE_KEYS = ['og:site_name', 'application-name', 'publisher', 'dc.publisher', 'cre', 'site_name'];
const AUTHOR_KEYS = ['author', 'article:author', 'byl', 'parsely-author', 'sailthru.author', 'dc.creator', 'dcterms.creator', 'twitter:creator'];
const ARTICLE_TYPES = /(?:Article|NewsArticle|ReportageNews|BlogPosting|AnalysisNewsArticle|WebPage|LiveBlogPosting)$/;

/** All <meta> tags as key → first content, keyed by property, name or itemprop. */
function metaMap(doc: DomDocument): Map<string, string> {
  const map = new Map<string, string>();
  const metas = doc.querySelectorAll('meta');
  for (let i = 0; i < metas.length; i++) {
    const meta = metas[i]!;
    const content = meta.getAttribute('content');
    if (!content?.trim()) continue;
    for (const attr of ['property', 'name', 'itemprop']) {
      const key = meta.getAttribute(attr)?.trim().toLowerCase();
      if (key && !map.has(key)) map.set(key, content.trim());
    }
  }
  return map;
}

function firstOf(map: Map<string, string>, keys: string[]): string | null {
  for (const key of keys) {
    const value = map.get(key);
    if (value) return value;
  }
  return null;
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

function isoFromParts(year: number, month: number, day: number): string | null {
  if (year < 1900 || year > 2100 || month < 1 || month > 12 || day < 1 || day > 31) return null;
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCDate() !== day) return null;
  return date.toISOString().slice(0, 10);
}

/** A date as `YYYY-MM-DD`, keeping the day as written when the value states one. */
export function toIsoDate(value: string): string | null {
  const iso = /^\s*(\d{4})[-/]?(\d{2})[-/]?(\d{2})(?![\d])/.exec(value);
  if (iso) return isoFromParts(+iso[1]!, +iso[2]!, +iso[3]!);
  const monthWord = '(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\\.?';
  const dayFirst = new RegExp(`(\\d{1,2})\\s+${monthWord},?\\s+(\\d{4})`, 'i').exec(value);
  if (dayFirst) return isoFromParts(+dayFirst[3]!, MONTHS.indexOf(dayFirst[2]!.toLowerCase()) + 1, +dayFirst[1]!);
  const monthFirst = new RegExp(`${monthWord}\\s+(\\d{1,2}),?\\s+(\\d{4})`, 'i').exec(value);
  if (monthFirst) return isoFromParts(+monthFirst[3]!, MONTHS.indexOf(monthFirst[1]!.toLowerCase()) + 1, +monthFirst[2]!);
  return null;
}

/** The JSON-LD objects of the page, flattened out of arrays and @graph. */
function jsonLdObjects(doc: DomDocument): Array<Record<string, unknown>> {
  const found: Array<Record<string, unknown>> = [];
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) value.forEach(visit);
    else if (value && typeof value === 'object') {
      const object = value as Record<string, unknown>;
      found.push(object);
      if (object['@graph']) visit(object['@graph']);
    }
  };
  const scripts = doc.querySelectorAll('script[type="application/ld+json"]');
  for (let i = 0; i < scripts.length; i++) {
    try {
      visit(JSON.parse(scripts[i]!.textContent ?? ''));
    } catch {
      // Broken JSON-LD is common on the web; the other metadata sources still apply.
    }
  }
  return found;
}

function isArticleObject(object: Record<string, unknown>): boolean {
  const types = ([] as unknown[]).concat(object['@type'] ?? []);
  return types.some((type) => typeof type === 'string' && ARTICLE_TYPES.test(type));
}

function stringField(object: Record<string, unknown> | undefined, key: string): string | null {
  const value = object?.[key];
  if (typeof value === 'string' && value.trim()) return value.trim();
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    const inner = value as Record<string, unknown>;
    for (const field of ['name', '@id', 'url']) if (typeof inner[field] === 'string') return inner[field] as string;
  }
  return null;
}

/** "By Jane Doe and Omar Haddad" → "Jane Doe, Omar Haddad"; a profile URL or a handle is no name. */
export function cleanAuthor(value: string | null | undefined): string | null {
  if (!value) return null;
  const name = squashSpaces(value).replace(/^by\s+/i, '').replace(/\s+and\s+/gi, ', ');
  if (!name || /^(?:https?:|www\.|@)/i.test(name) || name.length > 200) return null;
  return name;
}

/** JSON-LD `author`: a name, a Person, or a list of them. */
function jsonLdAuthor(article: Record<string, unknown> | undefined): string | null {
  const authors = ([] as unknown[]).concat(article?.['author'] ?? []);
  const names = authors
    .map((author) => (typeof author === 'string' ? author : stringField({ author }, 'author')))
    .map(cleanAuthor)
    .filter((name): name is string => name !== null);
  return names.length ? [...new Set(names)].join(', ') : null;
}

/** <time datetime>: the one marked as the publication date, else the first one. */
function timeElementDate(doc: DomDocument): string | null {
  const marked = doc.querySelector('time[itemprop="datePublished"][datetime], time[pubdate][datetime]');
  const first = marked ?? doc.querySelector('article time[datetime], header time[datetime], time[datetime]');
  return first?.getAttribute('datetime') ?? null;
}

function canonicalUrl(doc: DomDocument, map: Map<string, string>, article: Record<string, unknown> | undefined, pageUrl?: string): string | null {
  const candidates = [doc.querySelector('link[rel="canonical"]')?.getAttribute('href'), map.get('og:url'), stringField(article, 'url'), pageUrl];
  for (const candidate of candidates) {
    if (!candidate?.trim()) continue;
    try {
      return new URL(candidate.trim(), pageUrl).href;
    } catch {
      // A relative URL without a page URL to resolve it against: try the next source.
    }
  }
  return null;
}

/** What the page says about itself. Read before Readability, which edits the DOM. */
export function readHtmlMeta(doc: DomDocument, pageUrl?: string): HtmlMeta {
  const map = metaMap(doc);
  const article = jsonLdObjects(doc).find(isArticleObject);
  const publishedRaw = [
    map.get('article:published_time'),
    stringField(article, 'datePublished'),
    firstOf(map, PUBLISHED_KEYS),
    timeElementDate(doc),
  ].find((value) => value && toIsoDate(value));
  const titleTag = doc.querySelector('title')?.textContent;
  const title = firstOf(map, TITLE_KEYS) ?? stringField(article, 'headline') ?? (titleTag ? squashSpaces(titleTag) : null);
  const siteName = firstOf(map, SITE_KEYS) ?? stringField(article, 'publisher');
  const author = jsonLdAuthor(article) ?? AUTHOR_KEYS.map((key) => cleanAuthor(map.get(key))).find((name) => name) ?? null;
  return {
    title: title ? squashSpaces(title) : null,
    published: publishedRaw ? toIsoDate(publishedRaw) : null,
    // A publisher given as a URL ("https://facebook.com/...") is not a name.
    source: siteName && !/^https?:/i.test(siteName) ? squashSpaces(siteName) : null,
    author,
    url: canonicalUrl(doc, map, article, pageUrl),
  };
}
