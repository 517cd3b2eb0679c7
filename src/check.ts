import path from 'node:path';
import { siteIssue } from './issue-codes.ts';
import type { Issue } from './parser/issue.ts';

export interface FileReport {
  file: string;
  issues: Issue[];
}

/** A path given to `check`, as found on disk. */
export type Target = { path: string; kind: 'file' | 'folder' } | { path: string; kind: 'missing'; reason: string };

function isInside(target: string, folder: string): boolean {
  const relative = path.relative(path.resolve(folder), path.resolve(target));
  return relative.split(path.sep)[0] !== '..' && !path.isAbsolute(relative);
}

/**
 * The content folder whose sub-folders are a target's sections. `--content` holds for every
 * target, and so does the default `content/` for the targets inside it. A folder outside it is
 * checked as a content folder of its own (what `build --content DIR` would read); a file outside
 * it has no section.
 */
export function contentFolderOf(target: Target, contentDir: string, contentGiven: boolean): string {
  if (contentGiven || target.kind !== 'folder' || isInside(target.path, contentDir)) return contentDir;
  return target.path;
}

/**
 * The files to read for a content folder: every article listed in it, since addresses are unique
 * across the whole folder, and the files given by name that the listing lacks (a file outside
 * it, or one not named `.txt`).
 */
export function filesToRead(listed: readonly string[], given: readonly string[]): string[] {
  const known = new Set(listed.map((file) => path.resolve(file)));
  const extra = given.filter((file) => !known.has(path.resolve(file)) && known.add(path.resolve(file)));
  return [...listed, ...extra];
}

export function missingReport(target: Extract<Target, { kind: 'missing' }>): FileReport {
  const message =
    target.reason === 'ENOENT'
      ? `Không có tệp hay thư mục "${target.path}"; kiểm tra lại đường dẫn.`
      : `Không mở được "${target.path}" (${target.reason}).`;
  return { file: target.path, issues: [siteIssue('error', 'NO_FILE', 1, message)] };
}

/** Reports in file name order, whatever order the paths were given in; files without problems left out. */
export function orderReports(reports: readonly FileReport[]): FileReport[] {
  return reports.filter((report) => report.issues.length > 0).sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
}
