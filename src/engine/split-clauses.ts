/**
 * Splits a sentence into the clauses that can each state a fact of their own. News sentences
 * often join two facts ("the letter was sent by X and addressed to Y"; "400 British soldiers train
 * Iraqi troops as well as around 5,200 US troops"), so the database groups claims clause by clause
 * and the matcher reads a page sentence clause by clause when it matches nothing whole. Both use
 * this one splitter so that a clause is cut the same way on either side. Keeps true: every piece
 * is a trimmed, non-empty substring of the input (a long quotation's inner text, or the text
 * around and between the boundaries), in a fixed order: quotations first, then the rest in order.
 */

/** A quotation of at least this many words is a clause of its own; shorter ones stay in their sentence. */
export const MIN_QUOTE_CLAUSE_WORDS = 5;

const QUOTATION = /[\u201C"]([^\u201C\u201D"]+)[\u201D"]?/g;

/**
 * Where one clause ends and the next begins: a semicolon; a comma before a conjunction, relative
 * pronoun, reporting link or trailing qualifier ("…, which", "…, adding", "…, mostly in an advisory
 * role"); or, without a comma, a few links that start a new statement ("… as well as", "… in
 * response to"). "…, including" is not a cut: it is common in news and cutting there cost 2 % more
 * instructions on AAP's article (scripts/count-instructions.sh) for no match gained.
 */
const CLAUSE_BOUNDARY =
  /;\s+|,\s+(?=(?:and|but|while|which|who|as|after|despite|stressing|adding|according to|following|amid|in response to|mostly|mainly|largely|primarily|chiefly)\b)|\s+(?=(?:and was|and wasn['\u2019]t|and is|and has|and said|in response to|as well as|following the|after the|amid)\b)/;

export function splitClauses(text: string): string[] {
  const pieces: string[] = [];
  let rest = text;
  for (const m of text.matchAll(QUOTATION)) {
    if (m[1]!.trim().split(/\s+/).length >= MIN_QUOTE_CLAUSE_WORDS) {
      pieces.push(m[1]!);
      rest = rest.replace(m[0], ' ; ');
    }
  }
  pieces.push(...rest.split(CLAUSE_BOUNDARY));
  return pieces.map((p) => p.trim()).filter((p) => p.length > 0);
}
