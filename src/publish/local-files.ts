/**
 * The built site as publish sees it: every file below the output folder, with its size and the MD5
 * of its bytes. What changed is decided by content, never by modification time: every build writes
 * every file anew, and a byte-identical file must not be uploaded again.
 */
import { createHash } from 'node:crypto';
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { FILE_CONCURRENCY, mapConcurrently } from '../concurrency.ts';
import { STATE_FOLDER } from '../build/build-state.ts';
import { PublishError } from './errors.ts';
import type { LocalFile } from './plan.ts';

/** The key of the file at `relative` below the output folder: `/` between folders, on every system. */
export const keyOf = (relative: string) => relative.split(path.sep).join('/');

/**
 * Every file of the site in `outputDir`, sorted by key. Refuses a folder without `index.html`:
 * publishing the wrong folder would delete the site from the bucket.
 */
export async function readSiteFiles(outputDir: string, onStep: (done: number, total: number) => void): Promise<LocalFile[]> {
  if (!(await stat(path.join(outputDir, 'index.html')).catch(() => null))?.isFile()) {
    throw new PublishError('NO_SITE', `"${outputDir}" không phải một trang đã dựng (không có index.html); chạy "toa-soan build" trước, hay sửa --output`);
  }
  let entries;
  try {
    entries = await readdir(outputDir, { recursive: true, withFileTypes: true });
  } catch (error) {
    throw new PublishError('NO_FILE', `không đọc được thư mục "${outputDir}" (${(error as NodeJS.ErrnoException).code ?? error})`);
  }
  const relatives = entries
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(outputDir, path.join(entry.parentPath, entry.name)))
    // What the build keeps for its next run (build-state.ts) is not part of the site.
    .filter((relative) => !keyOf(relative).startsWith(`${STATE_FOLDER}/`));
  relatives.sort((a, b) => (keyOf(a) < keyOf(b) ? -1 : 1));
  return mapConcurrently(
    relatives,
    FILE_CONCURRENCY,
    async (relative) => {
      const key = keyOf(relative);
      const bytes = await readSiteFile(outputDir, key);
      return { key, size: bytes.length, md5: createHash('md5').update(bytes).digest('hex') };
    },
    onStep,
  );
}

/** The bytes of the file of `key`; a file gone or unreadable (a build replacing the folder meanwhile) is NO_FILE. */
export async function readSiteFile(outputDir: string, key: string): Promise<Buffer> {
  const file = path.join(outputDir, ...key.split('/'));
  try {
    return await readFile(file);
  } catch (error) {
    throw new PublishError('NO_FILE', `không đọc được "${file}" (${(error as NodeJS.ErrnoException).code ?? error}); dựng xong trang rồi chạy lại lệnh`);
  }
}
