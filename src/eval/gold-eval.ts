/**
 * Runs an extractor over every article of a gold set and scores the result as score.mjs would
 * score the CLI's output of the same articles.
 */
import type { EventRecord } from '../types.js';
import { missingKeys, scoreArticle, summarise, type ArticleScore, type Summary } from './score.js';
import type { ExtractFn, GoldSet } from './types.js';

export interface GoldEvaluation {
  summary: Summary;
  /** "file: message" for each article on which the extractor threw. */
  failures: string[];
  seconds: number;
}

export function evaluateGoldSet(set: GoldSet, extract: ExtractFn): GoldEvaluation {
  const started = performance.now();
  const scores: ArticleScore[] = [];
  const failures: string[] = [];
  let invalid = 0;
  for (const article of set.articles) {
    let preds: EventRecord[] = [];
    try {
      const records = extract({ text: article.text, published: article.published, source: article.source, name: article.file });
      // score.mjs reads the CLI's JSON lines: a round trip through JSON makes the in-process
      // records look exactly like those (undefined keys dropped, NaN as null).
      preds = JSON.parse(JSON.stringify(records)) as EventRecord[];
    } catch (err) {
      failures.push(`${article.file}: ${err instanceof Error ? err.message : String(err)}`);
    }
    invalid += preds.filter((p) => typeof p !== 'object' || p === null || missingKeys(p).length > 0).length;
    scores.push(scoreArticle(article.file, preds, article.events));
  }
  return { summary: summarise(scores, invalid, failures.length), failures, seconds: (performance.now() - started) / 1000 };
}
