/**
 * FEEDS.yaml, the list of feeds `sitrep watch` can be given:
 *
 *     interval: 30m                # default for feeds that give none (else 15m)
 *     feeds:
 *       - url: https://news.example/world/rss.xml
 *         name: Harbor Courier     # the source of its documents when they name none
 *         interval: 10m
 *       - https://wire.example/atom.xml   # a bare URL is a feed with the defaults
 *
 * A top-level list of feeds is accepted too. Every mistake (a key that is not known, a URL that
 * is not http(s), an interval that is not a duration, YAML that does not parse) is one error
 * naming the file and the line, before anything is written to the store.
 */
import { readFileSync } from 'node:fs';
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node } from 'yaml';
import { SitrepError } from '../errors.js';
import type { FeedSpec } from '../store/types.js';
import { DEFAULT_INTERVAL_SECONDS, parseInterval } from './interval.js';

const FEED_KEYS = new Set(['url', 'name', 'interval']);
const TOP_KEYS = new Set(['feeds', 'interval']);

/** A feed URL as stored: absolute http(s), normalised (host in lower case, a path). */
export function normaliseFeedUrl(value: string): string {
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    throw new SitrepError('E_BAD_ARGUMENT', `"${value}" is not a URL`, 'give an absolute http:// or https:// address');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new SitrepError('E_BAD_ARGUMENT', `"${value}" is not an http:// or https:// URL`);
  }
  url.hash = '';
  return url.href;
}

class FileReader {
  private readonly lines = new LineCounter();

  constructor(private readonly path: string) {}

  fail(node: Node | null | undefined, message: string): never {
    const at = node?.range ? `:${this.lines.linePos(node.range[0]).line}` : '';
    throw new SitrepError('E_BAD_ARGUMENT', `${this.path}${at}: ${message}`);
  }

  parse(text: string): FeedSpec[] {
    const doc = parseDocument(text, { lineCounter: this.lines, uniqueKeys: true });
    const first = doc.errors[0];
    if (first) throw new SitrepError('E_BAD_ARGUMENT', `${this.path}:${first.linePos?.[0].line ?? 1}: ${first.message.split('\n')[0]}`);
    const root = doc.contents;
    let list: Node | null = root;
    let defaultInterval = DEFAULT_INTERVAL_SECONDS;
    if (isMap(root)) {
      for (const pair of root.items) {
        const key = isScalar(pair.key) ? String(pair.key.value) : '';
        if (!TOP_KEYS.has(key)) this.fail(pair.key as Node, `unknown key "${key}" (expected feeds, interval)`);
      }
      const interval = root.get('interval', true);
      if (interval !== undefined) defaultInterval = this.interval(interval as Node);
      list = (root.get('feeds', true) as Node | undefined) ?? null;
    }
    if (!isSeq(list)) this.fail(list ?? root, 'expected a list of feeds (under "feeds:")');
    const specs = list.items.map((item) => this.feed(item as Node, defaultInterval));
    const seen = new Map<string, number>();
    specs.forEach((spec, i) => {
      if (seen.has(spec.url)) this.fail(list.items[i] as Node, `${spec.url} is listed twice`);
      seen.set(spec.url, i);
    });
    return specs;
  }

  private interval(node: Node): number {
    const value = isScalar(node) ? String(node.value) : '';
    try {
      return parseInterval(value, 'interval');
    } catch (error) {
      return this.fail(node, (error as SitrepError).toLine());
    }
  }

  private feed(node: Node, defaultInterval: number): FeedSpec {
    if (isScalar(node) && typeof node.value === 'string') return { url: this.url(node), name: null, intervalSeconds: defaultInterval };
    if (!isMap(node)) return this.fail(node, 'a feed is a URL or a map with url, name and interval');
    for (const pair of node.items) {
      const key = isScalar(pair.key) ? String(pair.key.value) : '';
      if (!FEED_KEYS.has(key)) this.fail(pair.key as Node, `unknown key "${key}" (a feed has url, name, interval)`);
    }
    const url = node.get('url', true) as Node | undefined;
    if (!url) return this.fail(node, 'a feed needs a url');
    const name = node.get('name', true) as Node | undefined;
    if (name && !(isScalar(name) && typeof name.value === 'string' && name.value.trim())) this.fail(name, 'name must be text');
    const interval = node.get('interval', true) as Node | undefined;
    return {
      url: this.url(url),
      name: name && isScalar(name) ? String(name.value).trim() : null,
      intervalSeconds: interval ? this.interval(interval) : defaultInterval,
    };
  }

  private url(node: Node): string {
    const value = isScalar(node) ? String(node.value) : '';
    try {
      return normaliseFeedUrl(value);
    } catch (error) {
      return this.fail(node, (error as SitrepError).toLine());
    }
  }
}

/** The feeds a FEEDS.yaml lists, checked; a SitrepError (bad argument) for the first mistake. */
export function parseFeedsFile(text: string, path: string): FeedSpec[] {
  return new FileReader(path).parse(text);
}

export function readFeedsFile(path: string): FeedSpec[] {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new SitrepError(code === 'ENOENT' ? 'E_NOT_FOUND' : 'E_READ', code === 'ENOENT' ? `${path}: no such file` : `cannot read ${path}: ${(error as Error).message}`);
  }
  return parseFeedsFile(text, path);
}
