// extractFeatures reads sentences made only of ASCII and common typographic punctuation on fast
// paths; these tests hold those paths to what the general path gives for the same sentence.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readArticles } from '../../scripts/seed-articles.ts';
import { extractComparedFeatures, extractFeatures } from '../../src/engine/extract-features.ts';
import { splitSentences } from '../../src/engine/split-sentences.ts';

/** The fast paths' character set, as tokenize-sentence.ts defines it (TYPOGRAPHIC_TEXT). */
const FAST_PATH_TEXT = /^[\t\n\r\x20-\x7e\u2018\u2019\u201C\u201D\u2013\u2014\u00A0\u2026]*$/;
/**
 * A thin space is outside that set, so a sentence ending in one takes the general path; at the
 * end of a sentence it changes no feature (it is whitespace to every pattern, trim and fold).
 */
const GENERAL_PATH_SUFFIX = '\u2009';

const LABELLED_DIR = resolve(import.meta.dirname, '../fixtures/labelled');

function readCorpus(): string[] {
  const texts: string[] = [];
  for (const file of ['sentences.json', 'holdout.json', 'added-after-calibration.json']) {
    const entries = JSON.parse(readFileSync(resolve(LABELLED_DIR, file), 'utf8')) as { text: string }[];
    for (const entry of entries) texts.push(entry.text);
  }
  for (const article of readArticles())
    for (const sentence of splitSentences(article.body)) texts.push(sentence.text);
  return texts;
}

const EDGE_CASES = [
  'Iraq,US talks resumed as U.S. troops left Iraq’s bases.',
  'More than 5,000 troops, 1,234.5 tonnes and two helicopters arrived on 2020–01–03.',
  'The x-jan 3 memo and the Jan… 3 note were dated May  3,  2020.',
  'Al-Asad Air Base hosts the Joint Chiefs of Staff and the Ministry of Defence.',
  '“We are not leaving,” said Brig. Gen. William H. Seely III, commander of Task Force-Iraq.',
  'He said the ‘withdrawal of all forces’ was a draft; it was not signed.',
  'CJTF-OIR (Combined Joint Task Force – Operation Inherent Resolve) stands for the coalition.',
  'Marine Corps Lt Col Smith’s unit & the Navy don’t stay in the Green Zone.',
];

describe('extractFeatures fast paths', () => {
  const corpus = readCorpus();

  it('reads the labelled and seed sentences on the fast paths', () => {
    expect(corpus.length).toBeGreaterThan(300);
    expect(corpus.filter((text) => !FAST_PATH_TEXT.test(text))).toEqual([]);
  });

  it.each(EDGE_CASES)('gives what the general path gives: %s', (text) => {
    expect(FAST_PATH_TEXT.test(text)).toBe(true);
    expect(extractFeatures(text)).toEqual(extractFeatures(text + GENERAL_PATH_SUFFIX));
  });

  it('gives what the general path gives on every labelled and seed sentence', () => {
    const differing = corpus.filter(
      (text) =>
        JSON.stringify(extractFeatures(text)) !== JSON.stringify(extractFeatures(text + GENERAL_PATH_SUFFIX)),
    );
    expect(differing).toEqual([]);
  });
});

describe('extractComparedFeatures', () => {
  it('gives every feature extractFeatures gives but the organisations, on every labelled and seed sentence', () => {
    const corpus = [...readCorpus(), ...EDGE_CASES];
    const differing = corpus.filter((text) => {
      const { organisations: _, ...compared } = extractFeatures(text);
      return JSON.stringify(extractComparedFeatures(text)) !== JSON.stringify(compared);
    });
    expect(differing).toEqual([]);
  });
});
