import type { Issue } from './parser/issue.ts';
import type { ParseResult } from './parser/index.ts';
import { resolveSection, sectionFolder } from './site/sections.ts';
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

/**
 * Articles whose section (their folder below `contentDir`, or `section:` in the override block) is not
 * in `templates/_data/sections.json`. They still build, under a name made from the folder's words.
 */
export function sectionIssues(results: ReadonlyMap<string, ParseResult>, contentDir: string): FileReport[] {
  const reports: FileReport[] = [];
  for (const [file, result] of results) {
    if (!result.ok) continue;
    const section = resolveSection(result.article.section, sectionFolder(file, contentDir));
    if (!section || section.known) continue;
    const message =
      `Chuyên mục "${section.slug}" không có trong templates/_data/sections.json; trang vẫn dựng, chuyên mục hiện tên "${section.name}". ` +
      `Thêm dòng "${section.slug}": "Tên chuyên mục" vào tệp đó, hoặc đặt bài vào thư mục của một chuyên mục có sẵn.`;
    reports.push({ file, issues: [{ severity: 'warning', code: 'UNKNOWN_SECTION', line: 1, message }] });
  }
  return reports;
}

/**
 * Every problem of every file, errors and warnings, files in order and lines in order. With the
 * content folder the files were listed from, sections missing from the section list are reported too.
 */
export function checkReports(results: ReadonlyMap<string, ParseResult>, contentDir?: string): FileReport[] {
  const byFile = new Map<string, Issue[]>();
  for (const [file, result] of results) byFile.set(file, [...(result.ok ? [] : result.errors), ...result.warnings]);
  for (const { file, issues } of crossFileIssues(results)) byFile.get(file)!.push(...issues);
  for (const { file, issues } of contentDir === undefined ? [] : sectionIssues(results, contentDir)) byFile.get(file)!.push(...issues);
  return [...byFile]
    .map(([file, issues]) => ({ file, issues: issues.sort((a, b) => a.line - b.line) }))
    .filter((report) => report.issues.length > 0);
}
