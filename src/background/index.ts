/**
 * The background service worker: holds the claim database and matcher once for all tabs,
 * answers the content scripts' and popup's typed messages, keeps each tab's report (restorable
 * after the worker is stopped), and keeps the toolbar badge in step with it. All listeners are
 * registered synchronously at start-up, as MV3 requires.
 */
import browser from 'webextension-polyfill';
import bundledRaw from '../../generated/claim-db.json';
import { MATCH_THRESHOLD } from '../engine/find-matching-claims.ts';
import { t } from '../shared/i18n.ts';
import { contentToBackground, handleMessages, popupToBackground, sendToContent } from '../shared/messages.ts';
import { parseSettings, SETTINGS_KEY, thresholdFor } from '../shared/settings.ts';
import { createEmptyReport, type TabReport, unpackReport } from '../shared/tab-report.ts';
import { parseUserArticles, USER_ARTICLES_KEY } from '../shared/user-articles.ts';
import { computeBadge } from './badge.ts';
import { checkSelection } from './check-selection.ts';
import { type ClaimEngine, createClaimEngine, loadBundledDatabase } from './claim-engine.ts';
import { createTabReports } from './tab-reports.ts';

export const POPUP_PATH = 'src/popup/popup.html';

const reports = createTabReports();
let enginePromise: Promise<ClaimEngine> | null = null;

async function createEngine(): Promise<ClaimEngine> {
  const stored = await browser.storage.local
    .get([SETTINGS_KEY, USER_ARTICLES_KEY])
    .catch(() => ({}) as Record<string, unknown>);
  const { settings } = parseSettings(stored[SETTINGS_KEY]);
  const { articles, error } = parseUserArticles(stored[USER_ARTICLES_KEY]);
  return createClaimEngine({
    bundled: loadBundledDatabase(bundledRaw),
    userArticles: articles,
    userArticlesError: error,
    threshold: thresholdFor(settings.sensitivity, MATCH_THRESHOLD),
  });
}

function getEngine(): Promise<ClaimEngine> {
  enginePromise ??= createEngine().catch((error: unknown) => {
    enginePromise = null;
    throw error;
  });
  return enginePromise;
}

async function updateBadge(tabId: number, report: TabReport | undefined): Promise<void> {
  const badge = computeBadge(report, t);
  try {
    await browser.action.setBadgeText({ tabId, text: badge.text });
    await browser.action.setTitle({ tabId, title: badge.title });
    if (badge.text !== '') {
      await browser.action.setBadgeBackgroundColor({ tabId, color: badge.color });
      await browser.action.setBadgeTextColor?.({ tabId, color: '#FFFFFF' });
    }
  } catch {
    // The tab closed while we were updating it.
  }
}

async function clearTab(tabId: number): Promise<void> {
  await reports.delete(tabId);
  await updateBadge(tabId, undefined);
}

/** Tells every tab with a report to check its page again (new database or threshold). */
async function recheckAllTabs(): Promise<void> {
  for (const tabId of await reports.tabIds()) {
    sendToContent(tabId, 'recheck-page', {}).catch(() => clearTab(tabId));
  }
}

handleMessages('content-to-background', contentToBackground, {
  'check-sentences': async ({ sentences, ownArticles }, sender) => {
    const engine = await getEngine();
    return engine.match(sentences, sender.url, ownArticles);
  },
  'report-page': async ({ report }, sender) => {
    const tabId = sender.tab?.id;
    if (tabId === undefined || sender.frameId !== 0) return { ok: false };
    const unpacked = unpackReport(report);
    await reports.set(tabId, unpacked);
    await updateBadge(tabId, unpacked);
    return { ok: true };
  },
  'open-details': async ({ key }, sender) => {
    const tab = sender.tab;
    if (tab?.id === undefined) return { ok: false };
    const url = browser.runtime.getURL(`${POPUP_PATH}?tab=${tab.id}&key=${encodeURIComponent(key)}`);
    await browser.tabs.create({ url, index: tab.index + 1, openerTabId: tab.id });
    return { ok: true };
  },
});

handleMessages('popup-to-background', popupToBackground, {
  'get-tab-report': async ({ tabId }) => ({
    report: (await reports.get(tabId)) ?? createEmptyReport('unreadable'),
  }),
  'get-database-info': async () => (await getEngine()).info(),
  'search-database': async ({ query, limit }) => ({ results: (await getEngine()).search(query, limit) }),
  'get-page-html': async ({ tabId }) =>
    sendToContent(tabId, 'get-page-html', {}).catch(() => ({ html: '', url: '', title: '' })),
  'reveal-sentence': async ({ tabId, key }, sender) => {
    if (sender.tab?.id !== undefined && sender.tab.id !== tabId) {
      // The popup view is open in a tab of its own: bring the page forward first.
      await browser.tabs.update(tabId, { active: true }).catch(() => undefined);
    }
    return sendToContent(tabId, 'reveal-sentence', { key }).catch(() => ({ ok: false }));
  },
});

browser.tabs.onRemoved.addListener((tabId) => {
  void reports.delete(tabId);
});

browser.tabs.onUpdated.addListener((tabId, changeInfo) => {
  if (changeInfo.status === 'loading') {
    void clearTab(tabId);
  } else if (changeInfo.status === 'complete') {
    // After a same-document navigation the content script is still there: ask it to re-report.
    void reports.get(tabId).then((report) => {
      if (!report) sendToContent(tabId, 'request-report', {}).catch(() => undefined);
    });
  }
});

browser.storage.onChanged.addListener((changes, area) => {
  if (area !== 'local') return;
  const settingsChange = changes[SETTINGS_KEY];
  const sensitivityChanged =
    settingsChange !== undefined &&
    parseSettings(settingsChange.oldValue).settings.sensitivity !==
      parseSettings(settingsChange.newValue).settings.sensitivity;
  if (USER_ARTICLES_KEY in changes || sensitivityChanged) {
    enginePromise = null;
    void recheckAllTabs();
  }
});

const CHECK_SELECTION_MENU = 'crosscheck-check-selection';

browser.runtime.onInstalled.addListener(() => {
  browser.contextMenus?.create({
    id: CHECK_SELECTION_MENU,
    title: t('contextMenuCheckSelection'),
    contexts: ['selection'],
  });
});

browser.contextMenus?.onClicked.addListener(async (info, tab) => {
  if (info.menuItemId !== CHECK_SELECTION_MENU || tab?.id === undefined || !info.selectionText) return;
  const matches = checkSelection(
    await getEngine(),
    info.selectionText,
    info.pageUrl,
    await reports.get(tab.id),
  );
  await sendToContent(tab.id, 'show-selection-result', { matches }).catch(() => undefined);
});

browser.commands?.onCommand.addListener(async (command) => {
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  if (tab?.id === undefined) return;
  const send =
    command === 'next-highlight'
      ? sendToContent(tab.id, 'step-highlight', { direction: 1 })
      : command === 'previous-highlight'
        ? sendToContent(tab.id, 'step-highlight', { direction: -1 })
        : command === 'toggle-highlights'
          ? sendToContent(tab.id, 'toggle-highlights', {})
          : undefined;
  await send?.catch(() => undefined);
});

// Warm the matcher so the first page does not wait for it.
void getEngine().catch((error: unknown) => console.error('Crosscheck: claim engine failed to start', error));
