/**
 * The extractor: one article in, its coded events out. Resources load once in
 * `createExtractor`; `extract` then runs the default pipeline over each article.
 */
import { createDoc } from './doc.js';
import { createPipeline, type Pipeline } from './pipeline.js';
import { defaultStages, type Resources } from './config.js';
import { htmlToArticle, textToArticle, type Article } from './ingest/index.js';
import { toRecords } from './record/index.js';
import type { ArticleInput, DocMeta, Extraction } from './types.js';

export interface Extractor {
  readonly pipeline: Pipeline;
  /** The loaded gazetteer and dictionaries the stages share (the evaluation harness asks it too). */
  readonly resources: Resources;
  /** Raw text or HTML with what the caller knows about it. */
  extract(input: ArticleInput): Extraction;
  /** An article ingest has already read; `overrides` (from the command line) win over its metadata. */
  extractArticle(article: Article, overrides?: Partial<DocMeta>): Extraction;
}

export function createExtractor(): Extractor {
  const { stages, resources } = defaultStages();
  const pipeline = createPipeline(stages);
  const extractArticle = (article: Article, overrides: Partial<DocMeta> = {}): Extraction => {
    const meta: Partial<DocMeta> = { ...article.meta };
    for (const [key, value] of Object.entries(overrides)) {
      if (value !== undefined && value !== null) Object.assign(meta, { [key]: value });
    }
    if (overrides.published) meta.publishedFrom = 'argument';
    if (overrides.source) meta.sourceFrom = 'argument';
    const doc = createDoc(article.text, meta);
    doc.warnings.push(...article.warnings);
    pipeline.run(doc);
    return { doc, records: toRecords(doc) };
  };
  return {
    pipeline,
    resources,
    extractArticle,
    extract(input: ArticleInput): Extraction {
      const article = input.html ? htmlToArticle(input.text) : textToArticle(input.text);
      return extractArticle(article, { name: input.name ?? '-', published: input.published ?? null, source: input.source ?? null });
    },
  };
}
