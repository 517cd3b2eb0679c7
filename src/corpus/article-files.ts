import { readdir } from 'node:fs/promises';
import { basename, dirname } from 'node:path';
import { joinBelow } from './join-below.ts';

/** Story files: the newsroom system's `.txt` exports and stories written in Markdown. */
export const STORY_EXTENSIONS = ['.txt', '.md'] as const;

/** A story file by its name or path; a folder's `README.md` is notes about it, never a story. */
export function isStoryFile(file: string): boolean {
  return STORY_EXTENSIONS.some((extension) => file.endsWith(extension)) && basename(file).toLowerCase() !== 'readme.md';
}

/** Every story file (`.txt`, `.md`) below `dir` (paths start with `dir` as given), in a stable order. */
export async function listArticleFiles(dir: string): Promise<string[]> {
  return (await listContent(dir)).files;
}

/** What one walk of a content folder finds: its story files and, by folder, every name in it. */
export interface ContentListing {
  /** As `listArticleFiles` gives them. */
  files: string[];
  /** The names in each folder below `dir` (files and folders, as `readdir` gives them), by the folder's path as `path.dirname` gives it for a file in it. */
  names: ReadonlyMap<string, readonly string[]>;
}

/**
 * The story files below `dir` and the names beside them, in one walk: a story's photos are found
 * among the names of its folder, which a big archive's loader would otherwise read a second time
 * (237,000 names at 100,000 stories).
 */
export async function listContent(dir: string): Promise<ContentListing> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const folders = new Map<string, { names: string[]; below: (name: string) => string }>();
  const names = new Map<string, string[]>();
  const files: string[] = [];
  for (const entry of entries) {
    let folder = folders.get(entry.parentPath);
    if (!folder) {
      folder = { names: [], below: joinBelow(entry.parentPath) };
      folders.set(entry.parentPath, folder);
      names.set(dirname(folder.below(entry.name)), folder.names);
    }
    folder.names.push(entry.name);
    if (entry.isFile() && isStoryFile(entry.name)) files.push(folder.below(entry.name));
  }
  return { files: files.sort(), names };
}
