import { current, type Rule } from '../state.ts';

// `(Báo Quảng Ngãi)- `, `(Báo Quảng Ngãi) – `, `(BQN)-`: the paper's own tag before the lead.
const SOURCE_TAG = /^\(\s*(?:báo\s+quảng\s+ngãi|bqn|baoquangngai(?:\.vn)?)\s*\)\s*[-–—:]?\s*/iu;

export const PAPER_NAME = 'Báo Quảng Ngãi';

/** The first paragraph after the title is the lead; a source tag at its start is lifted into `source`. */
export const lead: Rule = (state) => {
  if (!state.title || state.lead) return false;
  const { text, line } = current(state);
  const tag = SOURCE_TAG.exec(text);
  state.pos++;
  if (!tag) {
    state.lead = { text, line };
    return true;
  }
  state.source = PAPER_NAME;
  const rest = text.slice(tag[0].length).trim();
  // A tag alone on its line leaves the lead to the next paragraph.
  if (rest) state.lead = { text: rest, line };
  return true;
};
