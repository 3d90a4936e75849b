/**
 * The little of the DOM that ingest uses, typed structurally (the project compiles without
 * the DOM lib), and the walk that turns an element into paragraphs of text.
 */
import { createRequire } from 'node:module';

/**
 * linkedom (and Readability, in html.ts) load on the first HTML page, not at start-up: most runs
 * read plain text, and loading them costs about a tenth of a second.
 */
const load = createRequire(import.meta.url);
export const lazyModule = <T>(name: string): (() => T) => {
  let module: T | null = null;
  return () => (module ??= load(name) as T);
};
const linkedom = lazyModule<typeof import('linkedom')>('linkedom');

export interface DomNode {
  nodeType: number;
  nodeName: string;
  textContent: string | null;
  childNodes: ArrayLike<DomNode>;
  getAttribute?(name: string): string | null;
}

export interface DomElement extends DomNode {
  getAttribute(name: string): string | null;
  querySelector(selector: string): DomElement | null;
  querySelectorAll(selector: string): ArrayLike<DomElement>;
  remove(): void;
}

export interface DomDocument {
  documentElement: DomElement | null;
  body: DomElement | null;
  querySelector(selector: string): DomElement | null;
  querySelectorAll(selector: string): ArrayLike<DomElement>;
}

const TEXT_NODE = 3;
const ELEMENT_NODE = 1;

/** Parses HTML; a bare fragment ("<p>…</p>") is wrapped so it gets a body. */
export function parseDocument(html: string): DomDocument {
  const full = /<html[\s>]/i.test(html) ? html : `<!doctype html><html><head></head><body>${html}</body></html>`;
  return linkedom().parseHTML(full).document as unknown as DomDocument;
}

/** Elements whose text never belongs to the article (captions included: they are not prose). */
const DROPPED = new Set([
  'SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'SVG', 'IFRAME', 'FORM', 'BUTTON', 'SELECT',
  'TEXTAREA', 'INPUT', 'NAV', 'FIGCAPTION', 'HEAD', 'TITLE', 'META', 'LINK', 'OBJECT', 'CANVAS',
]);

/** Elements that start and end a paragraph. */
const BLOCKS = new Set([
  'P', 'DIV', 'SECTION', 'ARTICLE', 'MAIN', 'HEADER', 'FOOTER', 'ASIDE', 'H1', 'H2', 'H3', 'H4',
  'H5', 'H6', 'LI', 'UL', 'OL', 'DL', 'DT', 'DD', 'BLOCKQUOTE', 'PRE', 'FIGURE', 'TABLE', 'TR',
  'TD', 'TH', 'THEAD', 'TBODY', 'ADDRESS', 'HR', 'BR', 'BODY', 'HTML',
]);

/** Collapses runs of whitespace (NBSP included) inside one paragraph. */
export function squashSpaces(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/**
 * The paragraphs of an element, in document order: block elements and <br> break
 * paragraphs; whitespace inside a paragraph is collapsed; empty paragraphs vanish.
 */
export function blockTexts(root: DomNode): string[] {
  const paragraphs: string[] = [];
  let current = '';
  const flush = (): void => {
    const squashed = squashSpaces(current);
    if (squashed) paragraphs.push(squashed);
    current = '';
  };
  const walk = (node: DomNode): void => {
    if (node.nodeType === TEXT_NODE) {
      current += node.textContent ?? '';
      return;
    }
    if (node.nodeType !== ELEMENT_NODE && node.nodeType !== 9 && node.nodeType !== 11) return;
    const tag = node.nodeName.toUpperCase();
    const hidden = node.getAttribute ? node.getAttribute('hidden') !== null : false;
    if (DROPPED.has(tag) || hidden) return;
    const isBlock = BLOCKS.has(tag);
    if (isBlock) flush();
    const children = node.childNodes;
    for (let i = 0; i < children.length; i++) walk(children[i]!);
    if (isBlock) flush();
  };
  walk(root);
  flush();
  return paragraphs;
}
