/** One non-blank line of an article, as the rules see it. */
export interface ContentLine {
  /** Trimmed, NFC, with runs of white space folded to one space. */
  text: string;
  /** 1-based line number in the committed file. */
  line: number;
  /** True when blank lines (or the file's edges) stand on both sides: a paragraph of one line. */
  alone: boolean;
}

// Zero-width space and BOM are not matched by \s but are as invisible as a space.
const INVISIBLE = /[\s\u200b\ufeff]/;
const WHITESPACE_RUN = /[\s\u200b\ufeff]{2,}|[\t\u200b\ufeff]/g;

/** Lines of only white space, NBSP or the scraper's `.` separators carry no text. */
function isBlank(line: string): boolean {
  for (const ch of line) {
    if (ch !== '.' && !INVISIBLE.test(ch)) return false;
  }
  return true;
}

export function foldWhitespace(text: string): string {
  return text.replace(WHITESPACE_RUN, ' ').trim();
}

/** Splits normalized text into its content lines; `firstLine` is the file line number of `text`'s first line. */
export function contentLines(text: string, firstLine: number): ContentLine[] {
  const raw = text.split(/\r\n|\r|\n/);
  const result: ContentLine[] = [];
  let previousBlank = true;
  for (let i = 0; i < raw.length; i++) {
    const line = raw[i]!;
    if (isBlank(line)) {
      previousBlank = true;
      continue;
    }
    const next = raw[i + 1];
    result.push({
      text: foldWhitespace(line),
      line: firstLine + i,
      alone: previousBlank && (next === undefined || isBlank(next)),
    });
    previousBlank = false;
  }
  return result;
}
