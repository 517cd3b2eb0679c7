import type { Issue } from '../parser/issue.ts';

/**
 * Codes reported outside the parser, about an article's place in the content folder and the
 * files beside it. The parser's own codes are `IssueCode` in `src/parser/issue.ts`.
 */
export const SITE_ISSUE_CODES = ['NO_FILE', 'UNKNOWN_SECTION', 'MISSING_PHOTO', 'UNUSED_PHOTO', 'BAD_PHOTO'] as const;

export type SiteIssueCode = (typeof SITE_ISSUE_CODES)[number];

export function siteIssue(severity: Issue['severity'], code: SiteIssueCode, line: number, message: string): Issue {
  return { severity, code, line, message };
}
