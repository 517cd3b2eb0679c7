import type { Rule } from '../state.ts';

const RELATED_NEWS = /^tin\s+liên\s+quan\s*:?$/iu;

/** `TIN LIÊN QUAN` is the husk of the old site's related-news box: it carries nothing, so it is dropped. */
export const relatedNews: Rule = (state) => {
  if (!RELATED_NEWS.test(state.lines[state.pos]!.text)) return false;
  state.pos++;
  return true;
};
