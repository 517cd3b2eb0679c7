/**
 * The words of a text as runs of letters and digits (what `/[\p{L}\p{N}]+/u` matches), found in one
 * pass with a table of characters: splitting thousands of titles or whole articles by a Unicode
 * regex was a noticeable share of a big build.
 */

const LETTER_OR_DIGIT = /^[\p{L}\p{N}]$/u;
/** Per UTF-16 unit: 0 not yet known, 1 a letter or digit, 2 neither. Articles use a few hundred distinct characters. */
const unitKind = new Uint8Array(0x10000);

/** Whether the character at `i` (a whole surrogate pair, if it starts one) is a letter or a digit. */
export function isLetterOrDigit(text: string, i: number): boolean {
  const code = text.charCodeAt(i);
  if (code >= 0xd800 && code <= 0xdfff) return LETTER_OR_DIGIT.test(String.fromCodePoint(text.codePointAt(i)!));
  let kind = unitKind[code]!;
  if (kind === 0) unitKind[code] = kind = LETTER_OR_DIGIT.test(String.fromCharCode(code)) ? 1 : 2;
  return kind === 1;
}

/** Calls `visit(start, end)` for each word of `text`, in order; `text.slice(start, end)` is the word. */
export function forEachWord(text: string, visit: (start: number, end: number) => void): void {
  let start = -1;
  for (let i = 0; i <= text.length; i++) {
    if (i < text.length && isLetterOrDigit(text, i)) {
      if (start < 0) start = i;
      // The low half of a surrogate pair belongs to the letter just tested.
      const code = text.charCodeAt(i);
      if (code >= 0xd800 && code <= 0xdbff) i++;
    } else if (start >= 0) {
      visit(start, i);
      start = -1;
    }
  }
}
