import path from 'node:path';
import { siteIssue } from './issue-codes.ts';
import type { Issue } from '../parser/issue.ts';

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

/** How a target is read: against which content folder, and whether with all the folder's articles. */
export interface Reading {
  /** The folder whose sub-folders are sections. */
  contentDir: string;
  /** Read every article of `contentDir` too, for addresses that clash as they do in the build. */
  wholeFolder: boolean;
}

/**
 * How to read a target. Inside the content folder (`--content`, default `content/`), against it
 * and with all its articles. A folder outside it, without `--content`, as a content folder of its
 * own (what `build --content DIR` would read). Anything else on its own, with no section.
 */
export function readingOf(target: Target, contentDir: string, contentGiven: boolean): Reading {
  if (isInside(target.path, contentDir)) return { contentDir, wholeFolder: true };
  if (target.kind === 'folder' && !contentGiven) return { contentDir: target.path, wholeFolder: true };
  return { contentDir, wholeFolder: false };
}

/**
 * The files to read: every article of the content folder when it is read whole (addresses are
 * unique across it), then the targets' files that the listing lacks, each once.
 */
export function filesToRead(listed: readonly string[], named: readonly string[]): string[] {
  const files = new Map(listed.map((file) => [path.resolve(file), file]));
  for (const file of named) if (!files.has(path.resolve(file))) files.set(path.resolve(file), file);
  return [...files.values()];
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
