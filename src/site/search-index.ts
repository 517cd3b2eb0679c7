import { readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import * as pagefind from 'pagefind';

/**
 * Article pages per Pagefind index. Pagefind holds what it indexes in memory, about 340 KB for a
 * 6 KB article (1.3 GB for 4,000), so a big archive gets several indexes, built one after the other,
 * which the search page merges (`mergeIndex`). `TOA_SOAN_SEARCH_SHARD_SIZE` overrides it (tests).
 */
export const SEARCH_SHARD_SIZE = 4000;

/** Where the search page finds the indexes after the first: `pagefind/indexes.json`, a list of folders relative to `pagefind/`. */
export const MERGE_LIST = 'indexes.json';

/** Pagefind's ready-made interfaces, which the site does not use; a merged index needs no script at all. */
const UNUSED = /^pagefind-(ui|modular-ui|component-ui|highlight)\.(js|css)$/;
const SCRIPTS = /^pagefind(-worker)?\.js$/;

/** Site-relative paths of the pages that mark their story for the index (`data-pagefind-body`): the article pages. */
async function indexedPages(siteDir: string): Promise<string[]> {
  const pages: string[] = [];
  for (const file of (await readdir(siteDir, { recursive: true })).filter((name) => name.endsWith('.html')).sort()) {
    if ((await readFile(path.join(siteDir, file), 'utf8')).includes('data-pagefind-body')) pages.push(file);
  }
  return pages;
}

/** Indexes `pages` into one Pagefind bundle at `outputPath`, in a Pagefind process of its own that ends afterwards. */
async function writeBundle(siteDir: string, pages: readonly string[], outputPath: string): Promise<void> {
  try {
    const { index, errors } = await pagefind.createIndex({ forceLanguage: 'vi' });
    if (!index) throw new Error(errors.join('\n'));
    for (const page of pages) {
      const url = `/${page.split(path.sep).join('/').replace(/index\.html$/, '')}`;
      const added = await index.addHTMLFile({ url, content: await readFile(path.join(siteDir, page), 'utf8') });
      if (added.errors.length > 0) throw new Error(`${page}: ${added.errors.join('\n')}`);
    }
    const written = await index.writeFiles({ outputPath });
    if (written.errors.length > 0) throw new Error(written.errors.join('\n'));
  } finally {
    await pagefind.close();
  }
}

/**
 * Writes the search index of a built site: `siteDir/pagefind/`, and for an archive of more than
 * `shardSize` articles further indexes in `pagefind/2/`, `pagefind/3/`… listed in `pagefind/indexes.json`.
 * Pages are shared out in path order, so the same site always gives the same files. Result addresses are
 * put under the path prefix by the search page itself (Pagefind's `baseUrl`), so the index is the same for any prefix.
 */
export async function writeSearchIndex(
  siteDir: string,
  shardSize: number = Number(process.env.TOA_SOAN_SEARCH_SHARD_SIZE) || SEARCH_SHARD_SIZE,
): Promise<void> {
  const root = path.join(siteDir, 'pagefind');
  try {
    const pages = await indexedPages(siteDir);
    const shards = Math.max(1, Math.ceil(pages.length / shardSize));
    const merged: string[] = [];
    for (let shard = 0; shard < shards; shard++) {
      const folder = shard === 0 ? root : path.join(root, String(shard + 1));
      await writeBundle(siteDir, pages.slice(shard * shardSize, (shard + 1) * shardSize), folder);
      for (const name of await readdir(folder)) {
        if (UNUSED.test(name) || (shard > 0 && SCRIPTS.test(name))) await rm(path.join(folder, name));
      }
      if (shard > 0) merged.push(`${shard + 1}/`);
    }
    await writeFile(path.join(root, MERGE_LIST), `${JSON.stringify(merged)}\n`);
  } catch (error) {
    throw new Error(`Không lập được chỉ mục tìm kiếm (Pagefind): ${(error as Error).message}`);
  }
}
