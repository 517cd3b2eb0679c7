import type { Byline, Rule } from '../state.ts';
import { current } from '../state.ts';

// Who wrote the text, and who made the pictures, as the paper prints it before a colon.
const TEXT_LABEL = String.raw`bài|tin|thực\s+hiện|ghi\s+chép|tổng\s+hợp|lược\s+dịch|biên\s+dịch|nhóm\s+pv|nhóm\s+phóng\s+viên|nguồn`;
const PICTURE_LABEL = String.raw`ảnh|video|clip|đồ\s+họa|đồ\s+hoạ|infographic`;
const LABEL = `(?:${TEXT_LABEL}|${PICTURE_LABEL})`;
const LABEL_LIST = `${LABEL}(?:\\s*(?:,|và|\\+|&|/|-)\\s*${LABEL})*`;

// One credit: labels, a colon, then names up to the next label-and-colon (after `-`, `;` or `,`) or the end.
const CREDIT_PART = new RegExp(
  `\\s*[-–—;|,]?\\s*(${LABEL_LIST})\\s*:\\s*(.+?)\\s*(?=[-–—;|,]?\\s*${LABEL_LIST}\\s*:|$)`,
  'iuy',
);
const TEXT_LABEL_IN_LIST = new RegExp(`(?:^|[\\s,&+/-])(?:${TEXT_LABEL})(?=$|[\\s,&+/-])`, 'iu');

// `THANH THUẬN`, `P.V`, `N.Y - T.T`: capitals, initials and separators only.
const BARE_NAME = /^(?=.*\p{Lu}.*\p{Lu})[\p{Lu}\p{M}][\p{Lu}\p{M}\s.,'’&–-]*$/u;
// `Theo TTXVN`, `(Theo Báo Tuổi Trẻ)`: a short agency or paper name, no sentence.
const AGENCY = /^\(?\s*(?:theo|Theo|THEO)\s+(\p{Lu}[^,;:!?]*?)\s*\)?$/u;

const MAX_WORDS = 12;
const MAX_CHARS = 90;

function short(text: string): boolean {
  return text.length <= MAX_CHARS && text.split(' ').length <= MAX_WORDS;
}

function endsLikeSentence(text: string): boolean {
  return /[!?…;:,]$/u.test(text) || /[\p{Ll}\d]{2,}\.$/u.test(text);
}

function labelled(text: string): Byline['author'] | undefined {
  const names: string[] = [];
  CREDIT_PART.lastIndex = 0;
  let match: RegExpExecArray | null;
  while (CREDIT_PART.lastIndex < text.length && (match = CREDIT_PART.exec(text))) {
    const [, labels = '', name = ''] = match;
    if (!short(name) || endsLikeSentence(name)) return undefined;
    if (TEXT_LABEL_IN_LIST.test(labels)) names.push(name);
  }
  if (CREDIT_PART.lastIndex !== text.length) return undefined;
  return names.length > 0 ? names.join(', ') : null;
}

/** Reads a byline; undefined when the line is not one. The author is who is credited for the text. */
export function readByline(text: string): Byline['author'] | undefined {
  if (!short(text)) return undefined;
  const credited = labelled(text);
  if (credited !== undefined) return credited;
  const agency = AGENCY.exec(text);
  if (agency && agency[1]!.split(' ').length <= 6 && !endsLikeSentence(agency[1]!)) return agency[1]!.replace(/\.$/u, '');
  if (BARE_NAME.test(text) && text.split(' ').length <= 8) return text;
  return undefined;
}

/** The last content line is the byline when it has a byline's form. */
export const byline: Rule = (state) => {
  if (state.pos !== state.lines.length - 1) return false;
  const { text, line } = current(state);
  const author = readByline(text);
  if (author === undefined) return false;
  state.byline = { credit: text, author, line };
  state.pos++;
  return true;
};
