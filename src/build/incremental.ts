/**
 * A build into a folder that holds the site of an earlier build whose state it trusts
 * (`build-state.ts`): only the pages whose digest changed are rendered, in this process, into a
 * staging folder; each file then replaces the old one by a rename, and only when its bytes differ,
 * so a file that did not change keeps its bytes and its modification time. Pages the site no
 * longer has are removed. The result is the site a full build would write.
 */
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rename, rm, rmdir } from 'node:fs/promises';
import path from 'node:path';
import type { ArchiveModel } from '../corpus/archive-model.ts';
import type { SiteFeatures } from '../corpus/features.ts';
import { IMAGE_URL_PATH, parseRecord, photoKey, recordFile, recordFiles } from '../markup/images.ts';
import { ARTICLE_KEY, type SitePlan } from '../render/page-inputs.ts';
import { renderPages } from '../render/render-pages.ts';
import { STATE_FOLDER } from './build-state.ts';
import { ownedPrefix, removeOrphans } from './orphans.ts';
import { filesBelow } from '../files-below.ts';

export interface SiteUpdate {
  archive: ArchiveModel;
  features: SiteFeatures;
  outputDir: string;
  pathPrefix?: string | undefined;
  siteUrl?: string | undefined;
  plan: SitePlan;
  /** The digest of every planned page of the site in `outputDir`, by file. */
  earlier: Readonly<Record<string, string>>;
  /** Photos (by their file's git blob id) the earlier site showed and this one does not: their files go. */
  photosGone: readonly string[];
  /** Called with the staging folder before anything is written to it, so a stop signal can remove it. */
  staging: (folder: string) => void;
  onArticles?: (done: number, total: number) => void;
}

/** What an update did to the site's files. */
export interface UpdateCount {
  /** Files written because they are new or their bytes changed. */
  written: number;
  removed: number;
  /** Photos encoded, found neither in the cache nor on the site published before. */
  photosEncoded: number;
}

/** The folder, below the state folder, that pages are rendered into before they replace the site's: `staging-<pid>-…`. */
const STAGING_STEM = 'staging-';

/** The pages whose digest differs from the earlier site's, and the earlier site's files that no page has now. */
function siteChanges(plan: SitePlan, earlier: Readonly<Record<string, string>>): { changed: SitePlan['pages']; gone: string[] } {
  const changed = plan.pages.filter((page) => earlier[page.file] !== page.digest);
  const files = new Set(plan.pages.map((page) => page.file));
  const gone = Object.keys(earlier).filter((file) => !files.has(file));
  return { changed, gone };
}

/**
 * Brings the site in `outputDir` up to `plan` (see the module's comment). The caller removes the
 * state first: a run killed half-way leaves a site no state describes, which the next build rebuilds whole.
 */
export async function updateSite(update: SiteUpdate): Promise<UpdateCount> {
  const { plan, outputDir } = update;
  const { changed, gone } = siteChanges(plan, update.earlier);
  if (changed.length === 0 && gone.length === 0 && update.photosGone.length === 0) return { written: 0, removed: 0, photosEncoded: 0 };

  const stateFolder = path.join(outputDir, STATE_FOLDER);
  await mkdir(stateFolder, { recursive: true });
  await removeOrphans(stateFolder, STAGING_STEM);
  const staging = await mkdtemp(path.join(stateFolder, ownedPrefix(STAGING_STEM)));
  update.staging(staging);
  try {
    const keys = new Set(changed.map((page) => page.key));
    const plannedPages = new Map<string, unknown[]>();
    for (const { paged } of changed) {
      if (!paged) continue;
      const pages = plannedPages.get(paged.template);
      if (pages) pages.push(paged.page);
      else plannedPages.set(paged.template, [paged.page]);
    }
    const { corpus } = update.archive;
    // By file, not by key: a key made for each of 100,000 stories only to be looked up was most of this.
    const articleFiles = new Set(changed.filter((page) => page.key.startsWith(ARTICLE_KEY)).map((page) => page.key.slice(ARTICLE_KEY.length)));
    const articles = corpus.entries.filter((entry) => articleFiles.has(entry.file));
    const singles = new Set(plan.singles);
    let done = 0;
    let photosEncoded = 0;
    await renderPages({
      output: staging,
      pathPrefix: update.pathPrefix,
      run: {
        corpus: corpus.withArticlePages(articles),
        archive: { model: update.archive },
        features: update.features,
        siteUrl: update.siteUrl,
        // The site being updated holds the record of every photo it shows: a listing that shows other
        // stories' photos, rendered again, finds them there, even with no image cache at all.
        previous: outputDir,
        sitePagesOnly: (key) => keys.has(key) || singles.has(key),
        plannedPages,
        onArticle: () => update.onArticles?.(++done, articles.length),
        onPhotoEncoded: () => photosEncoded++,
      },
    });
    const written = await moveChanged(staging, outputDir);
    const photoFiles = await photoFilesOf(outputDir, update.photosGone);
    for (const file of [...gone, ...photoFiles]) await removeFile(outputDir, file);
    return { written, removed: gone.length + photoFiles.length, photosEncoded };
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
}

/**
 * Moves each file of `staging` over its namesake in `outputDir` when its bytes differ; returns
 * how many moved. An image is named by its content, so one already there is the same.
 */
async function moveChanged(staging: string, outputDir: string): Promise<number> {
  let moved = 0;
  const images = IMAGE_URL_PATH.slice(1);
  for (const file of await filesBelow(staging)) {
    const target = path.join(outputDir, file);
    const same = file.split(path.sep).join('/').startsWith(images)
      ? existsSync(target)
      : ((await readFile(target).catch(() => null))?.equals(await readFile(path.join(staging, file))) ?? false);
    if (same) continue;
    await mkdir(path.dirname(target), { recursive: true });
    await rename(path.join(staging, file), target);
    moved++;
  }
  return moved;
}

/**
 * The files of the site that show the photos `ids`: those their records (`img/rec/`) name, and
 * the records. A photo whose record is not in the site has no files there (they were published before).
 */
async function photoFilesOf(outputDir: string, ids: readonly string[]): Promise<string[]> {
  const files: string[] = [];
  for (const id of ids) {
    const key = photoKey(id);
    const record = parseRecord(await readFile(path.join(outputDir, recordFile(key)), 'utf8').catch(() => ''), key);
    if (record) files.push(...recordFiles(record));
  }
  return files;
}

/** Removes a page's file, and the folders it leaves empty. */
async function removeFile(outputDir: string, file: string): Promise<void> {
  await rm(path.join(outputDir, file), { force: true });
  for (let folder = path.dirname(file); folder !== '.'; folder = path.dirname(folder)) {
    try {
      await rmdir(path.join(outputDir, folder));
    } catch {
      // Not empty: other pages are still in it.
      return;
    }
  }
}
