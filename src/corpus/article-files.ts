import { readdir } from 'node:fs/promises';
import { join } from 'node:path';

/** Every `.txt` article below `dir` (paths start with `dir` as given), in a stable order. */
export async function listArticleFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile() && entry.name.endsWith('.txt'))
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
}
