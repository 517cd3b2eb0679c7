import { foldVietnamese } from '../text/fold.ts';

/**
 * The extra words an article page gives the search index: each word spelt with `đ`, folded
 * (`Đảng` → `dang`, `Đà` → `da`), once, in order of first use.
 *
 * Pagefind (since 1.5) already matches words with and without tone and vowel marks (`hòa`, `hoà`
 * and `hoa` are one word to it), but `đ` is a letter of its own, not `d` with a mark, so a reader
 * typing `dang uy` would never find `Đảng ủy`. The search page folds the query the same way.
 */
export function searchTerms(texts: readonly string[]): string {
  const terms = new Set<string>();
  for (const text of texts) {
    // Only the words with đ, found directly: splitting a whole article into words was a tenth of a big build.
    for (const [word] of text.matchAll(WORD_WITH_D)) terms.add(foldVietnamese(word));
  }
  return [...terms].join(' ');
}

/** A whole word (a run of letters and digits) that has `đ` or `Đ` in it. */
const WORD_WITH_D = /[\p{L}\p{N}]*[đĐ][\p{L}\p{N}]*/gu;
