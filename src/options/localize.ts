/**
 * Puts the options page's strings through browser.i18n. Every translatable element carries a
 * `data-i18n` key; its English text in the HTML is the fallback used only when the locale has no
 * such message, so the page never goes blank. Strings are always set with textContent.
 */

export type MessageLookup = (key: string, substitutions?: string[]) => string;

/** Replaces the text of every `[data-i18n]` element under `root` with its message, when there is one. */
export function localizeTree(root: ParentNode, getMessage: MessageLookup): void {
  for (const element of root.querySelectorAll<HTMLElement>('[data-i18n]')) {
    const key = element.dataset.i18n;
    if (key === undefined) continue;
    const message = getMessage(key);
    if (message !== '') element.textContent = message;
  }
}

/** A translator with an English fallback for keys the locale does not (yet) have. */
export function createTranslator(getMessage: MessageLookup, fallback: Readonly<Record<string, string>>) {
  return (key: string, substitutions: string[] = []): string => {
    let message = '';
    try {
      message = getMessage(key, substitutions);
    } catch {
      message = '';
    }
    if (message !== '') return message;
    const english = fallback[key] ?? key;
    return english.replace(/\$(\d)/g, (_, n: string) => substitutions[Number(n) - 1] ?? '');
  };
}
