import { current, type Rule } from '../state.ts';

export const HEADING_MAX_WORDS = 12;
export const HEADING_MAX_CHARS = 90;

// Closing quotes and brackets do not end a sentence; what stands before them does.
const CLOSERS = /["'”’»)\]]+$/u;
const SENTENCE_END = /[.;:,…]$/u;
const STARTS_LIKE_HEADING = /^["'“‘«(]?[\p{Lu}\d]/u;
// A lone `Ảnh: T.THUẬN` or `Nguồn: TTXVN` is a credit, not a section.
const CREDIT_LINE = /^(?:ảnh|nguồn|video|clip)\s*:/iu;

export function isHeadingShaped(text: string): boolean {
  if (text.length > HEADING_MAX_CHARS || text.split(' ').length > HEADING_MAX_WORDS) return false;
  if (!STARTS_LIKE_HEADING.test(text) || CREDIT_LINE.test(text)) return false;
  return !SENTENCE_END.test(text.replace(CLOSERS, ''));
}

/**
 * A short line that stands as its own paragraph and does not end like a sentence is a section heading.
 * The last line never is: a heading introduces text that follows it.
 */
export const heading: Rule = (state) => {
  const line = current(state);
  if (!line.alone || state.pos === state.lines.length - 1 || !isHeadingShaped(line.text)) return false;
  state.blocks.push({ kind: 'heading', text: line.text, line: line.line });
  state.pos++;
  return true;
};
