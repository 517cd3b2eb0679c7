import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseArticleBytes, type ParseResult } from './parser/index.ts';

/** Files read at once: enough to keep the disk busy while the parser works, few enough to spare file handles. */
const CONCURRENCY = 32;

/** Every `.txt` article below `dir` (paths start with `dir` as given), in a stable order. */
export async function listArticleFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile() && entry.name.endsWith('.txt'))
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
}

export async function readArticleFile(path: string): Promise<ParseResult> {
  return parseArticleBytes(await readFile(path));
}

/** Reads and parses many files, several at a time; the map keeps the order of `files`. */
export async function readArticleFiles(
  files: readonly string[],
  onProgress: (done: number, total: number) => void = () => {},
): Promise<Map<string, ParseResult>> {
  const results: ParseResult[] = new Array(files.length);
  let next = 0;
  let done = 0;
  const worker = async () => {
    while (next < files.length) {
      const index = next++;
      results[index] = await readArticleFile(files[index]!);
      onProgress(++done, files.length);
    }
  };
  await Promise.all(Array.from({ length: Math.min(CONCURRENCY, files.length) }, worker));
  return new Map(files.map((file, index) => [file, results[index]!]));
}
