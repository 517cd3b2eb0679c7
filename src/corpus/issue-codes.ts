import type { IssueCodeWith, Severity } from '../issues/catalogue.ts';
import type { Issue } from '../parser/issue.ts';

/**
 * An issue found outside the parser, about an article's place in the content folder and the files
 * beside it; the code must be one the catalogue (`src/issues/catalogue.ts`) allows at that severity.
 */
export function siteIssue<S extends Severity>(severity: S, code: IssueCodeWith<S>, line: number, message: string): Issue {
  return { severity, code, line, message };
}
