/** Stable English codes; editors read the Vietnamese message, tools match the code. */
export const ISSUE_CODES = [
  'EMPTY_FILE',
  'NOT_UTF8',
  'MISREAD_ENCODING',
  'NO_DATE',
  'BAD_TIMESTAMP',
  'BAD_OVERRIDE',
  'NO_TITLE',
  'NO_LEAD',
  'NO_BYLINE',
  'LONG_HEADING',
  'REPEATED_LINE',
  'UNKNOWN_OVERRIDE',
  'OVERRIDE_HEADING_NOT_FOUND',
  'DUPLICATE_SLUG',
] as const;
export type IssueCode = (typeof ISSUE_CODES)[number];

export type Severity = 'error' | 'warning';

/** A problem found in one article file; `line` is 1-based in the file as committed. */
export interface Issue {
  severity: Severity;
  code: IssueCode | (string & {});
  line: number;
  message: string;
}

export function error(code: IssueCode, line: number, message: string): Issue {
  return { severity: 'error', code, line, message };
}

export function warning(code: IssueCode, line: number, message: string): Issue {
  return { severity: 'warning', code, line, message };
}

/**
 * Stands in a message for the article's file name, which the pure parser does not know (and must
 * not: a cached parse is shared by every file with the same bytes). Printing puts the name in.
 */
export const FILE_NAME = '‹TỆP›';

/** The file name as one shell word, for a command an editor copies. */
function shellWord(file: string): string {
  return /^[\p{L}\p{N}_./:@%+=,-]+$/u.test(file) ? file : `'${file.replace(/'/g, `'\\''`)}'`;
}

/** The issue's message with the file's name where the message refers to it. */
export function issueMessage(file: string, issue: Issue): string {
  return issue.message.replaceAll(FILE_NAME, shellWord(file));
}

/** `FILE:LINE: CODE: message`, the one format every command prints. */
export function formatIssue(file: string, issue: Issue): string {
  return `${file}:${issue.line}: ${issue.code}: ${issueMessage(file, issue)}`;
}
