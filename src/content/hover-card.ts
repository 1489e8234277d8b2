/**
 * The hover card: one host element appended to <html> (the only DOM change Crosscheck ever
 * makes to a page), with the card in a shadow root so page styles cannot reach it. It opens
 * next to a highlighted sentence, stays inside the viewport, follows scrolling, and closes on
 * Escape or when the pointer leaves both the sentence and the card (after a short grace period,
 * so moving from the sentence onto the card does not flicker). All text is set with textContent.
 */
import type { SentenceMatch } from '../engine/types.ts';
import { describeMatch, type SourceView } from '../shared/describe-match.ts';
import { formatDate, t } from '../shared/i18n.ts';
import { CARD_CSS } from './card-styles.ts';
import { OWN_UI_ATTRIBUTE } from './collect-text.ts';

export interface CardTarget {
  key: string;
  match: SentenceMatch;
  range: Range;
}

export interface HoverCard {
  show(target: CardTarget, pointer?: { x: number; y: number }): void;
  /** Shows a short message (e.g. "no source says this") next to `range`. */
  showMessage(range: Range, message: string): void;
  /** Closes after the grace period unless the pointer comes back. */
  scheduleHide(): void;
  cancelHide(): void;
  hide(): void;
  readonly openKey: string | null;
  /** True when `node` is inside the card's host. */
  contains(node: EventTarget | null): boolean;
}

/** Time the pointer may spend between sentence and card before the card closes. */
const HIDE_GRACE_MS = 250;
/** Gap between the sentence and the card, and the card and the viewport edge. */
const GAP_PX = 8;
/**
 * The least height a card is squeezed to so that it stays off the line it describes (it scrolls
 * inside); with less room on both sides than this, it may cover the line rather than shrink further.
 */
const MIN_CARD_HEIGHT_PX = 96;

const VERDICT_MARKS = { corroborated: '\u2713', conflicting: '\u2715', mixed: '\u25D0' } as const;

function createElement<K extends keyof HTMLElementTagNameMap>(
  doc: Document,
  tag: K,
  className?: string,
  text?: string,
): HTMLElementTagNameMap[K] {
  const element = doc.createElement(tag);
  if (className) element.className = className;
  if (text !== undefined) element.textContent = text;
  return element;
}

function renderSource(doc: Document, source: SourceView): HTMLLIElement {
  const item = createElement(doc, 'li');
  item.append(createElement(doc, 'span', 'outlet', source.outlet));
  if (source.published) item.append(createElement(doc, 'span', 'date', formatDate(source.published)));
  if (source.wordedDifferently) item.append(createElement(doc, 'span', 'tag', t('cardWordedDifferently')));
  item.append(createElement(doc, 'blockquote', undefined, source.quote));
  for (const detail of source.details) item.append(createElement(doc, 'p', 'detail', detail));
  return item;
}

function renderSection(
  doc: Document,
  className: string,
  title: string,
  sources: SourceView[],
): HTMLElement | null {
  if (sources.length === 0) return null;
  const section = createElement(doc, 'section', className);
  section.append(createElement(doc, 'h3', undefined, title));
  const list = createElement(doc, 'ul');
  list.append(...sources.map((source) => renderSource(doc, source)));
  section.append(list);
  return section;
}

function applyStyles(doc: Document, root: ShadowRoot): void {
  const View = doc.defaultView;
  try {
    if (View && 'CSSStyleSheet' in View && 'adoptedStyleSheets' in root) {
      const sheet = new View.CSSStyleSheet();
      sheet.replaceSync(CARD_CSS);
      root.adoptedStyleSheets = [sheet];
      return;
    }
  } catch {
    // Fall through to a <style> element inside our own shadow root.
  }
  root.append(createElement(doc, 'style', undefined, CARD_CSS));
}

/** The client rect of the range nearest the pointer (or the first line when there is none). */
function pickAnchorRect(range: Range, pointer?: { x: number; y: number }): DOMRect | null {
  const rects = Array.from(range.getClientRects()).filter((rect) => rect.width > 0 && rect.height > 0);
  if (rects.length === 0) return null;
  if (!pointer) return rects[0]!;
  let best = rects[0]!;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const rect of rects) {
    const dy =
      pointer.y < rect.top ? rect.top - pointer.y : pointer.y > rect.bottom ? pointer.y - rect.bottom : 0;
    const dx =
      pointer.x < rect.left ? rect.left - pointer.x : pointer.x > rect.right ? pointer.x - rect.right : 0;
    const distance = dx + dy * 4;
    if (distance < bestDistance) {
      best = rect;
      bestDistance = distance;
    }
  }
  return best;
}

export function createHoverCard(
  doc: Document,
  options: { signal: AbortSignal; onDetails: (key: string) => void },
): HoverCard {
  let host: HTMLElement | null = null;
  let card: HTMLElement | null = null;
  let current: CardTarget | null = null;
  let lastPointer: { x: number; y: number } | undefined;
  let hideTimer: ReturnType<typeof setTimeout> | undefined;
  let scrollFrame = 0;

  const ensureHost = (): HTMLElement => {
    if (card && host?.isConnected) return card;
    host = doc.createElement('crosscheck-card');
    host.setAttribute(OWN_UI_ATTRIBUTE, '');
    const root = host.attachShadow({ mode: 'open' });
    applyStyles(doc, root);
    card = createElement(doc, 'div', 'card');
    card.id = 'crosscheck-card';
    card.setAttribute('role', 'tooltip');
    card.hidden = true;
    card.addEventListener('pointerenter', () => cancelHide(), { signal: options.signal });
    card.addEventListener('pointerleave', () => scheduleHide(), { signal: options.signal });
    root.append(card);
    doc.documentElement.append(host);
    return card;
  };

  const position = () => {
    if (!current || !card) return;
    const anchor = pickAnchorRect(current.range, lastPointer);
    if (!anchor) {
      hide();
      return;
    }
    const viewWidth = doc.documentElement.clientWidth || window.innerWidth;
    const viewHeight = doc.documentElement.clientHeight || window.innerHeight;
    // Below the line if the card fits there, else above; if it fits on neither side, on the
    // roomier one, shortened to fit (it scrolls), so it never covers the sentence it describes.
    if (card.style.maxHeight !== '') card.style.maxHeight = '';
    const width = card.offsetWidth;
    let height = card.offsetHeight;
    const spaceBelow = viewHeight - anchor.bottom - 2 * GAP_PX;
    const spaceAbove = anchor.top - 2 * GAP_PX;
    const room = Math.max(spaceBelow, spaceAbove);
    let below = spaceBelow >= height || (spaceAbove < height && spaceBelow >= spaceAbove);
    if (height > room && room >= MIN_CARD_HEIGHT_PX) {
      height = Math.floor(room);
      card.style.maxHeight = `${height}px`;
    } else if (height > room) {
      below = anchor.top < height + GAP_PX;
    }
    const top = below ? anchor.bottom + GAP_PX : anchor.top - height - GAP_PX;
    const left = Math.min(Math.max(GAP_PX, anchor.left), Math.max(GAP_PX, viewWidth - width - GAP_PX));
    card.style.top = `${Math.round(Math.min(Math.max(GAP_PX, top), Math.max(GAP_PX, viewHeight - height - GAP_PX)))}px`;
    card.style.left = `${Math.round(left)}px`;
  };

  const render = (target: CardTarget) => {
    const element = ensureHost();
    const view = describeMatch(target.match, t('popupUnnamedSource'));
    const header = createElement(doc, 'p', `verdict ${view.verdict}`);
    header.append(
      createElement(doc, 'span', 'mark', VERDICT_MARKS[view.verdict]),
      createElement(doc, 'span', undefined, t(`verdict_${view.verdict}`)),
    );
    const details = createElement(doc, 'button', undefined, t('cardDetails'));
    details.type = 'button';
    details.addEventListener('click', () => options.onDetails(target.key), { signal: options.signal });
    const actions = createElement(doc, 'div', 'actions');
    actions.append(details);
    const sections = [
      renderSection(doc, 'corroborating', t('cardCorroboratedBy'), view.corroborating),
      renderSection(doc, 'conflicting', t('cardConflictsWith'), view.conflicting),
    ].filter((section): section is HTMLElement => section !== null);
    element.replaceChildren(header, ...sections, actions);
    element.setAttribute('aria-label', t(`verdict_${view.verdict}`));
    element.dataset.key = target.key;
    element.hidden = false;
  };

  function cancelHide() {
    if (hideTimer !== undefined) clearTimeout(hideTimer);
    hideTimer = undefined;
  }

  function hide() {
    cancelHide();
    current = null;
    if (card) {
      card.hidden = true;
      card.replaceChildren();
    }
  }

  function scheduleHide() {
    if (!current || hideTimer !== undefined) return;
    hideTimer = setTimeout(() => {
      hideTimer = undefined;
      hide();
    }, HIDE_GRACE_MS);
  }

  doc.addEventListener(
    'keydown',
    (event) => {
      if (event.key === 'Escape' && current) hide();
    },
    { signal: options.signal, capture: true },
  );
  window.addEventListener(
    'scroll',
    () => {
      if (!current || scrollFrame) return;
      scrollFrame = requestAnimationFrame(() => {
        scrollFrame = 0;
        position();
      });
    },
    { signal: options.signal, passive: true, capture: true },
  );
  window.addEventListener('resize', () => position(), { signal: options.signal, passive: true });
  options.signal.addEventListener('abort', () => {
    cancelHide();
    host?.remove();
  });

  return {
    show(target, pointer) {
      cancelHide();
      lastPointer = pointer;
      if (current?.key !== target.key || current.match !== target.match) {
        current = target;
        render(target);
      }
      position();
    },
    showMessage(range, message) {
      cancelHide();
      const element = ensureHost();
      current = {
        key: 'message',
        match: { index: 0, text: '', verdict: 'corroborated', sources: [] },
        range,
      };
      lastPointer = undefined;
      element.replaceChildren(createElement(doc, 'p', undefined, message));
      element.removeAttribute('aria-label');
      element.dataset.key = 'message';
      element.hidden = false;
      position();
    },
    scheduleHide,
    cancelHide,
    hide,
    get openKey() {
      return current?.key ?? null;
    },
    contains(node) {
      return host !== null && node instanceof Node && (node === host || host.contains(node));
    },
  };
}
