/**
 * The search stage: Pagefind's search indexes of a built site, for `/tim-kiem/`. Article pages mark
 * their story for the index; each calendar tier of the archive (search-tiers.ts) gets an index of its
 * own in `pagefind/<tier>/`, built in a search worker (search-worker.ts), and the search page merges
 * the recent ones, then older years on request.
 */
import { existsSync } from 'node:fs';
import { chmod, mkdir, mkdtemp, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as pagefind from 'pagefind';
import { runWorkerPool, type PoolFork } from '../workers/pool.ts';
import { startSpare, workerExit } from '../workers/worker-process.ts';
import type { SearchTier } from './search-tiers.ts';
import { filesBelow } from '../files-below.ts';

/**
 * Memory to allow for building an index of `pages` at once: Pagefind holds what it indexes in memory,
 * about 340 KB for a 6 KB article, plus its Node process.
 */
const bundleMemory = (pages: number) => 2e8 + pages * 3.4e5;

const WORKER = fileURLToPath(new URL('./search-worker.ts', import.meta.url));

/** One Pagefind index: `pages` (site-relative paths under `siteDir`) into the bundle folder `outputPath`. */
export interface SearchBundleJob {
  siteDir: string;
  pages: readonly string[];
  outputPath: string;
}

/** Where the search page finds the tiers: `pagefind/indexes.json`, a `SearchIndexList`. */
export const MERGE_LIST = 'indexes.json';

/**
 * One step of a search, as folders relative to `pagefind/`: the newest story's month (its day and the
 * rest of the month, merged; `month` set), then the rest of that year, then each earlier year.
 */
export interface SearchScope {
  folders: string[];
  year: number;
  month: number | null;
}

/**
 * The tiers for the search page, newest first: a query searches the first scope (whose first folder
 * holds Pagefind's scripts) and merges the next while too few stories are found, or on request.
 */
export interface SearchIndexList {
  scopes: SearchScope[];
}

/** Pagefind's ready-made interfaces, which the site does not use. */
const UNUSED = /^pagefind-(ui|modular-ui|component-ui|highlight)\.(js|css)$/;
/**
 * Pagefind's search engine: its script, the web worker and the WebAssembly. Pagefind's script loads the
 * other two from the folder of the first index it opens, so they are kept once, with the newest tier.
 */
const ENGINE = /^(pagefind(-worker)?\.js|wasm\.[\w-]+\.pagefind)$/;
const TIER_FOLDER = /^(ngay|thang|nam|\d{4})$/;
/** A tier being written (`new`) or just replaced (`old`) by a run that was killed. */
const LEFTOVER = /^\.(ngay|thang|nam|\d{4})\.new-/;

/**
 * What of an article page Pagefind needs to index it, as a small page: the `<html>` tag (its `lang`)
 * and the element marked `data-pagefind-body`. Sent to Pagefind's backend, it is a third of the page
 * to encode, decode and parse (1,000 pages added in 1.35 s instead of 1.7 s), for the same index. Pagefind also reads
 * a few things outside that element: every `data-pagefind-` attribute, the first non-empty `<h1>` of
 * the page as its title (else `<title>`), and the first `<img>` after that title as its image; so a
 * page is cut only where none of those can come from outside the element, else given whole.
 */
export function indexedPart(page: string): string {
  const htmlTag = /<html\b[^>]*>/.exec(page);
  const body = /<(article|main|section|div)\b[^>]*\sdata-pagefind-body[\s>=]/.exec(page);
  if (!htmlTag || !body) return page;
  const closing = `</${body[1]}>`;
  const end = page.lastIndexOf(closing);
  if (end < body.index) return page;
  const element = page.slice(body.index, end + closing.length);
  const before = page.slice(0, body.index);
  const after = page.slice(end + closing.length);
  const titled = /<h1\b[^>]*>\s*[^<\s]/.test(element);
  const readOutside = /data-pagefind|<h1\b/i.test(before) || /data-pagefind|<h1\b|<img\b/i.test(after);
  return titled && !readOutside ? `<!DOCTYPE html>\n${htmlTag[0]}<body>${element}</body></html>` : page;
}

/** Indexes `pages` into one Pagefind bundle at `outputPath`, in a Pagefind backend of its own that ends afterwards (search-worker.ts). */
export async function writeBundle({ siteDir, pages, outputPath }: SearchBundleJob): Promise<void> {
  try {
    const { index, errors } = await pagefind.createIndex({ forceLanguage: 'vi' });
    if (!index) throw new Error(errors.join('\n'));
    for (const page of pages) {
      const url = `/${page.split(path.sep).join('/').replace(/index\.html$/, '')}`;
      const added = await index.addHTMLFile({ url, content: indexedPart(await readFile(path.join(siteDir, page), 'utf8')) });
      if (added.errors.length > 0) throw new Error(`${page}: ${added.errors.join('\n')}`);
    }
    const written = await index.writeFiles({ outputPath });
    if (written.errors.length > 0) throw new Error(written.errors.join('\n'));
  } finally {
    await pagefind.close();
  }
}

/** What `pagefind/indexes.json` says for `tiers` (newest first): the tiers of one month make one scope. */
export function indexList(tiers: readonly SearchTier[]): SearchIndexList {
  const scopes: SearchScope[] = [];
  for (const tier of tiers) {
    const last = scopes.at(-1);
    if (last && tier.month !== null && last.month === tier.month && last.year === tier.year) last.folders.push(`${tier.name}/`);
    else scopes.push({ folders: [`${tier.name}/`], year: tier.year, month: tier.month });
  }
  return { scopes };
}

export interface SearchIndexOptions {
  /** The tiers to rebuild; without it, all. */
  only?: ReadonlySet<string>;
  /** Work for this process while the workers index (it has handed them their jobs and only waits). */
  whileIndexing?: () => void;
}

/**
 * Writes the search indexes of a built site: each tier's Pagefind bundle in `siteDir/pagefind/<tier>/`
 * and the list of them, `pagefind/indexes.json`. With `only`, just those tiers are rebuilt (and any
 * tier whose folder is missing); the other tiers' files are left as they are, byte for byte. Folders of
 * tiers that no longer exist go.
 *
 * A tier is written whole into a hidden sibling folder first; a new tier is then renamed into place,
 * and an existing one takes only the files that changed (`swapIn`), so a file Pagefind writes again
 * with the same bytes keeps its modification time. The next run removes what a killed run left in
 * the hidden folders; a build that dies while moving files into a tier has forgotten its state
 * (build-state.ts), so the next build is a full one. Result addresses are put under the path prefix by the search page itself (Pagefind's
 * `baseUrl`), so the index is the same for any prefix. Each tier is built in a worker process
 * (search-worker.ts), several side by side as cores and memory allow; a worker also turns a Pagefind
 * backend that dies, which its API never reports, into an error.
 */
export async function writeSearchIndex(siteDir: string, tiers: readonly SearchTier[], options: SearchIndexOptions = {}): Promise<void> {
  const root = path.join(siteDir, 'pagefind');
  const fresh: string[] = [];
  try {
    await mkdir(root, { recursive: true });
    await repairLeftovers(root);
    const names = new Set(tiers.map((tier) => tier.name));
    for (const name of await readdir(root)) {
      if (TIER_FOLDER.test(name) && !names.has(name)) await rm(path.join(root, name), { recursive: true, force: true });
    }
    const wanted = tiers.filter((tier) => !options.only || options.only.has(tier.name) || !existsSync(path.join(root, tier.name)));
    const jobs: SearchBundleJob[] = [];
    for (const tier of wanted) {
      const folder = await mkdtemp(path.join(root, `.${tier.name}.new-`));
      fresh.push(folder);
      // mkdtemp makes a private (0700) folder; the published site must be readable by the web server's user.
      await chmod(folder, 0o755);
      jobs.push({ siteDir, pages: tier.files, outputPath: folder });
    }
    const indexing = writeBundlesInWorkers(jobs);
    try {
      options.whileIndexing?.();
    } finally {
      await indexing;
    }
    for (const [i, tier] of wanted.entries()) {
      await keepNeededFiles(fresh[i]!, tier === tiers[0]);
      await swapIn(root, tier.name, fresh[i]!);
    }
    await writeIfChanged(path.join(root, MERGE_LIST), `${JSON.stringify(indexList(tiers))}\n`);
  } catch (error) {
    await Promise.all(fresh.map((folder) => rm(folder, { recursive: true, force: true })));
    throw new Error(`Không lập được chỉ mục tìm kiếm (Pagefind): ${(error as Error).message}`);
  }
}

/** Removes the tiers a killed run was writing. */
async function repairLeftovers(root: string): Promise<void> {
  for (const name of await readdir(root)) if (LEFTOVER.test(name)) await rm(path.join(root, name), { recursive: true, force: true });
}

/** Drops Pagefind's interfaces, and its engine from every tier but the one the search page opens first. */
async function keepNeededFiles(folder: string, withEngine: boolean): Promise<void> {
  for (const name of await readdir(folder)) {
    if (UNUSED.test(name) || (!withEngine && ENGINE.test(name))) await rm(path.join(folder, name));
  }
}

/**
 * Puts the finished `folder` in place of the tier `name`. A tier rebuilt for a few changed stories
 * has mostly the same files (Pagefind names them by content): those stay as they were, bytes and
 * modification time, so publishing uploads only what changed. New files come first and the entry
 * file last, so the tier is whole for a reader at every moment; files it no longer has go after.
 */
async function swapIn(root: string, name: string, folder: string): Promise<void> {
  const tier = path.join(root, name);
  if (!existsSync(tier)) {
    await rename(folder, tier);
    return;
  }
  const fresh = await filesBelow(folder);
  const entryLast = [...fresh.filter((file) => file !== ENTRY), ...fresh.filter((file) => file === ENTRY)];
  for (const file of entryLast) {
    const target = path.join(tier, file);
    const old = await readFile(target).catch(() => null);
    if (old?.equals(await readFile(path.join(folder, file)))) continue;
    await mkdir(path.dirname(target), { recursive: true });
    await rename(path.join(folder, file), target);
  }
  const kept = new Set(fresh);
  for (const file of await filesBelow(tier)) if (!kept.has(file)) await rm(path.join(tier, file));
  await rm(folder, { recursive: true, force: true });
}

/** The file through which Pagefind opens an index. */
const ENTRY = 'pagefind-entry.json';

/** Writes `text` to `file` unless it already holds it, through a temporary file so a reader never sees half of it. */
async function writeIfChanged(file: string, text: string): Promise<void> {
  if (existsSync(file) && (await readFile(file, 'utf8')) === text) return;
  await writeFile(`${file}.tmp`, text);
  await rename(`${file}.tmp`, file);
}

/** Runs `jobs` in worker processes, as many at once as cores and memory allow; on the first failure the others are stopped. */
function writeBundlesInWorkers(jobs: readonly SearchBundleJob[]): Promise<void> {
  const biggest = Math.max(0, ...jobs.map((job) => job.pages.length));
  const atOnce = Math.max(1, Math.min(os.availableParallelism(), Math.floor(os.totalmem() / bundleMemory(biggest))));
  return runWorkerPool(jobs, atOnce, inWorker);
}

/** Starts a search worker ahead of need (`startSpare`): the next index built takes it. */
export function startSearchWorker(): void {
  startSpare(WORKER);
}

/** Builds one index in a new search worker (see `workerExit` for how it fails). */
function inWorker(job: SearchBundleJob, fork: PoolFork): Promise<void> {
  const child = fork(WORKER);
  const exit = workerExit(child, 'lập chỉ mục');
  child.send(job);
  return exit;
}
