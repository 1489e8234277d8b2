/**
 * The popup: the tab's highlighted sentences in page order with their verdicts and sources, a
 * summary or the reason nothing is shown, filters, a search over the whole claim database, the
 * database's facts and the per-site switch. `popup.html?tab=<id>` shows the same view for that
 * tab in a page of its own. Every string from pages or articles is inserted with textContent.
 */
import browser from 'webextension-polyfill';
import type { SentenceMatch, Verdict } from '../engine/types.ts';
import { createOptionsStore } from '../options/options-store.ts';
import { describeMatch, findSharedWords, type SourceView, splitByShared } from '../shared/describe-match.ts';
import { formatDate, t } from '../shared/i18n.ts';
import { type DatabaseInfo, sendFromPopup } from '../shared/messages.ts';
import { isSiteEnabled, parseSettings, SETTINGS_KEY, setSiteEnabled } from '../shared/settings.ts';
import {
  createEmptyReport,
  describeSummary,
  type OwnArticle,
  type ReportEntry,
  summarizeReport,
  type TabReport,
} from '../shared/tab-report.ts';
import { validateNewArticle } from '../shared/user-articles.ts';
import { extractArticle } from './extract-article.ts';

type Filter = 'all' | 'conflicting' | 'corroborated';

const SEARCH_LIMIT = 8;
const SEARCH_DEBOUNCE_MS = 150;
/** How long the popup follows a page that is still being checked, and how often it asks. */
const CHECKING_WAIT_MS = 15_000;
const CHECKING_POLL_MS = 400;

function byId<T extends HTMLElement>(id: string): T {
  const element = document.getElementById(id);
  if (!element) throw new Error(`popup.html lacks #${id}`);
  return element as T;
}

function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  className?: string,
  text?: string,
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  if (className) element.className = className;
  if (text !== undefined) element.textContent = text;
  return element;
}

function localizePage(): void {
  for (const element of document.querySelectorAll<HTMLElement>('[data-i18n]')) {
    element.textContent = t(element.dataset.i18n!);
  }
  byId<HTMLInputElement>('search').placeholder = t('popupSearchPlaceholder');
  document.title = t('extName');
}

async function resolveTabId(): Promise<number | null> {
  const param = new URLSearchParams(location.search).get('tab');
  if (param !== null && /^\d+$/.test(param)) return Number(param);
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id ?? null;
}

function renderQuote(pageSentence: string, quote: string): HTMLQuoteElement {
  const block = el('blockquote');
  const shared = findSharedWords(pageSentence, quote);
  for (const run of splitByShared(quote, shared)) {
    block.append(run.shared ? el('mark', undefined, run.text) : document.createTextNode(run.text));
  }
  return block;
}

function renderSource(pageSentence: string, source: SourceView, conflicting: boolean): HTMLLIElement {
  const item = el('li');
  item.append(el('span', 'outlet', source.outlet));
  if (source.published) item.append(el('span', 'date', formatDate(source.published)));
  if (source.wordedDifferently) item.append(el('span', 'tag', t('cardWordedDifferently')));
  item.append(renderQuote(pageSentence, source.quote));
  if (conflicting) {
    for (const comparison of source.comparisons) {
      const subject = comparison.subject ? ` (${comparison.subject})` : '';
      const text = t('popupComparison', [comparison.page, source.outlet, comparison.source]) + subject;
      item.append(el('p', 'compare', text));
    }
  }
  return item;
}

function renderEntry(entry: ReportEntry, tabId: number, open: boolean): HTMLLIElement {
  const match: SentenceMatch = entry.match;
  const view = describeMatch(match, t('popupUnnamedSource'));
  const item = el('li', 'entry');
  item.dataset.verdict = match.verdict;
  item.dataset.key = entry.key;
  const details = el('details');
  details.open = open;
  const summary = el('summary');
  summary.append(
    el('span', `verdict ${match.verdict}`, t(`verdict_${match.verdict}`)),
    el('span', 'sentence', match.text),
    el(
      'span',
      'counts',
      t('popupEntryCounts', [String(view.corroborating.length), String(view.conflicting.length)]),
    ),
  );
  const body = el('div', 'body');
  for (const [title, sources, conflicting, className] of [
    [t('cardCorroboratedBy'), view.corroborating, false, 'corroborating'],
    [t('cardConflictsWith'), view.conflicting, true, 'conflicting'],
  ] as const) {
    if (sources.length === 0) continue;
    const section = el('section', className);
    section.append(el('h2', undefined, title));
    const list = el('ul', 'sources');
    list.append(...sources.map((source) => renderSource(match.text, source, conflicting)));
    section.append(list);
    body.append(section);
  }
  const reveal = el('button', 'reveal', t('popupShowOnPage'));
  reveal.type = 'button';
  reveal.addEventListener('click', () => {
    void sendFromPopup('reveal-sentence', { tabId, key: entry.key }).then(({ ok }) => {
      if (!ok) reveal.textContent = t('popupShowOnPageFailed');
    });
  });
  body.append(reveal);
  details.append(summary, body);
  item.append(details);
  return item;
}

function describeEmpty(report: TabReport): string | null {
  switch (report.status) {
    case 'unreadable':
      return t('popupEmptyUnreadable');
    case 'site-disabled':
      return t('popupEmptySiteDisabled');
    case 'checking':
      return report.entries.length === 0 ? t('popupEmptyChecking') : null;
    case 'checked':
      return report.entries.length === 0 ? t('popupEmptyNoClaims') : null;
  }
}

function applyFilter(filter: Filter): void {
  for (const item of document.querySelectorAll<HTMLLIElement>('#entries > li')) {
    const verdict = item.dataset.verdict as Verdict;
    item.hidden =
      filter === 'conflicting'
        ? verdict === 'corroborated'
        : filter === 'corroborated'
          ? verdict !== 'corroborated'
          : false;
  }
}

/** Why an outlet is missing from this page's sources: the page is that outlet's article. */
function describeOwnArticle(article: OwnArticle): string {
  const outlet = article.outlet ?? t('popupUnnamedSource');
  return article.title
    ? t('popupOwnArticle', [outlet, article.title])
    : t('popupOwnArticleUntitled', [outlet]);
}

function renderReport(report: TabReport, tabId: number, focusKey: string | null): void {
  const summary = summarizeReport(report);
  byId('summary').textContent = report.entries.length > 0 ? describeSummary(summary, t) : '';
  const own = byId('own-article');
  const ownArticles = report.ownArticles;
  own.hidden = ownArticles.length === 0;
  own.textContent = ownArticles.map(describeOwnArticle).join(' ');
  const empty = byId('empty');
  const reason = describeEmpty(report);
  empty.hidden = reason === null;
  empty.textContent = reason ?? '';
  byId('filters').hidden = report.entries.length === 0;
  const list = byId('entries');
  list.replaceChildren(...report.entries.map((entry) => renderEntry(entry, tabId, entry.key === focusKey)));
  if (focusKey) {
    const focused = list.querySelector<HTMLElement>(`li[data-key="${CSS.escape(focusKey)}"] summary`);
    focused?.scrollIntoView({ block: 'center' });
    focused?.focus();
  }
}

async function setupSiteSwitch(report: TabReport): Promise<void> {
  let hostname = '';
  try {
    const url = new URL(report.url);
    if (url.protocol === 'http:' || url.protocol === 'https:') hostname = url.hostname;
  } catch {
    // No URL: an unreadable page has no switch.
  }
  if (hostname === '') return;
  const stored = await browser.storage.local.get(SETTINGS_KEY);
  const { settings } = parseSettings(stored[SETTINGS_KEY]);
  const input = byId<HTMLInputElement>('site-switch');
  input.checked = isSiteEnabled(settings, hostname);
  byId('site-switch-label').hidden = false;
  input.addEventListener('change', async () => {
    const latest = parseSettings((await browser.storage.local.get(SETTINGS_KEY))[SETTINGS_KEY]).settings;
    await browser.storage.local.set({ [SETTINGS_KEY]: setSiteEnabled(latest, hostname, input.checked) });
  });
}

/** "Add this article to my sources": reader-mode text of the tab's page into the user's sources. */
function setupAddArticle(report: TabReport, tabId: number): void {
  if (!/^https?:/.test(report.url)) return;
  const button = byId<HTMLButtonElement>('add-article');
  const status = byId('add-article-status');
  byId('add-article-section').hidden = false;
  button.addEventListener('click', async () => {
    button.disabled = true;
    status.classList.remove('error');
    status.textContent = t('popupAddArticleWorking');
    try {
      const page = await sendFromPopup('get-page-html', { tabId });
      const input = page.html ? extractArticle(page.html, page.url) : null;
      if (!input) throw new Error(t('popupAddArticleNoText'));
      const store = createOptionsStore(browser.storage.local);
      const { articles } = await store.readArticles();
      const result = validateNewArticle(input, articles);
      if (!result.ok) {
        const localized = browser.i18n.getMessage(
          `options_problem_${result.problem.code}`,
          result.problem.params,
        );
        throw new Error(localized || result.error);
      }
      await store.saveArticles([...articles, result.article]);
      status.textContent = t('popupAddArticleDone', input.title || input.url);
    } catch (error) {
      status.classList.add('error');
      status.textContent = error instanceof Error ? error.message : String(error);
      button.disabled = false;
    }
  });
}

function renderDatabaseInfo(info: DatabaseInfo): void {
  const footer = byId('db-info');
  footer.replaceChildren(
    el(
      'p',
      undefined,
      t('popupDatabaseInfo', [
        String(info.articles),
        String(info.outlets.length),
        String(info.claims),
        info.builtAt ? formatDate(info.builtAt) : '—',
      ]),
    ),
  );
  if (info.outlets.length > 0)
    footer.append(el('p', undefined, t('popupDatabaseOutlets', info.outlets.join(', '))));
  if (info.userArticlesError) footer.append(el('p', 'error', info.userArticlesError));
}

function setupSearch(): void {
  const input = byId<HTMLInputElement>('search');
  const results = byId('search-results');
  let timer: ReturnType<typeof setTimeout> | undefined;
  let generation = 0;
  input.addEventListener('input', () => {
    if (timer !== undefined) clearTimeout(timer);
    timer = setTimeout(async () => {
      const current = ++generation;
      const query = input.value;
      if (query.trim().length < 2) {
        results.replaceChildren();
        return;
      }
      const { results: hits } = await sendFromPopup('search-database', { query, limit: SEARCH_LIMIT });
      if (current !== generation) return;
      if (hits.length === 0) {
        results.replaceChildren(el('li', undefined, t('popupSearchNoResults')));
        return;
      }
      results.replaceChildren(
        ...hits.map((hit) => {
          const item = el('li');
          item.append(el('span', 'outlet', hit.outlet ?? t('popupUnnamedSource')));
          if (hit.published) item.append(el('span', 'date', formatDate(hit.published)));
          item.append(renderQuote(query, hit.text));
          return item;
        }),
      );
    }, SEARCH_DEBOUNCE_MS);
  });
}

async function main(): Promise<void> {
  localizePage();
  setupSearch();
  for (const radio of document.querySelectorAll<HTMLInputElement>('input[name="filter"]')) {
    radio.addEventListener('change', () => applyFilter(radio.value as Filter));
  }
  const tabId = await resolveTabId();
  const focusKey = new URLSearchParams(location.search).get('key');
  const infoPromise = sendFromPopup('get-database-info', {}).then(renderDatabaseInfo);
  if (tabId === null) {
    renderReport(createEmptyReport('unreadable'), 0, null);
  } else {
    let { report } = await sendFromPopup('get-tab-report', { tabId });
    // The page may still be reading: follow it until it has checked (bounded).
    for (
      let waited = 0;
      report.status === 'checking' && waited < CHECKING_WAIT_MS;
      waited += CHECKING_POLL_MS
    ) {
      renderReport(report, tabId, focusKey);
      await new Promise((done) => setTimeout(done, CHECKING_POLL_MS));
      ({ report } = await sendFromPopup('get-tab-report', { tabId }));
    }
    renderReport(report, tabId, focusKey);
    setupAddArticle(report, tabId);
    await setupSiteSwitch(report);
  }
  await infoPromise;
  document.body.dataset.ready = 'true';
}

main().catch((error: unknown) => {
  const empty = byId('empty');
  empty.hidden = false;
  empty.classList.add('error');
  empty.textContent = t('popupLoadFailed', error instanceof Error ? error.message : String(error));
  document.body.dataset.ready = 'error';
});
