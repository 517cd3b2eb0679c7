import type { IssueCode, IssueCodeWith, Severity } from '../issues/catalogue.ts';

export { ISSUE_CODES, type IssueCode, type Severity } from '../issues/catalogue.ts';

/** A problem found in one article file; `line` is 1-based in the file as committed. */
export interface Issue {
  severity: Severity;
  code: IssueCode;
  line: number;
  message: string;
}

export function error(code: IssueCodeWith<'error'>, line: number, message: string): Issue {
  return { severity: 'error', code, line, message };
}

export function warning(code: IssueCodeWith<'warning'>, line: number, message: string): Issue {
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
