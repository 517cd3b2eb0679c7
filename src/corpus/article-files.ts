import { readdir } from 'node:fs/promises';
import { basename, join } from 'node:path';

/** Story files: the newsroom system's `.txt` exports and stories written in Markdown. */
export const STORY_EXTENSIONS = ['.txt', '.md'] as const;

/** A story file by its name or path; a folder's `README.md` is notes about it, never a story. */
export function isStoryFile(file: string): boolean {
  return STORY_EXTENSIONS.some((extension) => file.endsWith(extension)) && basename(file).toLowerCase() !== 'readme.md';
}

/** Every story file (`.txt`, `.md`) below `dir` (paths start with `dir` as given), in a stable order. */
export async function listArticleFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile() && isStoryFile(entry.name))
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
}
