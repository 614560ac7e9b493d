/** Select options from a domain vocabulary, labelled in the current language. */
import type { Locale, Term } from '@pacer/domain';

interface Vocabulary {
  list: readonly Term[];
  label(key: string, locale?: Locale): string;
}

export function termOptions(vocabulary: Vocabulary, locale: Locale) {
  return vocabulary.list.map((term) => ({ value: term.key, label: vocabulary.label(term.key, locale) }));
}
