import type { Issue } from './parser/issue.ts';
import type { ParseResult } from './parser/index.ts';
import { assignArticlePaths } from './site/urls.ts';

export interface FileReport {
  file: string;
  issues: Issue[];
}

/** Problems that only show across files: two articles whose slugs would give the same address. */
export function crossFileIssues(results: ReadonlyMap<string, ParseResult>): FileReport[] {
  const articles = [...results].flatMap(([file, result]) => (result.ok ? [{ file, article: result.article }] : []));
  return assignArticlePaths(articles).moved.map(({ file, issue }) => ({ file, issues: [issue] }));
}

/** Every problem of every file, errors and warnings, files in order and lines in order. */
export function checkReports(results: ReadonlyMap<string, ParseResult>): FileReport[] {
  const byFile = new Map<string, Issue[]>();
  for (const [file, result] of results) byFile.set(file, [...(result.ok ? [] : result.errors), ...result.warnings]);
  for (const { file, issues } of crossFileIssues(results)) byFile.get(file)!.push(...issues);
  return [...byFile]
    .map(([file, issues]) => ({ file, issues: issues.sort((a, b) => a.line - b.line) }))
    .filter((report) => report.issues.length > 0);
}
