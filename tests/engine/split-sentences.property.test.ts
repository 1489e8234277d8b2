/**
 * Property tests for src/engine/split-sentences.ts against hostile Unicode, markup fragments and very
 * long sentences: never throws, offsets round-trip exactly, spans are ordered and trimmed, no text is
 * lost, astral characters are never cut in half, and time is linear in the input length.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { splitSentences } from '../../src/engine/split-sentences.ts';
import { anyTextArb, checkProperty, measureScaling, repeatTo } from '../support/fuzz.ts';

const isHighSurrogate = (code: number) => code >= 0xd800 && code <= 0xdbff;
const isLowSurrogate = (code: number) => code >= 0xdc00 && code <= 0xdfff;

describe('splitSentences: fuzzed', () => {
  it('never throws, and every span round-trips: text === input.slice(start, end)', () => {
    checkProperty(
      'splitSentences round-trip',
      fc.property(anyTextArb, (input) => {
        const spans = splitSentences(input);
        for (const span of spans) {
          expect(span.start).toBeGreaterThanOrEqual(0);
          expect(span.end).toBeLessThanOrEqual(input.length);
          expect(input.slice(span.start, span.end)).toBe(span.text);
        }
      }),
      { numRuns: 600 },
    );
  });

  it('spans are non-empty, in order, never overlap and have no ASCII or no-break space at either end', () => {
    checkProperty(
      'splitSentences order + ASCII trim',
      fc.property(anyTextArb, (input) => {
        let previousEnd = 0;
        for (const span of splitSentences(input)) {
          expect(span.end).toBeGreaterThan(span.start);
          expect(span.start).toBeGreaterThanOrEqual(previousEnd);
          expect(span.text).not.toMatch(/^[ \t\r\n\f\v\u00A0]|[ \t\r\n\f\v\u00A0]$/);
          previousEnd = span.end;
        }
      }),
      { numRuns: 400 },
    );
  });

  // Regression for notes/robustness-findings.md finding S1 (fixed in ea99068): isSpace() knows only ASCII spaces and U+00A0, so
  // U+2028, U+2029, U+3000, U+2000–U+200A, U+0085, U+202F… make whitespace-only "sentences" and
  // untrimmed spans; splitSentences('\u2028') returns [{ text: '\u2028', start: 0, end: 1 }].
  it('spans are trimmed of all Unicode whitespace, and none is whitespace only (finding S1)', () => {
    checkProperty(
      'splitSentences Unicode trim',
      fc.property(anyTextArb, (input) => {
        for (const span of splitSentences(input)) expect(span.text).toBe(span.text.trim());
      }),
      { numRuns: 400 },
    );
  });

  it('no visible text is lost: everything outside the spans is whitespace', () => {
    checkProperty(
      'splitSentences covers all non-space text',
      fc.property(anyTextArb, (input) => {
        let cursor = 0;
        let outside = '';
        for (const span of splitSentences(input)) {
          outside += input.slice(cursor, span.start);
          cursor = span.end;
        }
        outside += input.slice(cursor);
        expect(outside.trim()).toBe('');
      }),
      { numRuns: 400 },
    );
  });

  it('never cuts a surrogate pair (astral characters stay whole)', () => {
    checkProperty(
      'splitSentences surrogate-safe',
      fc.property(anyTextArb, (input) => {
        for (const span of splitSentences(input)) {
          for (const offset of [span.start, span.end]) {
            const before = input.charCodeAt(offset - 1);
            const after = input.charCodeAt(offset);
            expect(isHighSurrogate(before) && isLowSurrogate(after)).toBe(false);
          }
        }
      }),
      { numRuns: 400 },
    );
  });

  it('is deterministic', () => {
    checkProperty(
      'splitSentences deterministic',
      fc.property(anyTextArb, (input) => {
        expect(splitSentences(input)).toEqual(splitSentences(input));
      }),
      { numRuns: 200 },
    );
  });

  it('keeps a claim sentence whole when hostile text surrounds it', () => {
    const claim = 'The United States has about 5,000 troops in Iraq.';
    checkProperty(
      'splitSentences isolates a claim between paragraphs',
      fc.property(anyTextArb, anyTextArb, (before, after) => {
        const input = `${before}\n\n${claim}\n\n${after}`;
        const texts = splitSentences(input).map((s) => s.text);
        expect(texts).toContain(claim);
      }),
      { numRuns: 300 },
    );
  });

  it('time grows at most linearly with input size', () => {
    const units = [
      'The United States has about 5,000 troops in Iraq. ',
      'U.S. ',
      'Brig. Gen. ',
      'a. ',
      '. ',
      '...',
      '"\u201D)]\u00BB. ',
      'x',
      '3.5 ',
      '\n',
      'e\u0301\u200B😀 ',
    ];
    for (const unit of units) {
      const r = measureScaling(
        `splitSentences(${JSON.stringify(unit)})`,
        splitSentences,
        (size) => repeatTo(unit, size),
        20_000,
      );
      expect(r.ratio).toBeLessThanOrEqual(r.limit);
    }
  });
});
