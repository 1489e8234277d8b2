/**
 * Draws the options page's two lists (sites and saved sources) from data. Takes the document as a
 * parameter so it runs in happy-dom tests. All text (including user-added outlets, titles and URLs,
 * which are untrusted) is inserted with textContent; nothing is ever parsed as HTML.
 */
import type { UserArticle } from '../shared/user-articles.ts';

export type Translate = (key: string, substitutions?: string[]) => string;

function element<K extends keyof HTMLElementTagNameMap>(
  doc: Document,
  tag: K,
  className: string,
  text?: string,
): HTMLElementTagNameMap[K] {
  const el = doc.createElement(tag);
  if (className !== '') el.className = className;
  if (text !== undefined) el.textContent = text;
  return el;
}

/** The line a reader recognises a source by: its title, else the start of its text. */
export function describeArticle(article: UserArticle): string {
  if (article.title !== null && article.title !== '') return article.title;
  const start = article.body.replace(/\s+/g, ' ').slice(0, 80);
  return article.body.length > 80 ? `${start}…` : start;
}

function countWords(text: string): number {
  return text.match(/\S+/g)?.length ?? 0;
}

export function renderSources(
  doc: Document,
  list: HTMLElement,
  articles: readonly UserArticle[],
  t: Translate,
  onRemove: (article: UserArticle) => void,
): void {
  list.replaceChildren();
  for (const article of articles) {
    const item = element(doc, 'li', 'source');
    item.dataset.articleId = article.id;
    const main = element(doc, 'div', 'source-main');
    main.append(element(doc, 'p', 'source-title', describeArticle(article)));
    const meta = [article.outlet ?? '', article.published ?? ''].filter((part) => part !== '');
    main.append(element(doc, 'p', 'source-meta', meta.join(' · ')));
    if (article.url !== null) main.append(element(doc, 'p', 'source-url', article.url));
    main.append(
      element(
        doc,
        'p',
        'source-size',
        t('options_sourceWords', [countWords(article.body).toLocaleString('en')]),
      ),
    );
    const remove = element(doc, 'button', 'button-secondary remove', t('options_remove'));
    remove.type = 'button';
    remove.setAttribute('aria-label', t('options_removeSourceLabel', [describeArticle(article)]));
    remove.addEventListener('click', () => onRemove(article));
    item.append(main, remove);
    list.append(item);
  }
}

export function renderSites(
  doc: Document,
  list: HTMLElement,
  sites: readonly string[],
  t: Translate,
  onRemove: (site: string) => void,
): void {
  list.replaceChildren();
  for (const site of sites) {
    const item = element(doc, 'li', 'site');
    item.append(element(doc, 'span', 'site-name', site));
    const remove = element(doc, 'button', 'button-secondary remove', t('options_remove'));
    remove.type = 'button';
    remove.setAttribute('aria-label', t('options_removeSiteLabel', [site]));
    remove.addEventListener('click', () => onRemove(site));
    item.append(remove);
    list.append(item);
  }
}
