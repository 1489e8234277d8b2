/**
 * Decides who says each sentence of an article: the speaker it names ("Esper said"), or for a
 * quotation without one, the speaker carried from the sentence or paragraph the quotation
 * continues, or from the paragraph it sits in. "He said" resolves only to a speaker of this or the
 * previous paragraph. Narration is never given a speaker it does not name: a missing speaker is
 * better than a wrong one. Sentences are in text order; `text` is the (masked) article body.
 */

import { findQuotes, findSpeaker } from './extract-features.ts';

export interface SpeakerAttribution {
  /** Speaker key, or null when the text does not say. */
  speaker: string | null;
  /** True when the sentence starts inside a quotation opened by an earlier sentence. */
  insideQuote: boolean;
}

/** Start offsets of the non-blank lines of `body`: paragraph n is the n-th line with text. */
function paragraphStarts(body: string): number[] {
  const starts: number[] = [];
  let lineStart = 0;
  for (let i = 0; i <= body.length; i++) {
    if (i === body.length || body[i] === '\n') {
      if (body.slice(lineStart, i).trim() !== '') starts.push(lineStart);
      lineStart = i + 1;
    }
  }
  return starts.length > 0 ? starts : [0];
}

function paragraphIndex(starts: number[], offset: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** Attributes a speaker to every sentence (see the module comment). */
export function attributeSpeakers(
  sentences: ReadonlyArray<{ text: string; start: number }>,
  text: string,
): SpeakerAttribution[] {
  const starts = paragraphStarts(text);

  // Who speaks in each paragraph: the first sentence that names a speaker.
  const ownSpeakers = sentences.map((s) => findSpeaker(s.text));
  const paragraphSpeaker = new Map<number, string>();
  sentences.forEach((s, i) => {
    const p = paragraphIndex(starts, s.start);
    const sp = ownSpeakers[i];
    if (sp && sp !== 'pronoun' && !paragraphSpeaker.has(p)) paragraphSpeaker.set(p, sp);
  });

  const out: SpeakerAttribution[] = [];
  let carry: string | null = null;
  let inQuote = false;
  let lastParagraph = -1;
  let lastNamed: string | null = null;
  let lastNamedParagraph = -2;
  let lastQuoteSpeaker: string | null = null;
  let paragraphQuoteSpeaker: string | null = null;
  sentences.forEach((s, i) => {
    const p = paragraphIndex(starts, s.start);
    const quotes = findQuotes(s.text);
    if (p !== lastParagraph) {
      // A quote continues into a new paragraph only when that paragraph opens with a quote mark;
      // a paragraph that is only a quotation continues the previous paragraph's speaker.
      const opensWithQuote = /^["\u201C]/.test(s.text);
      lastQuoteSpeaker = paragraphQuoteSpeaker ?? lastQuoteSpeaker;
      paragraphQuoteSpeaker = null;
      if (!(inQuote && opensWithQuote)) {
        inQuote = false;
        carry = opensWithQuote && !paragraphSpeaker.has(p) ? lastQuoteSpeaker : null;
      }
      lastParagraph = p;
    }
    const startsInsideQuote = inQuote;
    const hasQuote = quotes.length > 0 || startsInsideQuote;
    const rawOwn = ownSpeakers[i] ?? null;
    // "He said" refers to the last speaker named in this or the previous paragraph; further back
    // it is too uncertain, and no speaker is better than a wrong one.
    const own = rawOwn === 'pronoun' ? (p - lastNamedParagraph <= 1 ? lastNamed : null) : rawOwn;
    if (rawOwn && rawOwn !== 'pronoun') {
      lastNamed = rawOwn;
      lastNamedParagraph = p;
    }
    const contextSpeaker = hasQuote ? (own ?? carry ?? paragraphSpeaker.get(p) ?? null) : own;
    if (hasQuote && contextSpeaker) {
      paragraphQuoteSpeaker = contextSpeaker;
      lastNamed = contextSpeaker;
      lastNamedParagraph = p;
    }
    const last = quotes[quotes.length - 1];
    if (last) {
      inQuote = last.open;
      carry = last.open ? contextSpeaker : carry;
    }
    out.push({ speaker: contextSpeaker, insideQuote: startsInsideQuote });
  });
  return out;
}
