import { warning, type Issue } from './parser/issue.ts';
import type { ParseResult } from './parser/index.ts';

export interface FileReport {
  file: string;
  issues: Issue[];
}

/** Problems that only show across files: two articles whose slugs would give the same address. */
export function crossFileIssues(results: ReadonlyMap<string, ParseResult>): FileReport[] {
  const firstBySlug = new Map<string, string>();
  const reports: FileReport[] = [];
  for (const [file, result] of results) {
    if (!result.ok) continue;
    const { slug, date } = result.article;
    const key = `${date.slice(0, 7)}/${slug}`;
    const first = firstBySlug.get(key);
    if (first === undefined) {
      firstBySlug.set(key, file);
      continue;
    }
    reports.push({
      file,
      issues: [
        warning(
          'DUPLICATE_SLUG',
          1,
          `Bài trùng địa chỉ "${slug}" với ${first} trong cùng tháng; bài này sẽ có thêm hậu tố số (-2, -3…). Nếu là hai bài khác nhau, hãy đặt "slug:" riêng trong khối ghi đè.`,
        ),
      ],
    });
  }
  return reports;
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
