import { current, type Rule } from '../state.ts';

/** The first content line after the timestamp is the title. */
export const title: Rule = (state) => {
  if (state.title) return false;
  state.title = current(state);
  state.pos++;
  return true;
};
