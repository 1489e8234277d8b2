/**
 * HTML elements a reader sees on lines of their own. One list for every place that turns markup into
 * sentences, so the content script (which ends a run of text at them) and the popup's article
 * extraction (which puts a line break around them) agree on where a sentence cannot continue.
 * Page chrome (nav, header, footer, aside) is not here: the content script skips it outright;
 * PAGE_CHROME_BLOCK_TAGS adds it for readers that keep it.
 */
export const TEXT_BLOCK_TAGS: ReadonlySet<string> = new Set([
  'address',
  'article',
  'blockquote',
  'br',
  'dd',
  'details',
  'div',
  'dl',
  'dt',
  'figcaption',
  'figure',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'hr',
  'li',
  'main',
  'ol',
  'p',
  'pre',
  'section',
  'summary',
  'table',
  'td',
  'th',
  'tr',
  'ul',
]);

/** Page-chrome elements that are also blocks: skipped by the content script, kept by the popup. */
export const PAGE_CHROME_BLOCK_TAGS: ReadonlySet<string> = new Set(['aside', 'footer', 'header', 'nav']);
