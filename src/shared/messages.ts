/**
 * Typed message contracts between the extension's contexts, one map per direction, with
 * `send*` / `handleMessages` helpers in the manner of Hypothesis' PortRPC.
 *
 * Every message travels in an envelope `{ channel, direction, type, payload }`. A handler only
 * answers envelopes for its own direction, only from this extension (sender.id === runtime.id,
 * plus the sender kind the direction expects), and only when the payload passes the contract's
 * shape check. Responses are shape-checked by the sender too, so neither side trusts the other's
 * types blindly. Anything else is ignored (the listener returns undefined, so other listeners
 * in the same context still get their turn).
 */
import browser, { type Runtime } from 'webextension-polyfill';
import type { SentenceMatch } from '../engine/types.ts';
import {
  isArrayOf,
  isFiniteNumber,
  isNonNegativeInteger,
  isNullableString,
  isOwnArticle,
  isRecord,
  isSentenceMatch,
  isString,
  isTabReport,
  isWireTabReport,
  MAX_BATCH_SENTENCES,
  MAX_OWN_ARTICLES,
  MAX_SENTENCE_CHARS,
} from './shape.ts';
import type { OwnArticle, TabReport, WireTabReport } from './tab-report.ts';

export const MESSAGE_CHANNEL = 'crosscheck/v1';

interface Contract<Request, Response> {
  request: Request;
  response: Response;
}

type ContractMap<M> = { [K in keyof M]: Contract<unknown, unknown> };

export interface DatabaseInfo {
  articles: number;
  outlets: string[];
  claims: number;
  facts: number;
  builtAt: string | null;
  userArticles: number;
  /** Why the user's own sources could not be used, or null when they were (or there are none). */
  userArticlesError: string | null;
}

export interface SearchResult {
  claimId: string;
  text: string;
  outlet: string | null;
  published: string | null;
  /** 0..1, higher is closer. */
  score: number;
}

export type Empty = Record<string, never>;

export interface PageHtml {
  html: string;
  url: string;
  title: string;
}

/** Larger pages are not offered as sources (user-articles caps article text at 5 MB anyway). */
export const MAX_PAGE_HTML_CHARS = 10_000_000;

/** Content script → background. */
export interface ContentToBackground {
  /** Match page sentences against the claim database; `matches[i].index` indexes `sentences`. */
  /**
   * `ownArticles`: ids of the articles earlier batches found the page reproduces; the reply
   * describes them with any this batch finds, and leaves them out of the sources.
   */
  'check-sentences': Contract<
    { sentences: string[]; ownArticles?: string[] },
    { matches: SentenceMatch[]; ownArticles: OwnArticle[] }
  >;
  /** The page's current state, replacing any earlier report for this tab. */
  'report-page': Contract<{ report: WireTabReport }, { ok: boolean }>;
  /** The card's "Details" action: open the popup view for this sentence in a tab. */
  'open-details': Contract<{ key: string }, { ok: boolean }>;
}

/** Popup (or the popup page opened in a tab) → background. */
export interface PopupToBackground {
  'get-tab-report': Contract<{ tabId: number }, { report: TabReport }>;
  'get-database-info': Contract<Empty, DatabaseInfo>;
  'search-database': Contract<{ query: string; limit: number }, { results: SearchResult[] }>;
  /** Scroll the tab to the sentence, flash it and open its card. */
  'reveal-sentence': Contract<{ tabId: number; key: string }, { ok: boolean }>;
  /** The tab's page as HTML, for "Add this article to my sources" (empty html when unavailable). */
  'get-page-html': Contract<{ tabId: number }, PageHtml>;
}

/** Background → content script in one tab. */
export interface BackgroundToContent {
  'reveal-sentence': Contract<{ key: string }, { ok: boolean }>;
  'step-highlight': Contract<{ direction: 1 | -1 }, { ok: boolean }>;
  'toggle-highlights': Contract<Empty, { visible: boolean }>;
  /** The database or threshold changed: forget what was sent and check the page again. */
  'recheck-page': Contract<Empty, { ok: boolean }>;
  /** Send the page's report again (the background dropped it on a same-document navigation). */
  'request-report': Contract<Empty, { ok: boolean }>;
  'get-page-html': Contract<Empty, PageHtml>;
  /** Result of "Check selected text": show it in the card next to the current selection. */
  'show-selection-result': Contract<{ matches: SentenceMatch[] }, { ok: boolean }>;
}

export type Direction = 'content-to-background' | 'popup-to-background' | 'background-to-content';

type Guard<T> = (value: unknown) => value is T;
type Validators<M extends ContractMap<M>> = {
  [K in keyof M]: { request: Guard<M[K]['request']>; response: Guard<M[K]['response']> };
};

const isEmpty = (value: unknown): value is Empty => isRecord(value) && Object.keys(value).length === 0;
const isOk = (value: unknown): value is { ok: boolean } => isRecord(value) && typeof value.ok === 'boolean';
const isTabId = (value: unknown): value is number => isNonNegativeInteger(value);
const isKey = (value: unknown): value is string => isString(value, 200) && value.length > 0;
const isSentence = (value: unknown): value is string => isString(value, MAX_SENTENCE_CHARS);

function isSearchResult(value: unknown): value is SearchResult {
  return (
    isRecord(value) &&
    isString(value.claimId) &&
    isString(value.text) &&
    isNullableString(value.outlet) &&
    isNullableString(value.published) &&
    isFiniteNumber(value.score)
  );
}

function isPageHtml(value: unknown): value is PageHtml {
  return (
    isRecord(value) &&
    isString(value.html, MAX_PAGE_HTML_CHARS) &&
    isString(value.url, 10_000) &&
    isString(value.title, 10_000)
  );
}

function isDatabaseInfo(value: unknown): value is DatabaseInfo {
  return (
    isRecord(value) &&
    isNonNegativeInteger(value.articles) &&
    isArrayOf(value.outlets, (o): o is string => typeof o === 'string', 10_000) &&
    isNonNegativeInteger(value.claims) &&
    isNonNegativeInteger(value.facts) &&
    isNullableString(value.builtAt) &&
    isNonNegativeInteger(value.userArticles) &&
    isNullableString(value.userArticlesError)
  );
}

export const contentToBackground: Validators<ContentToBackground> = {
  'check-sentences': {
    request: (v): v is { sentences: string[]; ownArticles?: string[] } =>
      isRecord(v) &&
      isArrayOf(v.sentences, isSentence, MAX_BATCH_SENTENCES) &&
      (v.ownArticles === undefined || isArrayOf(v.ownArticles, isKey, MAX_OWN_ARTICLES)),
    response: (v): v is { matches: SentenceMatch[]; ownArticles: OwnArticle[] } =>
      isRecord(v) &&
      isArrayOf(v.matches, isSentenceMatch, MAX_BATCH_SENTENCES) &&
      isArrayOf(v.ownArticles, isOwnArticle, MAX_OWN_ARTICLES),
  },
  'report-page': {
    request: (v): v is { report: WireTabReport } => isRecord(v) && isWireTabReport(v.report),
    response: isOk,
  },
  'open-details': { request: (v): v is { key: string } => isRecord(v) && isKey(v.key), response: isOk },
};

export const popupToBackground: Validators<PopupToBackground> = {
  'get-tab-report': {
    request: (v): v is { tabId: number } => isRecord(v) && isTabId(v.tabId),
    response: (v): v is { report: TabReport } => isRecord(v) && isTabReport(v.report),
  },
  'get-database-info': { request: isEmpty, response: isDatabaseInfo },
  'search-database': {
    request: (v): v is { query: string; limit: number } =>
      isRecord(v) && isString(v.query, 500) && isNonNegativeInteger(v.limit) && v.limit <= 100,
    response: (v): v is { results: SearchResult[] } =>
      isRecord(v) && isArrayOf(v.results, isSearchResult, 100),
  },
  'reveal-sentence': {
    request: (v): v is { tabId: number; key: string } => isRecord(v) && isTabId(v.tabId) && isKey(v.key),
    response: isOk,
  },
  'get-page-html': {
    request: (v): v is { tabId: number } => isRecord(v) && isTabId(v.tabId),
    response: isPageHtml,
  },
};

export const backgroundToContent: Validators<BackgroundToContent> = {
  'reveal-sentence': { request: (v): v is { key: string } => isRecord(v) && isKey(v.key), response: isOk },
  'step-highlight': {
    request: (v): v is { direction: 1 | -1 } => isRecord(v) && (v.direction === 1 || v.direction === -1),
    response: isOk,
  },
  'toggle-highlights': {
    request: isEmpty,
    response: (v): v is { visible: boolean } => isRecord(v) && typeof v.visible === 'boolean',
  },
  'recheck-page': { request: isEmpty, response: isOk },
  'request-report': { request: isEmpty, response: isOk },
  'get-page-html': { request: isEmpty, response: isPageHtml },
  'show-selection-result': {
    request: (v): v is { matches: SentenceMatch[] } =>
      isRecord(v) && isArrayOf(v.matches, isSentenceMatch, MAX_BATCH_SENTENCES),
    response: isOk,
  },
};

interface Envelope {
  channel: typeof MESSAGE_CHANNEL;
  direction: Direction;
  type: string;
  payload: unknown;
}

function isEnvelope(value: unknown): value is Envelope {
  return (
    isRecord(value) &&
    value.channel === MESSAGE_CHANNEL &&
    typeof value.direction === 'string' &&
    isString(value.type, 100)
  );
}

/** Where a direction's messages may come from. The sender must always be this extension. */
export function isAllowedSender(
  direction: Direction,
  sender: Runtime.MessageSender,
  ownId: string,
  ownOrigin: string,
): boolean {
  if (sender.id !== ownId) return false;
  switch (direction) {
    case 'content-to-background':
      // A content script runs in a web page's tab; extension pages have an extension URL.
      return typeof sender.tab?.id === 'number' && !(sender.url ?? '').startsWith(ownOrigin);
    case 'popup-to-background':
      return (sender.url ?? '').startsWith(ownOrigin);
    case 'background-to-content':
      // Messages from the extension's own contexts arrive without a tab.
      return sender.tab === undefined;
  }
}

export class MessageError extends Error {
  override name = 'MessageError';
}

async function checkResponse<T>(guard: Guard<T>, response: unknown, type: string): Promise<T> {
  if (!guard(response)) throw new MessageError(`Malformed response to ${type}`);
  return response;
}

function createEnvelope(direction: Direction, type: string, payload: unknown): Envelope {
  return { channel: MESSAGE_CHANNEL, direction, type, payload };
}

export async function sendToBackground<K extends keyof ContentToBackground & string>(
  type: K,
  payload: ContentToBackground[K]['request'],
): Promise<ContentToBackground[K]['response']> {
  const response = await browser.runtime.sendMessage(createEnvelope('content-to-background', type, payload));
  return checkResponse(contentToBackground[type].response, response, type);
}

export async function sendFromPopup<K extends keyof PopupToBackground & string>(
  type: K,
  payload: PopupToBackground[K]['request'],
): Promise<PopupToBackground[K]['response']> {
  const response = await browser.runtime.sendMessage(createEnvelope('popup-to-background', type, payload));
  return checkResponse(popupToBackground[type].response, response, type);
}

export async function sendToContent<K extends keyof BackgroundToContent & string>(
  tabId: number,
  type: K,
  payload: BackgroundToContent[K]['request'],
): Promise<BackgroundToContent[K]['response']> {
  const response = await browser.tabs.sendMessage(
    tabId,
    createEnvelope('background-to-content', type, payload),
    {
      frameId: 0,
    },
  );
  return checkResponse(backgroundToContent[type].response, response, type);
}

export type Handlers<M extends ContractMap<M>> = {
  [K in keyof M]: (
    payload: M[K]['request'],
    sender: Runtime.MessageSender,
  ) => Promise<M[K]['response']> | M[K]['response'];
};

/**
 * Answers one direction's messages in this context. Returns a function that stops listening.
 * Invalid envelopes, foreign senders and malformed payloads get no answer; a handler that throws
 * rejects the sender's promise with its message.
 */
export function handleMessages<M extends ContractMap<M>>(
  direction: Direction,
  validators: Validators<M>,
  handlers: Handlers<M>,
): () => void {
  const ownId = browser.runtime.id;
  const ownOrigin = browser.runtime.getURL('');
  const listener = (message: unknown, sender: Runtime.MessageSender): Promise<unknown> | undefined => {
    if (!isEnvelope(message) || message.direction !== direction) return undefined;
    if (!Object.hasOwn(validators, message.type)) return undefined;
    if (!isAllowedSender(direction, sender, ownId, ownOrigin)) return undefined;
    const type = message.type as keyof M & string;
    const contract = validators[type];
    if (!contract.request(message.payload))
      return Promise.reject(new MessageError(`Malformed ${type} request`));
    const handler = handlers[type];
    return Promise.resolve().then(() => handler(message.payload as M[typeof type]['request'], sender));
  };
  browser.runtime.onMessage.addListener(listener);
  return () => browser.runtime.onMessage.removeListener(listener);
}
