import { mkdir, mkdtemp, readdir, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { listContent } from '../../src/corpus/article-files.ts';

/** A content folder with stories at the top, in sections and below, photos beside them, a README, an empty folder and a link. */
async function contentFolder(): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'content-listing-'));
  const files = ['bai-dau.txt', 'README.md', 'thoi-su/a.txt', 'thoi-su/a-1.jpg', 'thoi-su/a-2.jpg', 'thoi-su/b.md', 'thoi-su/cu/c.txt', 'thoi-su/cu/c-1.png', 'doi-song/d.txt', 'anh/rieng.jpg'];
  for (const file of files) {
    await mkdir(path.dirname(path.join(dir, file)), { recursive: true });
    await writeFile(path.join(dir, file), 'x');
  }
  await mkdir(path.join(dir, 'trong'));
  await symlink(path.join(dir, 'thoi-su', 'a.txt'), path.join(dir, 'doi-song', 'lien-ket.txt'));
  return dir;
}

describe('listContent', () => {
  test('lists the story files and, for the folder of each, exactly the names readdir gives, however the content folder is spelled', async () => {
    const dir = await contentFolder();
    const relative = path.relative(process.cwd(), dir);
    for (const spelling of [dir, `${dir}/`, `${dir}/.`, relative, `${relative}/`, `./${relative}`]) {
      const { files, names } = await listContent(spelling);
      expect(files.map((file) => path.relative(dir, file)).sort()).toEqual(['bai-dau.txt', 'doi-song/d.txt', 'thoi-su/a.txt', 'thoi-su/b.md', 'thoi-su/cu/c.txt']);
      for (const file of files) {
        const folder = path.dirname(file);
        expect(names.get(folder), `${spelling}: ${folder}`).toEqual(await readdir(folder));
      }
    }
  });
});
