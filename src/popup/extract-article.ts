/**
 * Reader-mode extraction for "Add this article to my sources": parses the page's HTML inertly
 * (DOMParser runs no scripts and loads nothing) and lets Readability find the article, then
 * shapes it as the options page's NewArticleInput so the same validation applies. Open shadow
 * roots arrive as declarative shadow templates and are flattened first (flatten-shadow-templates.ts),
 * so an article rendered inside web components is read as the page shows it.
 */
import { Readability } from '@mozilla/readability';
import type { NewArticleInput } from '../shared/user-articles.ts';
import { flattenShadowTemplates } from './flatten-shadow-templates.ts';

/** Less text than this is a page fragment (a menu, a teaser), not an article worth keeping. */
const MIN_ARTICLE_CHARS = 200;

/** YYYY-MM-DD from an ISO-like timestamp, or '' when there is none. */
function toDate(value: string | null | undefined): string {
  const found = value?.match(/^(\d{4}-\d{2}-\d{2})/);
  return found?.[1] ?? '';
}

/** The article in `html`, or null when Readability finds no article text. */
export function extractArticle(
  html: string,
  url: string,
  parser: DOMParser = new DOMParser(),
): NewArticleInput | null {
  const doc = parser.parseFromString(html, 'text/html');
  flattenShadowTemplates(doc);
  // Relative links resolve against the page, not the extension.
  const base = doc.createElement('base');
  base.href = url;
  doc.head.prepend(base);
  const article = new Readability(doc).parse();
  const text =
    article?.textContent
      ?.replace(/[ \t]+\n/g, '\n')
      .replace(/\n{3,}/g, '\n\n')
      .trim() ?? '';
  if (!article || text.length < MIN_ARTICLE_CHARS) return null;
  let host = '';
  try {
    host = new URL(url).hostname.replace(/^www\./, '');
  } catch {
    // Keep the outlet empty rather than invent one.
  }
  return {
    text,
    outlet: article.siteName?.trim() || host,
    title: article.title?.trim() ?? '',
    url,
    date: toDate(article.publishedTime),
  };
}
