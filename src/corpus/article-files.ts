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
 * (237,000 names at 100,000 stories). The folders are read side by side, not one after another as
 * `readdir`'s `recursive` does: each waits for the one before, and for this thread when it is busy
 * (100,000 stories in 32 sections: 150 ms against 230-360 ms).
 */
export async function listContent(dir: string): Promise<ContentListing> {
  const names = new Map<string, string[]>();
  const files: string[] = [];
  const walk = async (folder: string): Promise<void> => {
    const entries = await readdir(folder, { withFileTypes: true });
    const below = joinBelow(folder);
    const here: string[] = [];
    const inner: Promise<void>[] = [];
    for (const entry of entries) {
      here.push(entry.name);
      if (entry.isDirectory()) inner.push(walk(below(entry.name)));
      else if (entry.isFile() && isStoryFile(entry.name)) files.push(below(entry.name));
    }
    if (here.length > 0) names.set(dirname(below(here[0]!)), here);
    await Promise.all(inner);
  };
  await walk(dir);
  return { files: files.sort(), names };
}
