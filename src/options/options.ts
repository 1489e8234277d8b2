/**
 * The options page: thin glue between the form controls, the shared settings/user-sources
 * models and extension storage. The background watches the storage keys and rebuilds its
 * database when the sources change, so this page never talks to it directly.
 *
 * Must keep true: a rejected input stays in the form with a message next to it; stored data is
 * re-read before every change so another page's edits are not overwritten; text is set with
 * textContent only.
 */
import browser from 'webextension-polyfill';
import { normalizeSite, SETTINGS_KEY, type Settings, type SiteMode } from '../shared/settings.ts';
import {
  ARTICLE_PROBLEMS,
  type ArticleProblem,
  exportUserArticles,
  importUserArticles,
  MAX_IMPORT_BYTES,
  USER_ARTICLES_KEY,
  type UserArticle,
  validateNewArticle,
} from '../shared/user-articles.ts';
import { FALLBACK_STRINGS } from './fallback-strings.ts';
import { createTranslator, localizeTree } from './localize.ts';
import { createOptionsStore, type LoadedState } from './options-store.ts';
import { describeArticle, renderSites, renderSources } from './render-lists.ts';

const t = createTranslator((key, subs) => browser.i18n.getMessage(key, subs), {
  ...FALLBACK_STRINGS,
  ...Object.fromEntries(
    Object.entries(ARTICLE_PROBLEMS).map(([code, text]) => [`options_problem_${code}`, text]),
  ),
});

/** A refused article or file, in the reader's language. */
function describeProblem(problem: ArticleProblem): string {
  return t(`options_problem_${problem.code}`, problem.params);
}
const store = createOptionsStore(browser.storage.local);

let settings: Settings;
let articles: UserArticle[] = [];

function byId<T extends HTMLElement>(id: string): T {
  const el = document.getElementById(id);
  if (el === null) throw new Error(`options.html is missing #${id}`);
  return el as T;
}

const ui = {
  loadErrors: byId<HTMLDivElement>('load-errors'),
  saveStatus: byId<HTMLParagraphElement>('save-status'),
  siteListHeading: byId<HTMLHeadingElement>('site-list-heading'),
  siteList: byId<HTMLUListElement>('site-list'),
  siteListEmpty: byId<HTMLParagraphElement>('site-list-empty'),
  siteForm: byId<HTMLFormElement>('site-form'),
  siteInput: byId<HTMLInputElement>('site-input'),
  siteError: byId<HTMLParagraphElement>('site-error'),
  articleForm: byId<HTMLFormElement>('article-form'),
  articleText: byId<HTMLTextAreaElement>('article-text'),
  articleOutlet: byId<HTMLInputElement>('article-outlet'),
  articleTitle: byId<HTMLInputElement>('article-title'),
  articleUrl: byId<HTMLInputElement>('article-url'),
  articleDate: byId<HTMLInputElement>('article-date'),
  articleError: byId<HTMLParagraphElement>('article-error'),
  articleAdd: byId<HTMLButtonElement>('article-add'),
  sourcesCount: byId<HTMLParagraphElement>('sources-count'),
  sourcesList: byId<HTMLUListElement>('sources-list'),
  exportButton: byId<HTMLButtonElement>('export-button'),
  importButton: byId<HTMLButtonElement>('import-button'),
  importInput: byId<HTMLInputElement>('import-input'),
  transferStatus: byId<HTMLParagraphElement>('transfer-status'),
};

const SETTING_GROUPS = ['sensitivity', 'highlightMode', 'highlightStyle', 'siteMode'] as const;
type SettingGroup = (typeof SETTING_GROUPS)[number];

function showMessage(target: HTMLElement, text: string | null): void {
  target.textContent = text ?? '';
  target.hidden = text === null || text === '';
}

function describeError(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function renderSettings(): void {
  for (const group of SETTING_GROUPS) {
    for (const input of document.querySelectorAll<HTMLInputElement>(`input[name="${group}"]`)) {
      input.checked = input.value === settings[group];
    }
  }
  renderSiteList();
}

function siteListField(mode: SiteMode): 'disabledSites' | 'enabledSites' {
  return mode === 'only-enabled' ? 'enabledSites' : 'disabledSites';
}

function renderSiteList(): void {
  const onlyEnabled = settings.siteMode === 'only-enabled';
  ui.siteListHeading.textContent = t(
    onlyEnabled ? 'options_enabledSitesHeading' : 'options_disabledSitesHeading',
  );
  const sites = settings[siteListField(settings.siteMode)];
  renderSites(document, ui.siteList, sites, t, (site) => {
    void updateSettings({
      ...settings,
      [siteListField(settings.siteMode)]: sites.filter((entry) => entry !== site),
    });
  });
  ui.siteList.hidden = sites.length === 0;
  showMessage(
    ui.siteListEmpty,
    sites.length === 0 ? t(onlyEnabled ? 'options_enabledSitesEmpty' : 'options_disabledSitesEmpty') : null,
  );
}

function renderArticles(): void {
  renderSources(document, ui.sourcesList, articles, t, (article) => void removeArticle(article));
  ui.sourcesList.hidden = articles.length === 0;
  ui.sourcesCount.textContent =
    articles.length === 0
      ? t('options_sourcesEmpty')
      : articles.length === 1
        ? t('options_sourcesCountOne')
        : t('options_sourcesCount', [String(articles.length)]);
  ui.exportButton.disabled = articles.length === 0;
}

async function updateSettings(next: Settings): Promise<void> {
  const previous = settings;
  settings = next;
  renderSettings();
  try {
    await store.saveSettings(next);
    showMessage(ui.saveStatus, t('options_saved'));
  } catch (error) {
    settings = previous;
    renderSettings();
    showMessage(ui.saveStatus, t('options_saveFailed', [describeError(error)]));
  }
}

function onSettingChange(event: Event): void {
  const input = event.target;
  if (!(input instanceof HTMLInputElement) || input.type !== 'radio') return;
  const group = input.name as SettingGroup;
  if (!SETTING_GROUPS.includes(group)) return;
  void updateSettings({ ...settings, [group]: input.value });
}

function onSiteSubmit(event: SubmitEvent): void {
  event.preventDefault();
  const site = normalizeSite(ui.siteInput.value);
  const field = siteListField(settings.siteMode);
  if (site === null) {
    showMessage(ui.siteError, t('options_siteInvalid'));
    ui.siteInput.setAttribute('aria-invalid', 'true');
    return;
  }
  if (settings[field].includes(site)) {
    showMessage(ui.siteError, t('options_siteDuplicate', [site]));
    ui.siteInput.setAttribute('aria-invalid', 'true');
    return;
  }
  showMessage(ui.siteError, null);
  ui.siteInput.removeAttribute('aria-invalid');
  ui.siteInput.value = '';
  void updateSettings({ ...settings, [field]: [...settings[field], site].sort() });
}

function setArticleError(message: string | null): void {
  showMessage(ui.articleError, message);
  for (const field of [ui.articleText, ui.articleOutlet, ui.articleUrl, ui.articleDate]) {
    if (message === null) field.removeAttribute('aria-invalid');
  }
}

async function onArticleSubmit(event: SubmitEvent): Promise<void> {
  event.preventDefault();
  ui.articleAdd.disabled = true;
  try {
    const fresh = await store.readArticles();
    articles = fresh.articles;
    const result = validateNewArticle(
      {
        text: ui.articleText.value,
        outlet: ui.articleOutlet.value,
        title: ui.articleTitle.value,
        url: ui.articleUrl.value,
        date: ui.articleDate.value,
      },
      articles,
    );
    if (!result.ok) {
      setArticleError(describeProblem(result.problem));
      return;
    }
    const next = [...articles, result.article];
    await store.saveArticles(next);
    articles = next;
    setArticleError(null);
    ui.articleForm.reset();
    renderArticles();
    showMessage(ui.saveStatus, t('options_articleAdded', [describeArticle(result.article)]));
  } catch (error) {
    setArticleError(t('options_saveFailed', [describeError(error)]));
  } finally {
    ui.articleAdd.disabled = false;
  }
}

async function removeArticle(article: UserArticle): Promise<void> {
  try {
    const fresh = await store.readArticles();
    const next = fresh.articles.filter((a) => a.id !== article.id);
    await store.saveArticles(next);
    articles = next;
    renderArticles();
    showMessage(ui.saveStatus, t('options_articleRemoved', [describeArticle(article)]));
    ui.sourcesList.querySelector<HTMLButtonElement>('button')?.focus();
  } catch (error) {
    showMessage(ui.saveStatus, t('options_saveFailed', [describeError(error)]));
  }
}

function onExport(): void {
  const fileName = `crosscheck-sources-${new Date().toISOString().slice(0, 10)}.json`;
  const blob = new Blob([exportUserArticles(articles)], { type: 'application/json' });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  showMessage(ui.transferStatus, t('options_exported', [String(articles.length), fileName]));
}

async function onImportFile(): Promise<void> {
  const file = ui.importInput.files?.[0];
  ui.importInput.value = '';
  if (file === undefined) return;
  if (file.size > MAX_IMPORT_BYTES) {
    showMessage(
      ui.transferStatus,
      t('options_importFailed', [describeProblem({ code: 'importTooLarge', params: [] })]),
    );
    return;
  }
  let text: string;
  try {
    text = await file.text();
  } catch {
    showMessage(ui.transferStatus, t('options_importFailed', [t('options_importReadFailed')]));
    return;
  }
  try {
    const fresh = await store.readArticles();
    const result = importUserArticles(text, fresh.articles);
    if (!result.ok) {
      const reason = result.refusal === null ? (result.error ?? '') : describeProblem(result.refusal);
      showMessage(ui.transferStatus, t('options_importFailed', [reason]));
      return;
    }
    if (result.added > 0) await store.saveArticles(result.articles);
    articles = result.articles;
    renderArticles();
    const summary = t('options_importDone', [String(result.added), String(result.skipped)]);
    const details = result.skippedEntries
      .slice(0, 3)
      .map((entry) =>
        t('options_importSkippedEntry', [String(entry.index + 1), describeProblem(entry.problem)]),
      );
    if (result.skippedEntries.length > 3) details.push('…');
    showMessage(ui.transferStatus, [summary, ...details].join(' '));
  } catch (error) {
    showMessage(ui.transferStatus, t('options_saveFailed', [describeError(error)]));
  }
}

/** Says, in the reader's language, what stored data could not be read and what happened to it. */
function showLoadErrors(state: LoadedState): void {
  const messages: string[] = [];
  if (state.readError !== null) messages.push(t('options_loadReadFailed', [state.readError]));
  if (state.settings.unreadable) messages.push(t('options_loadSettingsUnreadable'));
  else if (state.settings.resetFields.length > 0) {
    messages.push(t('options_loadSettingsReset', [state.settings.resetFields.join(', ')]));
  }
  if (state.articles.unreadable) messages.push(t('options_loadSourcesUnreadable'));
  else if (state.articles.skipped === 1) messages.push(t('options_loadSourcesSkippedOne'));
  else if (state.articles.skipped > 1) {
    messages.push(t('options_loadSourcesSkipped', [String(state.articles.skipped)]));
  }
  ui.loadErrors.replaceChildren();
  for (const message of messages) {
    const p = document.createElement('p');
    p.textContent = message;
    ui.loadErrors.append(p);
  }
  ui.loadErrors.hidden = messages.length === 0;
}

async function reload(): Promise<void> {
  const state = await store.load();
  settings = state.settings.settings;
  articles = state.articles.articles;
  showLoadErrors(state);
  renderSettings();
  renderArticles();
}

async function start(): Promise<void> {
  localizeTree(document, (key) => browser.i18n.getMessage(key));
  document.documentElement.lang = browser.i18n.getUILanguage();
  await reload();
  document.addEventListener('change', onSettingChange);
  ui.siteForm.addEventListener('submit', onSiteSubmit);
  ui.articleForm.addEventListener('submit', (event) => void onArticleSubmit(event));
  ui.exportButton.addEventListener('click', onExport);
  ui.importButton.addEventListener('click', () => ui.importInput.click());
  ui.importInput.addEventListener('change', () => void onImportFile());
  browser.storage.onChanged.addListener((changes, area) => {
    if (area !== 'local') return;
    if (SETTINGS_KEY in changes || USER_ARTICLES_KEY in changes) void reload();
  });
  document.body.dataset.ready = 'true';
}

void start();
