import { describe, expect, it, vi } from 'vitest';

// messages.ts imports the polyfill, which refuses to load outside an extension; the contracts
// and sender rules under test do not touch it.
vi.mock('webextension-polyfill', () => ({ default: {} }));

const { backgroundToContent, contentToBackground, isAllowedSender, popupToBackground } = await import(
  '../../src/shared/messages.ts'
);

const OWN_ID = 'abcdefghijklmnop';
const OWN_ORIGIN = `chrome-extension://${OWN_ID}/`;

const match = {
  index: 0,
  text: 'The United States has about 5,000 troops in Iraq.',
  verdict: 'mixed',
  sources: [
    {
      claimId: 'a:1',
      factId: 'f1',
      articleId: 'a',
      outlet: 'express.co.uk',
      published: null,
      claim: 'around 5,200 US troops in the country.',
      score: 0.5,
      stance: 'conflicts',
      details: [{ kind: 'number', page: '5,000', source: '5,200', subject: 'troops in Iraq' }],
    },
  ],
};

describe('message contracts', () => {
  it('accept well-formed requests and responses', () => {
    expect(contentToBackground['check-sentences'].request({ sentences: ['One.', 'Two.'] })).toBe(true);
    expect(
      contentToBackground['check-sentences'].request({ sentences: ['One.'], ownArticles: ['004_8cdc'] }),
    ).toBe(true);
    expect(contentToBackground['check-sentences'].response({ matches: [match], ownArticles: [] })).toBe(true);
    expect(popupToBackground['get-tab-report'].request({ tabId: 4 })).toBe(true);
    expect(backgroundToContent['step-highlight'].request({ direction: -1 })).toBe(true);
    expect(
      contentToBackground['report-page'].request({
        report: {
          url: 'https://a.test/',
          status: 'checked',
          checked: 1,
          matches: [match],
          entries: [{ key: 'x.0', match: 0 }],
          highlightsVisible: true,
          ownArticles: [{ id: '004_8cdc', outlet: 'AAP', title: null }],
        },
      }),
    ).toBe(true);
    expect(
      contentToBackground['check-sentences'].response({
        matches: [],
        ownArticles: [{ id: '004_8cdc', outlet: null, title: 'No plans for troops to leave Iraq' }],
      }),
    ).toBe(true);
  });

  it('reject malformed or oversized payloads', () => {
    expect(contentToBackground['check-sentences'].request({ sentences: 'One.' })).toBe(false);
    expect(contentToBackground['check-sentences'].request({ sentences: [1] })).toBe(false);
    expect(contentToBackground['check-sentences'].request({ sentences: [], ownArticles: [''] })).toBe(false);
    expect(
      contentToBackground['check-sentences'].request({
        sentences: [],
        ownArticles: Array.from({ length: 51 }, (_, i) => `a${i}`),
      }),
    ).toBe(false);
    expect(contentToBackground['check-sentences'].response({ matches: [match] })).toBe(false);
    expect(
      contentToBackground['check-sentences'].response({
        matches: [],
        ownArticles: [{ id: '', outlet: null }],
      }),
    ).toBe(false);
    expect(contentToBackground['check-sentences'].request({ sentences: ['x'.repeat(2_001)] })).toBe(false);
    expect(
      contentToBackground['check-sentences'].request({ sentences: Array.from({ length: 501 }, () => 'x') }),
    ).toBe(false);
    expect(popupToBackground['get-tab-report'].request({ tabId: -1 })).toBe(false);
    expect(popupToBackground['get-tab-report'].request({ tabId: '4' })).toBe(false);
    expect(backgroundToContent['step-highlight'].request({ direction: 2 })).toBe(false);
    expect(popupToBackground['get-database-info'].request({ extra: true })).toBe(false);
    expect(
      contentToBackground['check-sentences'].response({ matches: [{ ...match, verdict: 'true' }] }),
    ).toBe(false);
    expect(
      contentToBackground['report-page'].request({
        report: {
          url: 'https://a.test/',
          status: 'pwned',
          checked: 1,
          matches: [],
          entries: [],
          highlightsVisible: true,
          ownArticles: [],
        },
      }),
    ).toBe(false);
    // An entry must point at one of the matches sent with it.
    expect(
      contentToBackground['report-page'].request({
        report: {
          url: 'https://a.test/',
          status: 'checked',
          checked: 1,
          matches: [match],
          entries: [{ key: 'x.0', match: 1 }],
          highlightsVisible: true,
          ownArticles: [],
        },
      }),
    ).toBe(false);
  });
});

describe('isAllowedSender', () => {
  const tab = { id: 3, index: 0, highlighted: false, active: true, pinned: false, incognito: false };

  it('accepts content scripts of this extension in a web page tab for content-to-background', () => {
    expect(
      isAllowedSender(
        'content-to-background',
        { id: OWN_ID, tab, url: 'https://news.test/a' },
        OWN_ID,
        OWN_ORIGIN,
      ),
    ).toBe(true);
  });

  it('rejects other extensions and pages without a tab', () => {
    expect(
      isAllowedSender(
        'content-to-background',
        { id: 'other', tab, url: 'https://news.test/a' },
        OWN_ID,
        OWN_ORIGIN,
      ),
    ).toBe(false);
    expect(
      isAllowedSender(
        'content-to-background',
        { id: OWN_ID, url: 'https://news.test/a' },
        OWN_ID,
        OWN_ORIGIN,
      ),
    ).toBe(false);
  });

  it('accepts popup messages only from the extension origin', () => {
    expect(
      isAllowedSender(
        'popup-to-background',
        { id: OWN_ID, url: `${OWN_ORIGIN}src/popup/popup.html` },
        OWN_ID,
        OWN_ORIGIN,
      ),
    ).toBe(true);
    expect(
      isAllowedSender(
        'popup-to-background',
        { id: OWN_ID, tab, url: 'https://news.test/a' },
        OWN_ID,
        OWN_ORIGIN,
      ),
    ).toBe(false);
  });

  it('accepts background-to-content messages only from extension contexts (no tab)', () => {
    expect(isAllowedSender('background-to-content', { id: OWN_ID }, OWN_ID, OWN_ORIGIN)).toBe(true);
    expect(isAllowedSender('background-to-content', { id: OWN_ID, tab }, OWN_ID, OWN_ORIGIN)).toBe(false);
    expect(isAllowedSender('background-to-content', { id: 'evil' }, OWN_ID, OWN_ORIGIN)).toBe(false);
  });
});
