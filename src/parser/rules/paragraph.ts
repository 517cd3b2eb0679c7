import { current, type Rule } from '../state.ts';

/** Whatever no other rule took is a body paragraph: no line is ever dropped. */
export const paragraph: Rule = (state) => {
  const { text, line } = current(state);
  state.blocks.push({ kind: 'paragraph', text, line });
  state.pos++;
  return true;
};
