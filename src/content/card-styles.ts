/**
 * Styles for the hover card, scoped to its shadow root so page CSS cannot reach in and ours
 * cannot leak out. Light and dark palettes follow prefers-color-scheme; both keep body text at
 * WCAG AA contrast or better against the card background.
 */
export const CARD_CSS = `
:host {
  all: initial;
  position: fixed !important;
  inset: 0 auto auto 0 !important;
  z-index: 2147483647 !important;
  display: block !important;
  width: 0 !important;
  height: 0 !important;
  overflow: visible !important;
}
.card {
  --bg: #ffffff; --fg: #1f2328; --muted: #57606a; --border: #d0d7de;
  --ok: #1a7f37; --bad: #cf222e; --mixed: #9a6700; --quote: #f6f8fa;
  position: fixed;
  box-sizing: border-box;
  max-width: min(420px, calc(100vw - 16px));
  max-height: min(60vh, 480px);
  overflow: auto;
  padding: 12px 14px;
  background: var(--bg);
  color: var(--fg);
  border: 1px solid var(--border);
  border-radius: 8px;
  box-shadow: 0 8px 24px rgba(0, 0, 0, 0.18);
  font: 13px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif;
  text-align: left;
  direction: ltr;
}
.card[hidden] { display: none; }
@media (prefers-color-scheme: dark) {
  .card {
    --bg: #1c2128; --fg: #e6edf3; --muted: #9da7b3; --border: #444c56;
    --ok: #57d07a; --bad: #ff8182; --mixed: #e3b341; --quote: #22272e;
  }
}
.verdict { display: flex; align-items: center; gap: 8px; margin: 0 0 8px; font-weight: 600; font-size: 14px; }
.mark { display: inline-block; width: 22px; text-align: center; font-size: 15px; }
.verdict.corroborated { color: var(--ok); }
.verdict.conflicting { color: var(--bad); }
.verdict.mixed { color: var(--mixed); }
h3 { margin: 10px 0 4px; font-size: 12px; text-transform: uppercase; letter-spacing: 0.04em; color: var(--muted); }
ul { list-style: none; margin: 0; padding: 0; }
li { margin: 0 0 8px; }
.outlet { font-weight: 600; }
.date, .tag { color: var(--muted); font-size: 12px; margin-left: 6px; }
/* Outlet names and quotes are untrusted: isolate their direction so bidi controls cannot reorder
   the text around them (an outlet cannot pass for another by reversing what follows it). */
.outlet, .date, .tag, blockquote, .detail { unicode-bidi: isolate; }
.tag { border: 1px solid var(--border); border-radius: 4px; padding: 0 4px; }
blockquote { margin: 3px 0 0; padding: 4px 8px; background: var(--quote); border-left: 3px solid var(--border); }
.conflicting blockquote { border-left-color: var(--bad); }
.corroborating blockquote { border-left-color: var(--ok); }
.detail { margin: 3px 0 0; font-weight: 600; color: var(--bad); }
.actions { display: flex; justify-content: flex-end; margin-top: 6px; }
button {
  font: inherit; color: var(--fg); background: transparent; cursor: pointer;
  border: 1px solid var(--border); border-radius: 6px; padding: 3px 10px;
}
button:hover, button:focus-visible { border-color: var(--fg); outline: none; }
`;
