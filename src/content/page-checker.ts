/**
 * The content script's whole job on one page: read the article's sentences, send the ones not
 * sent before to the background for matching, draw the results as CSS highlights, answer the
 * pointer with the hover card, and keep the background's tab report current.
 *
 * Keeps the page cheap: DOM reads run in idle slices (schedule.ts), DOM writes in animation
 * frames, pages over LAZY_PAGE_ELEMENTS are read chunk by chunk as they come near the viewport
 * (so their badge counts only what was read), its own work is totalled in work-meter.ts, rescans
 * after mutations are throttled with a growing back-off, and everything — timers,
 * listeners, observers, the card — is torn down through the one AbortSignal passed in.
 *
 * Text in open shadow roots is read too (collect-text.ts walks the flat tree): each shadow root the
 * walk enters is watched by the same MutationObserver as the document, and the shadow roots that
 * hold highlights adopt the highlight rules (highlight-registry.ts) until they are cleared.
 */

import browser from 'webextension-polyfill';
import { excludeArticles } from '../engine/exclude-articles.ts';
import type { SentenceMatch } from '../engine/types.ts';
import { t } from '../shared/i18n.ts';
import {
  backgroundToContent,
  handleMessages,
  MAX_PAGE_HTML_CHARS,
  sendToBackground,
} from '../shared/messages.ts';
import { isSiteEnabled, parseSettings, SETTINGS_KEY, type Settings } from '../shared/settings.ts';
import {
  createEmptyReport,
  type OwnArticle,
  packReport,
  type TabReport,
  type TabStatus,
} from '../shared/tab-report.ts';
import {
  type CollectedSentence,
  createHiddenTest,
  createSentenceRange,
  findChunks,
  isSkippedChunk,
  splitSegment,
  walkChunk,
} from './collect-text.ts';
import {
  clearHighlights,
  createShadowHighlightStyles,
  drawHighlights,
  findShadowRoot,
  flashRange,
} from './highlight-registry.ts';
import { createHoverCard } from './hover-card.ts';
import { delay, nextFrame, runInSlices } from './schedule.ts';
import { createSentenceKeys } from './sentence-key.ts';
import { serializePage } from './serialize-page.ts';
import { createWorkMeter } from './work-meter.ts';

/** Sentences in the first check-sentences message: small, so the top of the page shows early. */
const FIRST_BATCH_SIZE = 60;
/** Sentences in later messages: large, so a long page costs few messages (shape.ts caps at 500). */
const BATCH_SIZE = 400;
/** At most this many sentences of one page are checked; the rest of a giant page is ignored. */
const MAX_PAGE_SENTENCES = 25_000;
/**
 * Pages with more elements than this are read lazily: only the chunks (collect-text.ts) that come
 * within LAZY_MARGIN of the viewport. A full read costs about 2 ms per 1,000 elements, so smaller
 * pages are read whole and their badge counts every sentence.
 */
const LAZY_PAGE_ELEMENTS = 20_000;
/** How far beyond the viewport (above and below) a chunk is read before it scrolls into view. */
const LAZY_MARGIN = '100% 0px';
/** First wait after a mutation before rescanning; doubles after each quiet rescan. */
const RESCAN_MIN_MS = 1_000;
const RESCAN_MAX_MS = 30_000;
/** Ranges built between checks of the idle slice's time budget. */
const RANGES_PER_TICK = 100;
/** How long the pointer must rest on a highlighted sentence before its card opens. */
const SHOW_DELAY_MS = 180;
/** A rescan that finds at least this many new sentences (infinite scroll, SPA) resets the back-off. */
const RESCAN_RESET_FRESH = 3;
/** What the MutationObserver watches, in the document and in every shadow root the walk enters. */
const OBSERVED_CHANGES: MutationObserverInit = { childList: true, subtree: true, characterData: true };

interface Entry {
  key: string;
  match: SentenceMatch;
  range: Range;
  /** The shadow root the sentence is in, or `null` when it is in the document's own tree. */
  shadowRoot: ShadowRoot | null;
}

function isContextInvalidated(error: unknown): boolean {
  return error instanceof Error && /context invalidated|Receiving end does not exist/i.test(error.message);
}

function isAbort(error: unknown, signal: AbortSignal): boolean {
  return (
    signal.aborted &&
    (error === signal.reason || (error instanceof DOMException && error.name === 'AbortError'))
  );
}

export function startPageChecker(doc: Document, controller: AbortController): void {
  const { signal } = controller;
  const meter = createWorkMeter();
  /** text → match, or null when the background found no match. Survives SPA navigations. */
  const results = new Map<string, SentenceMatch | null>();
  /** Distinct texts of the current page that were checked. */
  const pageTexts = new Set<string>();
  /**
   * Database articles the background found this page reproduces (find-own-articles.ts), by id:
   * sent with every batch so they never count as the page's sources, removed from earlier
   * results, and reported so the popup can say why that outlet is missing.
   */
  const ownArticles = new Map<string, OwnArticle>();
  let collected: CollectedSentence[] = [];
  let entries: Entry[] = [];
  let settings: Settings = parseSettings(undefined).settings;
  let enabled = false;
  let visible = true;
  let status: TabStatus = 'checking';
  let url = location.href;
  let scanning = false;
  let rescanPending = false;
  let rescanTimer: ReturnType<typeof setTimeout> | undefined;
  let backoff = RESCAN_MIN_MS;
  let stepIndex = -1;
  let drawnSignature = '';
  let domChangedSinceDraw = false;
  /** The page's chunks, cached until the DOM changes; one chunk means the page is read whole. */
  let chunks: Element[] | null = null;
  /** Counts DOM changes, so a chunk list made while the page changed is not kept. */
  let domVersion = 0;
  /** True when the last read was of a page read lazily, chunk by chunk. */
  let lazyPage = false;
  /** Chunks of a lazily read page that came near the viewport: read from then on. */
  let nearChunks = new WeakSet<Element>();
  let watchedChunks = new WeakSet<Element>();
  /** False until the chunk observer's first report: until then nothing is known to be near. */
  let chunkObserverReported = false;
  const chunkObserver = new IntersectionObserver(
    (records) =>
      meter.measure('observe', () => {
        let added = false;
        for (const record of records) {
          if (!record.isIntersecting) continue;
          nearChunks.add(record.target);
          chunkObserver.unobserve(record.target);
          added = true;
        }
        if (added || !chunkObserverReported) {
          chunkObserverReported = true;
          void scan();
        }
      }),
    { rootMargin: LAZY_MARGIN },
  );

  // ---- Page changes: the document and every open shadow root the walk reads are watched ----------
  const observer = new MutationObserver((records) =>
    meter.measure('mutations', () => {
      if (records.every((record) => card.contains(record.target))) return;
      domChangedSinceDraw = true;
      chunks = null;
      domVersion += 1;
      if (checkNavigation()) return;
      scheduleRescan();
    }),
  );
  const shadowStyles = createShadowHighlightStyles(doc);
  /** The shadow roots that hold drawn highlights. */
  let highlightedRoots: ShadowRoot[] = [];
  /** Removes every highlight, and the highlight rules from the shadow roots that had them. */
  const clearAllHighlights = (): void => {
    clearHighlights();
    shadowStyles.clear();
    highlightedRoots = [];
  };
  /** Open shadow roots the walk has entered, each watched for changes by `observer`. */
  let watchedRoots = new WeakSet<ShadowRoot>();
  const watchShadowRoot = (shadowRoot: ShadowRoot): void => {
    if (watchedRoots.has(shadowRoot) || signal.aborted) return;
    watchedRoots.add(shadowRoot);
    observer.observe(shadowRoot, OBSERVED_CHANGES);
  };

  const card = createHoverCard(doc, {
    signal,
    onDetails: (key) => void sendToBackground('open-details', { key }).catch(handleError),
  });

  function handleError(error: unknown): void {
    if (isAbort(error, signal)) return;
    if (isContextInvalidated(error)) {
      controller.abort();
      return;
    }
    console.warn('Crosscheck:', error);
  }

  let reportedSignature = '';
  /** Sends the page's state to the background, unless it is unchanged since the last report. */
  const report = (force = false): void => meter.measure('report', () => reportNow(force));
  const reportNow = (force: boolean): void => {
    const signature = `${status}|${url}|${pageTexts.size}|${visible}|${ownArticles.size}|${entries.map((e) => `${e.key}:${e.match.verdict}`).join(',')}`;
    if (!force && signature === reportedSignature) return;
    reportedSignature = signature;
    const body: TabReport = {
      ...createEmptyReport(status, url),
      checked: pageTexts.size,
      entries: entries.map(({ key, match }) => ({ key, match })),
      highlightsVisible: visible,
      ownArticles: [...ownArticles.values()],
    };
    sendToBackground('report-page', { report: packReport(body) }).catch(handleError);
  };

  const shouldDraw = (match: SentenceMatch): boolean =>
    settings.highlightMode === 'all' || match.verdict !== 'corroborated';

  /** Makes the Range of every matched sentence, yielding between groups so idle slices can pause. */
  function* buildEntries(next: Entry[]): Generator<undefined> {
    const matched = collected.filter((sentence) => {
      const match = results.get(sentence.text);
      return match != null && shouldDraw(match);
    });
    const keys = createSentenceKeys(matched.map((sentence) => sentence.text));
    for (let i = 0; i < matched.length; i++) {
      const sentence = matched[i]!;
      const range = createSentenceRange(doc, sentence);
      const match = results.get(sentence.text);
      if (range && match) next.push({ key: keys[i]!, match, range, shadowRoot: findShadowRoot(range) });
      if (i % RANGES_PER_TICK === RANGES_PER_TICK - 1) yield undefined;
    }
  }

  const drawNow = (next: Entry[]): void => {
    entries = next;
    // Re-registering identical highlights would only make the browser repaint a big page again.
    const signature = `${enabled && visible}|${settings.highlightStyle}|${next.map((e) => `${e.key}:${e.match.verdict}`).join(',')}`;
    if (signature === drawnSignature && !domChangedSinceDraw) return;
    drawnSignature = signature;
    domChangedSinceDraw = false;
    if (enabled && visible) {
      drawHighlights(
        entries.map(({ match, range }) => ({ verdict: match.verdict, range })),
        settings.highlightStyle === 'background',
      );
      const roots = new Set<ShadowRoot>();
      for (const entry of entries) if (entry.shadowRoot) roots.add(entry.shadowRoot);
      highlightedRoots = [...roots];
      shadowStyles.apply(roots);
    } else {
      clearAllHighlights();
    }
    if (card.openKey && !entries.some((entry) => entry.key === card.openKey)) card.hide();
  };

  let drawGeneration = 0;
  /**
   * Builds the ranges in idle slices (thousands of matches would otherwise make one long task),
   * then registers them in one animation frame. A draw started later supersedes this one.
   */
  const draw = async (): Promise<void> => {
    const generation = ++drawGeneration;
    const next: Entry[] = [];
    await runInSlices(
      buildEntries(next),
      () => true,
      signal,
      (ms) => meter.add('ranges', ms),
    );
    await nextFrame(signal);
    if (generation !== drawGeneration) return;
    meter.measure('draw', () => drawNow(next));
    report();
  };

  /** Forgets the page's chunks (a new page in a single-page app): all are unread again. */
  function resetChunks(): void {
    chunkObserver.disconnect();
    chunks = null;
    lazyPage = false;
    nearChunks = new WeakSet();
    watchedChunks = new WeakSet();
    chunkObserverReported = false;
  }

  /** The page's chunks in document order; a lazily read page yields only those near the viewport. */
  function* walkPage(root: Element, isHidden: (element: Element) => boolean) {
    let list = chunks;
    if (list === null) {
      const version = domVersion;
      const found: Element[] = [];
      if (root.getElementsByTagName('*').length > LAZY_PAGE_ELEMENTS)
        yield* findChunks(root, isHidden, found);
      else found.push(root);
      list = found;
      // Keep the list only if the page did not change while it was being made.
      if (version === domVersion) chunks = found;
    }
    lazyPage = list.length > 1 || list[0] !== root;
    if (!lazyPage) {
      yield* walkChunk(root, isHidden, watchShadowRoot);
      return;
    }
    let skipped = 0;
    for (const chunk of list) {
      if (nearChunks.has(chunk)) {
        if (!isSkippedChunk(chunk, isHidden)) yield* walkChunk(chunk, isHidden, watchShadowRoot);
      } else if (!watchedChunks.has(chunk)) {
        watchedChunks.add(chunk);
        chunkObserver.observe(chunk);
      }
      // Let the slice runner check its budget while passing thousands of unread chunks.
      if (++skipped % 100 === 0) yield undefined;
    }
  }

  const collect = async (): Promise<CollectedSentence[]> => {
    const found: CollectedSentence[] = [];
    const root = doc.body ?? doc.documentElement;
    const isHidden = createHiddenTest(doc);
    await runInSlices(
      walkPage(root, isHidden),
      (segment) => {
        for (const sentence of splitSegment(segment)) found.push(sentence);
        return found.length < MAX_PAGE_SENTENCES;
      },
      signal,
      (ms) => meter.add('collect', ms),
    );
    return found.slice(0, MAX_PAGE_SENTENCES);
  };

  /** One pass: collect, check what is new, draw. Returns how many new texts were checked. */
  const scanOnce = async (): Promise<number> => {
    collected = await collect();
    // A lazily read page: wait for the observer to say which chunks are near (it rescans then).
    if (lazyPage && !chunkObserverReported) return 0;
    const fresh = meter.measure('scan', () => {
      const freshSet = new Set<string>();
      for (const sentence of collected) {
        pageTexts.add(sentence.text);
        if (!results.has(sentence.text)) freshSet.add(sentence.text);
      }
      return [...freshSet];
    });
    for (let i = 0; i < fresh.length; ) {
      // A small first batch shows the top of the page quickly; later ones amortise messaging.
      const size = i === 0 ? FIRST_BATCH_SIZE : BATCH_SIZE;
      const batch = fresh.slice(i, i + size);
      i += size;
      // Sending clones the batch synchronously; that part is ours to count.
      const { matches, ownArticles: recognised } = await meter.measure('send', () =>
        sendToBackground('check-sentences', { sentences: batch, ownArticles: [...ownArticles.keys()] }),
      );
      meter.measure('scan', () => {
        adoptOwnArticles(recognised);
        for (const text of batch) results.set(text, null);
        for (const match of matches) {
          const text = batch[match.index];
          if (text !== undefined) results.set(text, match);
        }
      });
      // Show early results on long pages, but only when this batch found something.
      if (matches.length > 0 && i < fresh.length) await draw();
    }
    status = 'checked';
    await draw();
    return fresh.length;
  };

  /** Records newly recognised own articles and drops them from the results of earlier batches. */
  const adoptOwnArticles = (articles: readonly OwnArticle[]): void => {
    const fresh = new Set<string>();
    for (const article of articles) {
      if (ownArticles.has(article.id)) continue;
      ownArticles.set(article.id, article);
      fresh.add(article.id);
    }
    if (fresh.size === 0) return;
    for (const [text, match] of results) {
      if (match === null) continue;
      results.set(text, excludeArticles([match], fresh)[0] ?? null);
    }
  };

  /** A new page is not the article the last one reproduced; results cached for it are stale. */
  const forgetOwnArticles = (): void => {
    if (ownArticles.size === 0) return;
    ownArticles.clear();
    results.clear();
  };

  const scan = async (): Promise<void> => {
    if (!enabled) return;
    if (scanning) {
      rescanPending = true;
      return;
    }
    scanning = true;
    try {
      let fresh = 0;
      do {
        rescanPending = false;
        fresh += await scanOnce();
      } while (rescanPending && !signal.aborted);
      backoff = fresh >= RESCAN_RESET_FRESH ? RESCAN_MIN_MS : Math.min(backoff * 2, RESCAN_MAX_MS);
    } catch (error) {
      handleError(error);
    } finally {
      scanning = false;
    }
  };

  const scheduleRescan = (): void => {
    if (!enabled || rescanTimer !== undefined || signal.aborted) return;
    rescanTimer = setTimeout(() => {
      rescanTimer = undefined;
      if (!checkNavigation()) void scan();
    }, backoff);
  };

  /** Resets page state when a single-page app changed the URL. Returns true when it did. */
  function checkNavigation(): boolean {
    const next = location.href;
    if (next === url) return false;
    const sameDocumentFragment = next.split('#')[0] === url.split('#')[0];
    url = next;
    if (sameDocumentFragment) {
      // The background drops a tab's report on navigation, fragment ones included: send it again.
      report(true);
      return false;
    }
    pageTexts.clear();
    forgetOwnArticles();
    collected = [];
    entries = [];
    resetChunks();
    stepIndex = -1;
    card.hide();
    clearAllHighlights();
    drawnSignature = '';
    status = 'checking';
    backoff = RESCAN_MIN_MS;
    report();
    // Give the app a moment to render the new view before reading it.
    delay(300, signal)
      .then(() => scan())
      .catch(handleError);
    return true;
  }

  const applySettings = (raw: unknown): void => {
    settings = parseSettings(raw).settings;
    const nowEnabled = isSiteEnabled(settings, location.hostname);
    if (nowEnabled && !enabled) {
      enabled = true;
      status = 'checking';
      void scan();
    } else if (!nowEnabled) {
      enabled = false;
      status = 'site-disabled';
      entries = [];
      pageTexts.clear();
      card.hide();
      clearAllHighlights();
      drawnSignature = '';
      report();
    } else {
      void draw().catch(handleError);
    }
  };

  // ---- Pointer: hit-test highlighted ranges and show the card ------------------------------
  let pointerFrame = 0;
  let pointer = { x: 0, y: 0 };
  let pendingKey: string | null = null;
  let showTimer: ReturnType<typeof setTimeout> | undefined;
  function cancelPendingShow(): void {
    if (showTimer !== undefined) clearTimeout(showTimer);
    showTimer = undefined;
    pendingKey = null;
  }

  /**
   * The caret position under the pointer. The shadow roots holding highlights are passed along, so
   * a browser that knows the `shadowRoots` option puts the caret inside them rather than at their
   * host; one that does not ignores it, and the rect test in hitTest covers those entries.
   */
  const caretAt = (x: number, y: number): { node: Node; offset: number } | null => {
    const withCaret = doc as Document & {
      caretPositionFromPoint?: (
        x: number,
        y: number,
        options?: { shadowRoots: ShadowRoot[] },
      ) => { offsetNode: Node; offset: number } | null;
    };
    if (typeof withCaret.caretPositionFromPoint === 'function') {
      const shadowRoots = highlightedRoots;
      let position: { offsetNode: Node; offset: number } | null = null;
      try {
        position =
          shadowRoots.length > 0
            ? withCaret.caretPositionFromPoint(x, y, { shadowRoots })
            : withCaret.caretPositionFromPoint(x, y);
      } catch {
        position = withCaret.caretPositionFromPoint(x, y);
      }
      return position ? { node: position.offsetNode, offset: position.offset } : null;
    }
    const range = doc.caretRangeFromPoint?.(x, y);
    return range ? { node: range.startContainer, offset: range.startOffset } : null;
  };

  const rectsContain = (range: Range, x: number, y: number): boolean =>
    Array.from(range.getClientRects()).some(
      (rect) => x >= rect.left - 1 && x <= rect.right + 1 && y >= rect.top - 1 && y <= rect.bottom + 1,
    );

  const hitTest = (x: number, y: number): Entry | null => {
    const caret = caretAt(x, y);
    if (caret) {
      for (const entry of entries) {
        try {
          if (entry.range.isPointInRange(caret.node, caret.offset) && rectsContain(entry.range, x, y))
            return entry;
        } catch {
          // The caret is in another tree; the rect test below covers shadow entries.
        }
      }
    }
    // A caret that did not reach into a shadow root (no `shadowRoots` option, or it stopped at the
    // host): a sentence inside one is under the pointer when one of its line boxes is.
    if (highlightedRoots.length === 0) return null;
    for (const entry of entries) {
      if (entry.shadowRoot && rectsContain(entry.range, x, y)) return entry;
    }
    return null;
  };

  doc.addEventListener(
    'pointermove',
    (event) => {
      if (!enabled || !visible || entries.length === 0) return;
      pointer = { x: event.clientX, y: event.clientY };
      if (card.contains(event.target)) {
        cancelPendingShow();
        card.cancelHide();
        return;
      }
      if (pointerFrame) return;
      pointerFrame = requestAnimationFrame(() => {
        pointerFrame = 0;
        const hit = meter.measure('pointer', () => hitTest(pointer.x, pointer.y));
        if (!hit) {
          cancelPendingShow();
          card.scheduleHide();
          return;
        }
        if (card.openKey === hit.key) {
          cancelPendingShow();
          card.cancelHide();
          return;
        }
        if (card.openKey) card.scheduleHide();
        if (pendingKey === hit.key) return;
        // Open only once the pointer rests on a sentence, so sweeping across the page does not
        // open cards that then cover the sentence the reader was heading for.
        cancelPendingShow();
        pendingKey = hit.key;
        showTimer = setTimeout(() => {
          showTimer = undefined;
          pendingKey = null;
          const again = hitTest(pointer.x, pointer.y);
          if (again && again.key === hit.key) card.show(again, pointer);
        }, SHOW_DELAY_MS);
      });
    },
    { signal, passive: true, capture: true },
  );
  signal.addEventListener('abort', cancelPendingShow);
  doc.addEventListener('pointerleave', () => card.scheduleHide(), { signal, passive: true });

  // ---- Commands from the background ----------------------------------------------------------
  const reveal = async (entry: Entry): Promise<void> => {
    const element = entry.range.startContainer.parentElement;
    element?.scrollIntoView({ block: 'center', inline: 'nearest' });
    await nextFrame(signal);
    flashRange(entry.range);
    const rect = entry.range.getBoundingClientRect();
    card.show(entry, { x: rect.left, y: rect.top });
  };

  const stopMessages = handleMessages('background-to-content', backgroundToContent, {
    'reveal-sentence': async ({ key }) => {
      const index = entries.findIndex((entry) => entry.key === key);
      const entry = entries[index];
      if (!entry) return { ok: false };
      stepIndex = index;
      await reveal(entry);
      return { ok: true };
    },
    'step-highlight': async ({ direction }) => {
      if (entries.length === 0 || !visible) return { ok: false };
      stepIndex = (stepIndex + direction + entries.length) % entries.length;
      await reveal(entries[stepIndex]!);
      return { ok: true };
    },
    'toggle-highlights': async () => {
      visible = !visible;
      if (!visible) card.hide();
      await draw();
      return { visible };
    },
    'get-page-html': () => {
      const html = serializePage(doc);
      return { html: html.length <= MAX_PAGE_HTML_CHARS ? html : '', url: location.href, title: doc.title };
    },
    'show-selection-result': ({ matches }) => {
      const selection = doc.getSelection();
      if (!selection || selection.rangeCount === 0) return { ok: false };
      const range = selection.getRangeAt(0).cloneRange();
      // Several sentences selected: the one with the most sources speaks for the selection.
      const best = [...matches].sort((a, b) => b.sources.length - a.sources.length)[0];
      if (best) card.show({ key: 'selection', match: best, range });
      else card.showMessage(range, t('cardNoMatch'));
      return { ok: true };
    },
    'request-report': () => {
      report(true);
      return { ok: true };
    },
    'recheck-page': async () => {
      // Sources may change while verdicts stay the same, so the next report must go out.
      reportedSignature = '';
      results.clear();
      pageTexts.clear();
      ownArticles.clear();
      void scan();
      return { ok: true };
    },
  });

  // ---- Page changes --------------------------------------------------------------------------
  observer.observe(doc.documentElement, OBSERVED_CHANGES);

  const onUrlChange = () => {
    checkNavigation();
  };
  window.addEventListener('popstate', onUrlChange, { signal });
  window.addEventListener('hashchange', onUrlChange, { signal });
  const navigation = (window as Window & { navigation?: EventTarget }).navigation;
  navigation?.addEventListener('navigatesuccess', onUrlChange, { signal });
  // Back/forward cache: the page comes back with its old state; make sure the badge matches.
  window.addEventListener('pageshow', (event) => event.persisted && report(true), { signal });

  const onStorageChanged = (changes: Record<string, browser.Storage.StorageChange>, area: string) => {
    if (area === 'local' && SETTINGS_KEY in changes) applySettings(changes[SETTINGS_KEY]?.newValue);
  };
  browser.storage.onChanged.addListener(onStorageChanged);

  signal.addEventListener('abort', () => {
    observer.disconnect();
    chunkObserver.disconnect();
    stopMessages();
    browser.storage.onChanged.removeListener(onStorageChanged);
    if (rescanTimer !== undefined) clearTimeout(rescanTimer);
    if (pointerFrame) cancelAnimationFrame(pointerFrame);
    clearAllHighlights();
    watchedRoots = new WeakSet();
  });

  report();
  browser.storage.local
    .get(SETTINGS_KEY)
    .then((stored) => applySettings(stored[SETTINGS_KEY]))
    .catch((error: unknown) => {
      // Unreadable settings: run with the defaults rather than not at all.
      handleError(error);
      applySettings(undefined);
    });
}
