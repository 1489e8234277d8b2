/**
 * Message hygiene in real Chromium. From the content script's own isolated world (reached over CDP),
 * malformed and oversized check-sentences requests are refused and leave the worker healthy; from an
 * extension page, content-script messages are ignored (wrong sender kind); from the web page itself,
 * the extension cannot be reached at all.
 */
import type { CDPSession } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  hasChromeBuild,
  highlightedTexts,
  type Launched,
  launchChromium,
  readHighlights,
  waitFor,
} from './support/hostile.ts';
import { type HostileServer, startHostileServer } from './support/hostile-server.ts';

const TROOPS = 'The United States has about 5,000 troops in Iraq.';

let server: HostileServer;
let browser: Launched;
let cdp: CDPSession;
let contentWorld: number | null = null;

const envelope = (payload: unknown, direction = 'content-to-background', type = 'check-sentences') => ({
  channel: 'crosscheck/v1',
  direction,
  type,
  payload,
});

/** Sends `message` with chrome.runtime.sendMessage from the content script's world; returns the outcome. */
async function sendFromContentScript(message: unknown): Promise<string> {
  const { result, exceptionDetails } = await cdp.send('Runtime.evaluate', {
    contextId: contentWorld!,
    awaitPromise: true,
    returnByValue: true,
    expression: `chrome.runtime.sendMessage(${JSON.stringify(message)}).then(
      (r) => 'answered ' + String(JSON.stringify(r)).slice(0, 200), (e) => 'rejected ' + String(e && e.message || e))`,
  });
  if (exceptionDetails) return `threw ${exceptionDetails.exception?.description ?? exceptionDetails.text}`;
  return String(result.value);
}

describe.skipIf(!hasChromeBuild)('messages are checked for sender and shape (Chromium)', () => {
  const outcomes: string[] = [];

  beforeAll(async () => {
    server = await startHostileServer();
    browser = await launchChromium();
    const page = await browser.context.newPage();
    cdp = await browser.context.newCDPSession(page);
    cdp.on('Runtime.executionContextCreated', ({ context }) => {
      if (
        context.origin.startsWith(`chrome-extension://${browser.extensionId}`) ||
        context.name === 'Crosscheck'
      ) {
        contentWorld = context.id;
      }
    });
    await cdp.send('Runtime.enable');
    await page.goto(server.url('/ticker.html'));
    await waitFor(async () => (highlightedTexts(await readHighlights(cdp)).includes(TROOPS) ? true : null));
  });

  afterAll(async () => {
    console.log(`[messages] outcomes:\n${outcomes.join('\n')}`);
    await browser?.close();
    await server?.close();
  });

  it('found the content script’s isolated world, and a well-formed request is answered there', async () => {
    expect(contentWorld).not.toBeNull();
    const outcome = await sendFromContentScript(envelope({ sentences: [TROOPS] }));
    outcomes.push(`valid → ${outcome}`);
    expect(outcome).toMatch(/^answered .*matches/);
  });

  it('malformed and oversized requests are refused, and the worker keeps answering', async () => {
    const bad: [string, unknown][] = [
      [
        'sentences not an array',
        envelope({ sentences: 'The United States has about 5,000 troops in Iraq.' }),
      ],
      ['a number in sentences', envelope({ sentences: [TROOPS, 42] })],
      ['501 sentences', envelope({ sentences: Array.from({ length: 501 }, (_, i) => `${TROOPS} ${i}`) })],
      ['one 2,001-char sentence', envelope({ sentences: ['x'.repeat(2_001)] })],
      [
        'missing payload',
        { channel: 'crosscheck/v1', direction: 'content-to-background', type: 'check-sentences' },
      ],
      ['unknown type', envelope({}, 'content-to-background', 'delete-everything')],
      ['popup-only request from a content script', envelope({}, 'popup-to-background', 'get-database-info')],
      [
        'prototype pollution',
        JSON.parse(
          '{"channel":"crosscheck/v1","direction":"content-to-background","type":"__proto__","payload":{}}',
        ),
      ],
    ];
    for (const [label, message] of bad) {
      const outcome = await sendFromContentScript(message);
      outcomes.push(`${label} → ${outcome}`);
      expect(outcome, label).not.toMatch(/^answered .*matches/);
      expect(outcome, label).not.toMatch(/^threw/);
    }
    const after = await sendFromContentScript(envelope({ sentences: [TROOPS] }));
    expect(after).toMatch(/^answered .*matches/);
  });

  it('an extension page cannot pose as a content script', async () => {
    const popup = await browser.context.newPage();
    await popup.goto(`chrome-extension://${browser.extensionId}/src/popup/popup.html`);
    const outcome = await popup.evaluate(
      async (message) => {
        try {
          return `answered ${JSON.stringify(await chrome.runtime.sendMessage(message))}`;
        } catch (error) {
          return `rejected ${String((error as Error).message)}`;
        }
      },
      envelope({ sentences: [TROOPS] }),
    );
    outcomes.push(`from the popup as content-to-background → ${outcome}`);
    expect(outcome).not.toMatch(/matches/);
    await popup.close();
  });

  it('the web page itself has no way to message the extension', async () => {
    const reachable = await cdp.send('Runtime.evaluate', {
      returnByValue: true,
      expression: `typeof chrome !== 'undefined' && !!chrome.runtime && typeof chrome.runtime.sendMessage === 'function'`,
    });
    outcomes.push(`page main world has chrome.runtime.sendMessage: ${reachable.result.value}`);
    expect(reachable.result.value).toBe(false);
  });
});
