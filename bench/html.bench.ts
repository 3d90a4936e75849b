/**
 * HTML extraction speed (`npm run bench`, third table): pages per second for
 *   (a) a news page to its article text and metadata (charset sniffing, linkedom, Readability,
 *       sitrep's paragraph walk): what `ingest` and `fetch` add over plain text;
 *   (b) a news page to coded events: (a) plus the whole pipeline;
 *   and, for comparison in the same run (the same load on the machine), the plain texts of the
 *   same articles to coded events.
 * Pages are built at run time by wrapping articles (test/fixtures, and shared/real/voa and
 * shared/devset when present) in the news-page template of test/pages (header, navigation, share
 * buttons, promo, caption, related stories, comments, footer: about 6 KB of chrome); each copy is
 * varied (an added paragraph, a shifted date) so no cache can answer it. No shared text is ever
 * written into the project. Options: --pages N (default 500).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { newsPage, type ArticleParts } from '../test/support/news-page.js';
import { percentile, printTable, saveResult, wholeOption, type Row } from './table.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
/**
 * Pages run before each measurement and not counted: the pipeline's code gets compiled over the
 * first hundred-odd articles, and without a warm-up whichever measurement came first looked
 * twice as slow.
 */
const WARM_UP = 100;

function texts(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).filter((f) => f.endsWith('.txt')).sort().map((f) => readFileSync(join(dir, f), 'utf8'));
}

function sharedDir(): string | null {
  const candidates = [process.env.SITREP_SHARED, resolve(ROOT, '..', 'shared'), '/work/shared'];
  return candidates.find((d): d is string => !!d && existsSync(d)) ?? null;
}

/**
 * A plain article as the parts of a page. Its first paragraph is the headline when it reads like
 * one (short, no closing full stop); otherwise it is the lead, and the headline is made of its
 * first words, as the page's title and as the first line of the plain text alike.
 */
function partsOf(text: string, copy: number): ArticleParts {
  const paragraphs = text.split(/\n\s*\n/).map((p) => p.trim()).filter(Boolean);
  const first = paragraphs[0] ?? 'Untitled';
  const isHeadline = first.length <= 150 && !/[.!?]["”’]?$/.test(first);
  const headline = isHeadline ? first : first.split(/\s+/).slice(0, 8).join(' ').replace(/[,;:—–-]+$/, '');
  const body = isHeadline ? paragraphs.slice(1) : paragraphs;
  return {
    promo: 'Sign up for our morning briefing newsletter, delivered to your inbox.',
    headline,
    caption: `Smoke rises over the district on the day of the report. (Photo: Staff/Bench Daily ${copy})`,
    body: [...(body.length ? body : [headline]), `This is copy ${copy} of the story.`],
    commentsNote: "Please let us know if you're having issues with commenting.",
  };
}

function buildPages(count: number): { pages: Buffer[]; plain: Array<{ text: string; published: string }>; bases: number; from: string[] } {
  const shared = sharedDir();
  const groups: Array<[string, string[]]> = [
    ['test/fixtures', texts(join(ROOT, 'test', 'fixtures'))],
    ['shared/real/voa', shared ? texts(join(shared, 'real', 'voa')) : []],
    ['shared/devset', shared ? texts(join(shared, 'devset')) : []],
  ];
  const bases = groups.flatMap(([, files]) => files);
  const from = groups.filter(([, files]) => files.length > 0).map(([label, files]) => `${label} (${files.length})`);
  const pages: Buffer[] = [];
  const plain: Array<{ text: string; published: string }> = [];
  for (let n = 0; pages.length < count + WARM_UP; n++) {
    const published = new Date(Date.UTC(2021, 0, 1 + (n % 365))).toISOString().slice(0, 10);
    const parts = partsOf(bases[n % bases.length]!, n + 1);
    pages.push(Buffer.from(newsPage(parts, { site: 'Bench Daily', published, author: 'Staff', canonical: `https://bench.example/story/${n + 1}` })));
    plain.push({ text: [parts.headline, ...parts.body].join('\n\n'), published });
  }
  return { pages, plain, bases: bases.length, from };
}

/**
 * Pages per second and per-page latency of `work` over the pages after the warm-up ones, and the
 * sum of what `work` counted (characters, events) over those pages.
 */
function measure<T>(pages: T[], work: (page: T, n: number) => number): { rate: number; p50: number; p95: number; counted: number } {
  pages.slice(0, WARM_UP).forEach(work);
  const measured = pages.slice(WARM_UP);
  const times: number[] = [];
  let counted = 0;
  const started = performance.now();
  measured.forEach((page, n) => {
    const t = performance.now();
    counted += work(page, n);
    times.push(performance.now() - t);
  });
  const seconds = (performance.now() - started) / 1000;
  times.sort((a, b) => a - b);
  return { rate: measured.length / seconds, p50: percentile(times, 0.5), p95: percentile(times, 0.95), counted };
}

async function main(): Promise<void> {
  const count = wholeOption(process.argv.slice(2), '--pages', 500);
  const { pages, plain, bases, from } = buildPages(count);
  const { bytesToArticle, textToArticle } = await import('../src/ingest/index.js');
  const { createExtractor } = await import('../src/extract.js');
  const extractor = createExtractor();
  const toText = measure(pages, (page, n) => bytesToArticle(page, `page-${n}.html`).text.length);
  const toEvents = measure(pages, (page, n) => extractor.extractArticle(bytesToArticle(page, `page-${n}.html`)).records.length);
  const fromPlain = measure(plain, ({ text, published }, n) => extractor.extractArticle(textToArticle(text), { name: `text-${n}.txt`, published }).records.length);
  const meanKb = pages.reduce((sum, page) => sum + page.length, 0) / pages.length / 1024;
  const rows: Row[] = [
    { metric: `HTML page -> article text, ${count} pages from ${bases} texts`, value: `${toText.rate.toFixed(0)} pages/s`, target: '', pass: null },
    { metric: 'latency per page p50 / p95', value: `${toText.p50.toFixed(1)} / ${toText.p95.toFixed(1)} ms`, target: '', pass: null },
    { metric: 'HTML page -> events (text + pipeline)', value: `${toEvents.rate.toFixed(0)} pages/s`, target: '', pass: null },
    { metric: 'latency per page p50 / p95', value: `${toEvents.p50.toFixed(1)} / ${toEvents.p95.toFixed(1)} ms`, target: '', pass: null },
    { metric: 'same articles as plain text -> events', value: `${fromPlain.rate.toFixed(0)} articles/s`, target: '', pass: null },
    { metric: 'page size (mean) / article text (mean)', value: `${meanKb.toFixed(1)} KB / ${(toText.counted / count / 1024).toFixed(1)} K chars`, target: '', pass: null },
    { metric: 'events coded: from pages / from plain texts', value: `${toEvents.counted} / ${fromPlain.counted}`, target: '', pass: null },
  ];
  console.log(`pages built from: ${from.join(', ')}`);
  printTable(rows);
  saveResult('html', rows);
}

await main();
