/**
 * Stable keys for highlighted sentences: the same text at the same occurrence gets the same key
 * across rescans, so the popup can ask the page to reveal a sentence it listed earlier.
 */

/** FNV-1a over UTF-16 units, as 8 hex digits. Not cryptographic; only needs to spread texts. */
export function hashText(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, '0');
}

/** Keys for `texts` in order: `<hash>.<n>` where n counts earlier occurrences of the same text. */
export function createSentenceKeys(texts: readonly string[]): string[] {
  const seen = new Map<string, number>();
  return texts.map((text) => {
    const occurrence = seen.get(text) ?? 0;
    seen.set(text, occurrence + 1);
    return `${hashText(text)}.${occurrence}`;
  });
}
