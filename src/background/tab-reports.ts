/**
 * Per-tab page reports, kept in memory and mirrored to storage.session (where the browser has
 * it) so that a stopped MV3 service worker restores them. Session storage is cleared when the
 * browser closes, so page text never outlives the session; content scripts cannot read it.
 */
import browser from 'webextension-polyfill';
import { isTabReport } from '../shared/shape.ts';
import type { TabReport } from '../shared/tab-report.ts';

const SESSION_PREFIX = 'crosscheck:tab-report:';

type SessionArea = browser.Storage.StorageArea | undefined;

function getSessionArea(): SessionArea {
  return (browser.storage as { session?: browser.Storage.StorageArea }).session;
}

export function createTabReports(session: SessionArea = getSessionArea()) {
  const reports = new Map<number, TabReport>();

  return {
    async get(tabId: number): Promise<TabReport | undefined> {
      const cached = reports.get(tabId);
      if (cached || !session) return cached;
      const key = `${SESSION_PREFIX}${tabId}`;
      try {
        const stored = await session.get(key);
        const value = stored[key];
        if (isTabReport(value)) {
          reports.set(tabId, value);
          return value;
        }
      } catch {
        // Session storage unavailable or unreadable: the tab simply has no report yet.
      }
      return undefined;
    },

    async set(tabId: number, report: TabReport): Promise<void> {
      reports.set(tabId, report);
      await session?.set({ [`${SESSION_PREFIX}${tabId}`]: report }).catch(() => undefined);
    },

    async delete(tabId: number): Promise<void> {
      reports.delete(tabId);
      await session?.remove(`${SESSION_PREFIX}${tabId}`).catch(() => undefined);
    },

    /** Tab ids that have a report, including ones only in session storage. */
    async tabIds(): Promise<number[]> {
      const ids = new Set(reports.keys());
      if (session) {
        const all = await session.get(null).catch(() => ({}) as Record<string, unknown>);
        for (const key of Object.keys(all)) {
          if (key.startsWith(SESSION_PREFIX)) ids.add(Number(key.slice(SESSION_PREFIX.length)));
        }
      }
      return [...ids].filter((id) => Number.isInteger(id));
    },
  };
}
