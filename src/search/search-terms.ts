import { foldVietnamese } from '../text/fold.ts';
import { isLetterOrDigit } from '../text/word-runs.ts';

/**
 * The extra words an article page gives the search index: each word spelt with `đ`, folded
 * (`Đảng` → `dang`, `Đà` → `da`), once, in order of first use.
 *
 * Pagefind (since 1.5) already matches words with and without tone and vowel marks (`hòa`, `hoà`
 * and `hoa` are one word to it), but `đ` is a letter of its own, not `d` with a mark, so a reader
 * typing `dang uy` would never find `Đảng ủy`. The search page folds the query the same way.
 */
export function searchTerms(texts: readonly string[]): string {
  const words = new Set<string>();
  for (const text of texts) if (text.includes('đ') || text.includes('Đ')) wordsWithD(text, words);
  const terms = new Set<string>();
  for (const word of words) terms.add(foldVietnamese(word));
  return [...terms].join(' ');
}

/**
 * Adds to `words` each word of `text` (as `forEachWord` finds them) that has `đ` or `Đ`, in order.
 * Its own loop, noting the `đ` on the way: this runs over every article's whole text.
 */
function wordsWithD(text: string, words: Set<string>): void {
  let start = -1;
  let hasD = false;
  for (let i = 0; i <= text.length; i++) {
    if (i < text.length && isLetterOrDigit(text, i)) {
      if (start < 0) {
        start = i;
        hasD = false;
      }
      const code = text.charCodeAt(i);
      if (code === 0x111 || code === 0x110) hasD = true;
      // The low half of a surrogate pair belongs to the letter just tested.
      if (code >= 0xd800 && code <= 0xdbff) i++;
    } else {
      if (start >= 0 && hasD) words.add(text.slice(start, i));
      start = -1;
    }
  }
}
