import type { DateTime } from 'luxon';
import type { Block } from '../article.ts';
import type { Issue } from './issue.ts';
import type { ContentLine } from './lines.ts';

export interface Byline {
  credit: string;
  author: string | null;
  line: number;
}

/** What the rules read (`lines`, `pos`) and what they have found so far. */
export interface ParserState {
  readonly lines: readonly ContentLine[];
  pos: number;
  date: { value: DateTime; line: number } | null;
  title: ContentLine | null;
  lead: { text: string; line: number } | null;
  source: string | null;
  byline: Byline | null;
  blocks: Block[];
  issues: Issue[];
}

/** A rule looks at `state.lines[state.pos]`; when the line is its to take, it records it, advances `pos` and returns true. */
export type Rule = (state: ParserState) => boolean;

export function newState(lines: readonly ContentLine[]): ParserState {
  return { lines, pos: 0, date: null, title: null, lead: null, source: null, byline: null, blocks: [], issues: [] };
}

export function current(state: ParserState): ContentLine {
  const line = state.lines[state.pos];
  if (!line) throw new RangeError('parser rule ran past the last line');
  return line;
}
