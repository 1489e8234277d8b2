/**
 * Content script entry: starts the page checker once per document. Everything it sets up hangs
 * off one AbortController, so a second injection (or an extension reload) tears the old one down.
 */
import { startPageChecker } from './page-checker.ts';

const GLOBAL_KEY = Symbol.for('crosscheck.content');
type Slot = { [GLOBAL_KEY]?: AbortController };
const slot = globalThis as unknown as Slot;

slot[GLOBAL_KEY]?.abort();
const controller = new AbortController();
slot[GLOBAL_KEY] = controller;
if (document.documentElement instanceof HTMLElement && document.contentType === 'text/html') {
  startPageChecker(document, controller);
}
