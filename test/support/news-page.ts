/**
 * Wraps a plain-text article in a realistic news page (test/pages/news-page.html.tmpl): site
 * header and navigation, share buttons, the promo inside the body, a figure caption, related
 * stories, comments and a footer. The plain text is laid out the way a copied page reads:
 * promo, headline, photo caption, the body paragraphs, and the comments note last, each
 * paragraph separated by a blank line.
 */
import { readFileSync } from 'node:fs';

const template = readFileSync(new URL('../pages/news-page.html.tmpl', import.meta.url), 'utf8');

export interface PageFacts {
  site: string;
  /** YYYY-MM-DD */
  published: string;
  author: string;
  canonical: string;
  /**
   * Where the photo caption goes: in the figure's <figcaption> (dropped with the page chrome), or
   * as a paragraph of the body after the picture, as many sites print it (Readability keeps it,
   * and the clean stage must mark it).
   */
  captionAs?: 'figcaption' | 'paragraph';
}

/** The parts of a plain-text article laid out as promo, headline, caption, body…, comments note. */
export interface ArticleParts {
  promo: string;
  headline: string;
  caption: string;
  body: string[];
  commentsNote: string;
}

const escapeHtml = (text: string): string =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Splits the plain text into its parts; refuses a text that is not laid out that way. */
export function articleParts(text: string): ArticleParts {
  const paragraphs = text.split(/\n\s*\n/).map((p) => p.trim()).filter(Boolean);
  if (paragraphs.length < 6) throw new Error(`expected promo, headline, caption, body and comments note; got ${paragraphs.length} paragraphs`);
  const [promo, headline, caption, ...rest] = paragraphs as [string, string, string, ...string[]];
  const commentsNote = rest.pop()!;
  return { promo, headline, caption, body: rest, commentsNote };
}

/** The article as a whole news page. */
export function newsPage(parts: ArticleParts, facts: PageFacts): string {
  const values: Record<string, string> = {
    site: escapeHtml(facts.site),
    headline: escapeHtml(parts.headline),
    description: escapeHtml(parts.body[0]!.slice(0, 150)),
    author: escapeHtml(facts.author),
    canonical: escapeHtml(facts.canonical),
    published: facts.published,
    year: facts.published.slice(0, 4),
    promo: escapeHtml(parts.promo),
    figcaption: facts.captionAs === 'paragraph' ? '' : escapeHtml(parts.caption),
    caption_paragraph: facts.captionAs === 'paragraph' ? `        <p class="photo-caption"><em>${escapeHtml(parts.caption)}</em></p>` : '',
    comments_note: escapeHtml(parts.commentsNote),
    body: parts.body.map((p) => `        <p>${escapeHtml(p)}</p>`).join('\n'),
  };
  return template.replace(/\{\{(\w+)\}\}/g, (_, key: string) => {
    const value = values[key];
    if (value === undefined) throw new Error(`news-page template: no value for {{${key}}}`);
    return value;
  });
}
