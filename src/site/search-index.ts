import { readdir, rm } from 'node:fs/promises';
import path from 'node:path';
import * as pagefind from 'pagefind';

/** What the search page loads from `pagefind/`; Pagefind also writes its ready-made interfaces, which the site does not use. */
const UNUSED = /^pagefind-(ui|modular-ui|component-ui|highlight)\.(js|css)$/;

/**
 * Writes the Pagefind search index of a built site into `siteDir/pagefind/`. Only article pages are
 * indexed: they alone mark their story with `data-pagefind-body`. Result addresses are made under the
 * path prefix by the search page itself (Pagefind's `baseUrl`), so the index is the same for any prefix.
 */
export async function writeSearchIndex(siteDir: string): Promise<void> {
  try {
    const { index, errors } = await pagefind.createIndex({ forceLanguage: 'vi' });
    if (!index) throw new Error(errors.join('\n'));
    const added = await index.addDirectory({ path: siteDir });
    if (added.errors.length > 0) throw new Error(added.errors.join('\n'));
    const written = await index.writeFiles({ outputPath: path.join(siteDir, 'pagefind') });
    if (written.errors.length > 0) throw new Error(written.errors.join('\n'));
  } catch (error) {
    throw new Error(`Không lập được chỉ mục tìm kiếm (Pagefind): ${(error as Error).message}`);
  } finally {
    await pagefind.close();
  }
  const folder = path.join(siteDir, 'pagefind');
  for (const name of await readdir(folder)) {
    if (UNUSED.test(name)) await rm(path.join(folder, name));
  }
}
