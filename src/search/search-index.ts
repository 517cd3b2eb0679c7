/**
 * The search stage: Pagefind's search index of a built site, for `/tim-kiem/`. Article pages mark
 * their story for the index; a big archive gets several indexes, built side by side in search
 * workers (search-worker.ts), which the search page merges.
 */
import { readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as pagefind from 'pagefind';
import { runWorkerPool, type PoolFork } from '../workers/pool.ts';
import { workerExit } from '../workers/worker-process.ts';

/**
 * Article pages per Pagefind index. Pagefind holds what it indexes in memory, about 340 KB for a
 * 6 KB article (1.3 GB for 4,000), so a big archive gets several indexes, which the search page
 * merges (`mergeIndex`). `TOA_SOAN_SEARCH_SHARD_SIZE` overrides it (tests).
 */
export const SEARCH_SHARD_SIZE = 4000;
/** Memory to allow for each index built at once: a full one takes about 1.3 GB in Pagefind, plus its Node process. */
const BUNDLE_MEMORY = 2e9;

const WORKER = fileURLToPath(new URL('./search-worker.ts', import.meta.url));

/** One Pagefind index: `pages` (site-relative paths under `siteDir`) into the bundle folder `outputPath`. */
export interface SearchBundleJob {
  siteDir: string;
  pages: readonly string[];
  outputPath: string;
}

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

/** Indexes `pages` into one Pagefind bundle at `outputPath`, in a Pagefind backend of its own that ends afterwards (search-worker.ts). */
export async function writeBundle({ siteDir, pages, outputPath }: SearchBundleJob): Promise<void> {
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
 * Each index is built in a worker process (search-worker.ts), several side by side, one per core as memory
 * allows; a worker also turns a Pagefind backend that dies, which its API never reports, into an error.
 */
export async function writeSearchIndex(
  siteDir: string,
  shardSize: number = Number(process.env.TOA_SOAN_SEARCH_SHARD_SIZE) || SEARCH_SHARD_SIZE,
): Promise<void> {
  const root = path.join(siteDir, 'pagefind');
  try {
    const pages = await indexedPages(siteDir);
    const shards = Math.max(1, Math.ceil(pages.length / shardSize));
    const jobs: SearchBundleJob[] = Array.from({ length: shards }, (_, shard) => ({
      siteDir,
      pages: pages.slice(shard * shardSize, (shard + 1) * shardSize),
      outputPath: shard === 0 ? root : path.join(root, String(shard + 1)),
    }));
    await writeBundlesInWorkers(jobs);
    for (const [shard, { outputPath }] of jobs.entries()) {
      for (const name of await readdir(outputPath)) {
        if (UNUSED.test(name) || (shard > 0 && SCRIPTS.test(name))) await rm(path.join(outputPath, name));
      }
    }
    await writeFile(path.join(root, MERGE_LIST), `${JSON.stringify(jobs.slice(1).map((_, i) => `${i + 2}/`))}\n`);
  } catch (error) {
    throw new Error(`Không lập được chỉ mục tìm kiếm (Pagefind): ${(error as Error).message}`);
  }
}

/** Runs `jobs` in worker processes, as many at once as cores and memory allow; on the first failure the others are stopped. */
function writeBundlesInWorkers(jobs: readonly SearchBundleJob[]): Promise<void> {
  const atOnce = Math.max(1, Math.min(os.availableParallelism(), Math.floor(os.totalmem() / BUNDLE_MEMORY)));
  return runWorkerPool(jobs, atOnce, inWorker);
}

/** Builds one index in a new search worker (see `workerExit` for how it fails). */
function inWorker(job: SearchBundleJob, fork: PoolFork): Promise<void> {
  const child = fork(WORKER);
  const exit = workerExit(child, 'lập chỉ mục');
  child.send(job);
  return exit;
}
