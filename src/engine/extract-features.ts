/**
 * Extracts from one sentence the details that sources can disagree on: counted quantities with
 * their qualifier, weekdays tied to the event they date, dates, people with rank, service branch
 * and role, organisations, places, polarity per predicate, and quotations with their speaker.
 *
 * Works on any English sentence (seed claims and arbitrary page text alike), is pure and
 * deterministic, and prefers saying nothing over guessing: a detail it is unsure of is left out,
 * because every extracted detail can become a conflict shown to a reader.
 *
 * It runs on every matched page sentence, so sentences in TYPOGRAPHIC_TEXT (nearly all news
 * prose) take fast paths that skip Unicode regexes and folding. Each fast path must give exactly
 * what the general path gives for the same sentence. The sentence is tokenised once here and the
 * tokens shared by every extractor.
 */

import { extractAssertions } from './extract-assertions.ts';
import { extractDates, extractDatesFromPlainText, extractDays } from './extract-dates.ts';
import {
  extractExpansions,
  extractOrganisations,
  extractPlaces,
  extractPlacesFromPlainText,
} from './extract-organisations-and-places.ts';
import { collectPeople, extractPeople } from './extract-people.ts';
import { extractQuantities } from './extract-quantities.ts';
import { findQuotes, findSpeakerInTokens } from './find-quotes.ts';
import { foldText } from './normalize.ts';
import { type Token, TYPOGRAPHIC_TEXT, tokenizeWithOffsets } from './tokenize-sentence.ts';
import type { ClaimFeatures, ComparedFeatures, FeatureNeeds, Quotation } from './types.ts';

export { findEvents } from './extract-dates.ts';
export { findQuotes, findSpeaker } from './find-quotes.ts';
export { NATIONALITIES } from './word-kinds.ts';

/**
 * Extracts the checkable details of one sentence. `context.speaker` is who the surrounding
 * paragraph attributes quotes to, used when the sentence itself names no speaker.
 */
export function extractFeatures(sentence: string, context?: { speaker?: string | null }): ClaimFeatures {
  const plain = TYPOGRAPHIC_TEXT.test(sentence);
  const tokens = tokenizeWithOffsets(sentence, plain);
  const compared = extractFromTokens(sentence, tokens, plain, context?.speaker ?? null);
  const { quantities, days, dates, people, ...rest } = compared;
  // In the order of ClaimFeatures: the database's bytes depend on it.
  return {
    quantities,
    days,
    dates,
    people,
    organisations: extractOrganisations(sentence, tokens, plain),
    ...rest,
  };
}

/** Every kind of detail: what extractFeatures extracts. */
export const ALL_FEATURES: Readonly<FeatureNeeds> = {
  quantities: true,
  days: true,
  dates: true,
  people: true,
  assertions: true,
  quotes: true,
  expansions: true,
};

/** No kind of detail: a base to switch on the few a caller needs. */
export const NO_FEATURES: Readonly<FeatureNeeds> = {
  quantities: false,
  days: false,
  dates: false,
  people: false,
  assertions: false,
  quotes: false,
  expansions: false,
};

/**
 * The details compareClaims reads (`ComparedFeatures`), for a page sentence: all but the
 * organisations, which only the database's own claims need (find-matching-claims.ts tells a
 * claim's names from its fact words with them), and of the rest only the kinds in `needs`, the
 * others left empty. Each extracted field equals extractFeatures's.
 */
export function extractComparedFeatures(
  sentence: string,
  needs: Readonly<FeatureNeeds> = ALL_FEATURES,
): ComparedFeatures {
  const plain = TYPOGRAPHIC_TEXT.test(sentence);
  const readsTokens = needs.quantities || needs.days || needs.people || needs.assertions || needs.quotes;
  const tokens = readsTokens ? tokenizeWithOffsets(sentence, plain) : [];
  return extractFromTokens(sentence, tokens, plain, null, needs);
}

function extractFromTokens(
  sentence: string,
  tokens: Token[],
  plain: boolean,
  contextSpeaker: string | null,
  needs: Readonly<FeatureNeeds> = ALL_FEATURES,
): ComparedFeatures {
  const folded = plain || !(needs.dates || needs.quantities) ? null : foldText(sentence);
  // A quotation's speaker is found among the people, so quotes need them too.
  const peopleSpans = needs.people || needs.quotes ? extractPeople(sentence, tokens) : [];
  let quotes: Quotation[] = [];
  if (needs.quotes) {
    const ownSpeaker = findSpeakerInTokens(sentence, tokens, peopleSpans);
    const speaker = ownSpeaker && ownSpeaker !== 'pronoun' ? ownSpeaker : contextSpeaker;
    quotes = findQuotes(sentence).map((q) => ({ text: q.text, speaker }));
  }
  const { assertions, negated } = needs.assertions
    ? extractAssertions(sentence, tokens)
    : { assertions: [], negated: false };
  const dayMentions = needs.days ? extractDays(tokens) : [];
  return {
    quantities: needs.quantities ? extractQuantities(sentence, tokens) : [],
    days: dayMentions.length === 0 ? [] : [...new Set(dayMentions.map((d) => d.day))].sort(),
    dates: !needs.dates ? [] : folded === null ? extractDatesFromPlainText(sentence) : extractDates(folded),
    people: needs.people ? collectPeople(peopleSpans) : [],
    places: !needs.quantities
      ? []
      : folded === null
        ? extractPlacesFromPlainText(sentence, tokens)
        : extractPlaces(sentence, folded),
    negated,
    quotes,
    dayMentions,
    assertions,
    expansions: needs.expansions ? extractExpansions(sentence) : [],
  };
}
