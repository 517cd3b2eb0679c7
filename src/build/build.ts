/**
 * The build stage: the `build` command's steps in order (repair what a killed build left, read and
 * check every article, render the site into a temporary folder, index it for search) and the swap
 * of the finished site into place, so readers never see a half-written one.
 */
import { existsSync, renameSync, rmSync } from 'node:fs';
import { chmod, mkdir, mkdtemp, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { ArchiveModel } from '../corpus/archive-model.ts';
import type { SiteFeatures } from '../corpus/features.ts';
import { ImageStore } from '../markup/images.ts';
import { loadCorpus, type LoadedArticle } from '../corpus/load-corpus.ts';
import { trackedFiles } from '../corpus/tracked-files.ts';
import { listContent } from '../corpus/article-files.ts';
import { contentPathsIn } from '../corpus/content-path.ts';
import { orphansIn, ownedPrefix, removeOrphans } from './orphans.ts';
import { ParseCache } from '../corpus/parse-cache.ts';
import type { Progress } from './progress.ts';
import { innermostMessage, preloadRenderer } from '../render/render-pages.ts';
import { renderSite } from '../workers/render-site.ts';
import { startSearchWorker, writeSearchIndex } from '../search/search-index.ts';
import { searchPagesOf, searchTiers, type SearchTier } from '../search/search-tiers.ts';
import { codeVersion, forgetBuildState, hasBuildState, readBuildState, rememberStories, searchInputs, serializeBuildState, stateOf, writeBuildState, type BuildState, type StateFiles, type StoredState } from './build-state.ts';
import { updateSite } from './incremental.ts';
import { readPreviousLedger } from './previous-ledger.ts';
import { Digests, planRun, type SitePlan } from '../render/page-inputs.ts';
import { dropSpares, stopWorkers } from '../workers/worker-process.ts';
import { startRelatedThread, type RelatedThread } from '../workers/related-thread.ts';

export interface BuildOptions {
  contentDir: string;
  outputDir: string;
  /** Sub-path the site is served under, e.g. `/tin/`. */
  pathPrefix?: string | undefined;
  siteUrl?: string | undefined;
  /** The site as published before (`build --previous`): an http(s) address or a folder. */
  previous?: string | undefined;
  /** Which optional features the site has (`TOA_SOAN_WITHOUT`, read by the command). */
  features: SiteFeatures;
  progress: Progress;
  /** Where problems are printed, one `FILE:LINE: CODE: message` per line. */
  issues: NodeJS.WritableStream;
  /**
   * Articles per shard worker; Infinity renders every page in this process. Default: the
   * `TOA_SOAN_SHARD_SIZE` environment variable (tests force tiny shards), else by archive size.
   */
  shardSize?: number;
  /** Site-pages workers; 1 renders listings, feeds and sitemaps in this process. Default: `TOA_SOAN_SITE_SHARDS`, else by archive size. */
  siteShards?: number;
  /** Write the search index (Pagefind) after the pages; default true. `build --no-search` skips it. */
  search?: boolean;
  /** Build every page into a new folder even when the output folder holds a site this build could update (`build --full`). */
  full?: boolean;
  /** The build's clock, ms since the epoch (`build --now`): stories dated after it are not public yet. Default: now. */
  now?: number;
}

/** Signals that stop a build, and the exit status each conventionally gives (128 + its number). */
const STOP_SIGNALS = { SIGINT: 130, SIGTERM: 143 } as const;
type StopSignal = keyof typeof STOP_SIGNALS;

/**
 * Builds the site. Every article is parsed first; if any cannot be published, all problems are
 * printed and nothing is written. Eleventy writes into a temporary sibling folder, which replaces
 * the output folder only when the whole build succeeded, so a failed build leaves the old site.
 * What an earlier build left when it was killed is repaired first (`repairOutput`).
 *
 * SIGINT or SIGTERM stops the build: its workers are ended, its temporary folder removed, one line
 * says so and the process exits with 130 or 143. Exiting is the only way to stop Eleventy when it
 * renders in this process. Returns the exit status.
 */
export async function buildSite(options: BuildOptions): Promise<number> {
  const { contentDir, issues } = options;
  if (!(await stat(contentDir).catch(() => null))?.isDirectory()) {
    issues.write(`Không thấy thư mục bài viết "${contentDir}" (content folder not found).\n`);
    return 1;
  }

  let temporary: { folder: string; inPlace: boolean } | undefined;
  let stopping: Promise<never> | undefined;
  const stop = (signal: StopSignal) => {
    stopping ??= stopBuild(signal, () => temporary, options);
  };
  // Kept until the build ends: a second Ctrl+C must not cut the stop short (it is bounded: see `stopWorkers`).
  const listeners = Object.keys(STOP_SIGNALS).map((signal) => {
    const listener = () => stop(signal as StopSignal);
    process.on(signal, listener);
    return () => process.off(signal, listener);
  });
  const stopListening = () => listeners.forEach((off) => off());
  const related = startRelatedThread();
  try {
    return await build(options, related, (folder, inPlace) => (temporary = { folder, inPlace }), () => stopping, stopListening);
  } finally {
    stopListening();
    await Promise.all([dropSpares(), related.end()]);
  }
}

/** The build itself; `related` chooses related stories on another thread, `stopping()` is the stop under way, if any, which ends the process. */
async function build(
  options: BuildOptions,
  related: RelatedThread,
  madeTemporary: (folder: string, inPlace: boolean) => void,
  stopping: () => Promise<never> | undefined,
  stopListening: () => void,
): Promise<number> {
  const { contentDir, outputDir, progress, issues } = options;
  const started = performance.now();
  // Git lists the content's files in its own process while this one reads the state.
  const tracked = trackedFiles(contentDir);
  const restored = await repairOutput(outputDir);
  if (restored) progress.line(`Đã khôi phục trang cũ từ ${restored} (một lần dựng trước bị dừng giữa chừng).`);
  const cache = new ParseCache();
  const images = new ImageStore();
  // Only what dead processes left is removed, so this runs beside the reading: listing a big
  // archive's image cache (270,000 files) took longer than reading a 10,000-story state.
  const leftovers = Promise.all([cache.removeLeftovers(), images.removeLeftovers()]);
  // Awaited once the articles are read; this only keeps a failure before that from going unhandled.
  leftovers.catch(() => {});

  // Eleventy and the templates load (tsx compiles them) while the archive is read; `planRun` and `renderPages` await these same imports.
  preloadRenderer();
  const code = codeVersion();
  const search = options.search ?? true;
  const digests = new Digests(contentPathsIn(contentDir));
  const settings = digests.of({ pathPrefix: options.pathPrefix ?? '', siteUrl: options.siteUrl ?? '', features: options.features, search });
  const earlier = options.full ? null : await readBuildState(outputDir, contentDir, code, settings);
  // An update most often rebuilds one small search index, and then mostly waits for its worker to start.
  if (earlier && search) startSearchWorker();
  // The content folder is listed while the ledger is read and git's answer taken in.
  const listing = listContent(contentDir);
  // Awaited by `loadCorpus`; this only keeps a failure before that from going unhandled.
  listing.catch(() => {});
  if (!earlier && !options.full && hasBuildState(outputDir)) {
    progress.line('Dựng lại toàn bộ: mã nguồn, mẫu trang hay tuỳ chọn đã đổi kể từ lần dựng trước (or its state is damaged).');
  }
  let ledger;
  try {
    ledger = await readPreviousLedger(options.previous ?? outputDir);
  } catch (error) {
    issues.write(`${(error as Error).message}\nKhông dựng trang: cần sổ địa chỉ của trang đã xuất bản để giữ địa chỉ cũ của các bài; ${oldSite(outputDir)}\n`);
    return 1;
  }
  progress.phase('Đọc bài viết');
  const publication = { now: options.now ?? Date.now(), ledger };
  const loaded = await loadCorpus(contentDir, (done, total) => progress.step(done, total), cache, earlier ?? { articles: {}, files: {} }, publication, tracked, listing);
  await leftovers;
  progress.interrupt();
  if (cache.repaired > 0) {
    progress.line(`Bộ nhớ đệm: ${cache.repaired} mục hỏng trong ${cache.dir} đã được làm lại.`);
  }
  for (const line of loaded.warnings) issues.write(`${line}\n`);
  if (loaded.errors.length > 0) {
    for (const line of loaded.errors) issues.write(`${line}\n`);
    issues.write(`Không dựng trang: ${loaded.errors.length} lỗi trong bài viết, sửa các dòng trên rồi chạy lại; ${oldSite(outputDir)}\n`);
    return 1;
  }
  const total = loaded.corpus.entries.length;
  progress.line(`Đã đọc ${total} bài viết.`);
  const archive = new ArchiveModel(loaded.corpus, contentDir, options.features);
  const relatedChosen = archive.chooseRelated((stories) => related.choose(stories));
  // `planSite` awaits it and reports its failure; this only keeps a failure before that from going unhandled.
  relatedChosen.catch(() => {});
  // Made while related stories are chosen, which neither needs: planning ended waiting for them.
  if (earlier) rememberStories(earlier, loaded.corpus, digests);
  const tiers = search ? searchTiers(searchPagesOf(loaded.corpus)) : [];
  const searched = searchInputs(tiers, loaded.corpus, digests);
  const plan = await planRun({ corpus: loaded.corpus, archive: { model: archive }, features: options.features, siteUrl: options.siteUrl }, options.pathPrefix ?? '/', digests, relatedChosen);
  const state = stateOf(code, settings, loaded, plan, searched, digests, earlier ?? undefined);
  if (earlier) return updateInPlace(options, { archive, plan, tiers, earlier, state, started }, madeTemporary);

  const stem = siblingStem(outputDir, 'tmp');
  await mkdir(path.dirname(stem), { recursive: true });
  const temporary = await mkdtemp(ownedPrefix(stem));
  madeTemporary(temporary, false);
  // mkdtemp makes a private (0700) folder; the published site must be readable by the web server's user.
  await chmod(temporary, 0o755);
  let old: string | null;
  let photosEncoded = 0;
  try {
    progress.phase('Dựng trang');
    ({ photosEncoded } = await renderSite({
      archive,
      features: options.features,
      contentDir,
      output: temporary,
      pathPrefix: options.pathPrefix,
      siteUrl: options.siteUrl,
      previous: options.previous,
      shardSize: options.shardSize,
      siteShards: options.siteShards,
      onArticles: (done, total) => progress.step(done, total),
    }));
    if (search) {
      progress.phase('Lập chỉ mục tìm kiếm');
      await writeSearchIndex(temporary, tiers);
    }
    await writeBuildState(temporary, serializeBuildState(state, contentDir));
    // A stop under way owns the temporary folder and the exit; the site it finished is not swapped in.
    const stop = stopping();
    if (stop) return await stop;
    old = swapIn(temporary, outputDir);
    // Swapped: from here a stop signal has nothing to undo.
    stopListening();
  } catch (error) {
    const stop = stopping();
    if (stop) return await stop;
    await rm(temporary, { recursive: true, force: true });
    progress.interrupt();
    issues.write(`${innermostMessage(error)}\nKhông dựng được trang (build failed); ${oldSite(outputDir)}\n`);
    return 1;
  }
  if (old) await rm(old, { recursive: true, force: true });
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  progress.line(`Xong: ${total} bài → ${outputDir} (${seconds} giây${photosLine(photosEncoded)}).`);
  return 0;
}

/** What a build into a folder holding a site it can trust (`readBuildState`) works from. */
interface InPlace {
  archive: ArchiveModel;
  plan: SitePlan;
  tiers: readonly SearchTier[];
  earlier: StoredState;
  state: BuildState;
  started: number;
}

/**
 * Brings the site in the output folder up to the content (`updateSite`), then the search indexes
 * whose stories changed; the state goes first and comes back last, so a run that fails or is
 * stopped half-way makes the next build a full one.
 */
async function updateInPlace(options: BuildOptions, work: InPlace, madeTemporary: (folder: string, inPlace: boolean) => void): Promise<number> {
  const { outputDir, progress, issues } = options;
  const { archive, plan, tiers, earlier, state } = work;
  const staleTiers = new Set(tiers.filter((tier) => earlier.search[tier.name] !== state.search[tier.name]).map((tier) => tier.name));
  const tiersGone = Object.keys(earlier.search).some((name) => !(name in state.search));
  let count = { written: 0, removed: 0, photosEncoded: 0 };
  try {
    await forgetBuildState(outputDir);
    progress.phase('Dựng trang');
    count = await updateSite({
      archive,
      features: options.features,
      outputDir,
      pathPrefix: options.pathPrefix,
      siteUrl: options.siteUrl,
      plan,
      earlier: earlier.pages,
      photosGone: photosGone(earlier, state),
      staging: (folder) => madeTemporary(folder, true),
      onArticles: (done, total) => progress.step(done, total),
    });
    let stateFiles: StateFiles | undefined;
    const serialize = () => (stateFiles = serializeBuildState(state, options.contentDir, earlier));
    if (staleTiers.size > 0 || tiersGone) {
      progress.phase('Lập chỉ mục tìm kiếm');
      await writeSearchIndex(outputDir, tiers, { only: staleTiers, whileIndexing: serialize });
    }
    await writeBuildState(outputDir, stateFiles ?? serialize());
  } catch (error) {
    progress.interrupt();
    issues.write(`${innermostMessage(error)}\nKhông dựng được trang (build failed); ${partlyUpdated(outputDir)}\n`);
    return 1;
  }
  const seconds = ((performance.now() - work.started) / 1000).toFixed(1);
  const changes = count.written + count.removed === 0 ? 'không trang nào thay đổi' : `${count.written} tệp viết mới, ${count.removed} tệp xoá`;
  progress.line(`Xong: ${archive.corpus.size} bài → ${outputDir} (${seconds} giây; ${changes}${photosLine(count.photosEncoded)}).`);
  return 0;
}

/**
 * The photos (by id) the articles of `earlier` showed and those of `now` do not. Only a photo of an
 * article read again or gone can be one, so the whole archive is looked at only when there are such photos.
 */
function photosGone(earlier: BuildState, now: BuildState): string[] {
  const idsOf = (loaded: LoadedArticle) => (loaded.parsed?.photoIds ?? []).filter((id) => id !== null);
  const candidates = new Set<string>();
  for (const file in earlier.articles) {
    const { loaded } = earlier.articles[file]!;
    if (now.articles[file]?.loaded !== loaded) for (const id of idsOf(loaded)) candidates.add(id);
  }
  if (candidates.size === 0) return [];
  for (const { loaded } of Object.values(now.articles)) for (const id of idsOf(loaded)) candidates.delete(id);
  return [...candidates].sort();
}

/** The end of the build's last line: how many photos it had to encode, found neither in the cache nor on the site published before. */
function photosLine(encoded: number): string {
  return encoded > 0 ? `; ${encoded} ảnh được mã hoá` : '';
}

/** What became of a site updated in place by a build that did not finish. */
function partlyUpdated(outputDir: string): string {
  return `trang trong ${outputDir} có thể chỉ được cập nhật một phần; lần dựng sau sẽ dựng lại toàn bộ.`;
}

/**
 * Stops a build on `signal`: ends its workers (and their Pagefind backends), removes its temporary
 * folder once nothing writes into it, prints one line and exits. Never settles.
 */
async function stopBuild(signal: StopSignal, temporary: () => { folder: string; inPlace: boolean } | undefined, { outputDir, progress, issues }: BuildOptions): Promise<never> {
  await stopWorkers();
  const made = temporary();
  const folder = made?.folder;
  // Synchronous, then the exit: Eleventy, if it renders in this process, gets no turn to write again.
  if (folder) rmSync(folder, { recursive: true, force: true, maxRetries: 3 });
  progress.interrupt();
  issues.write(`Đã dừng dựng trang (${signal}); ${made?.inPlace ? partlyUpdated(outputDir) : oldSite(outputDir)}\n`);
  process.exit(STOP_SIGNALS[signal]);
}

/** What became of the output folder when a build did not finish: the old site stayed, or there was none. */
function oldSite(outputDir: string): string {
  return existsSync(outputDir)
    ? `trang cũ trong ${outputDir} được giữ nguyên.`
    : `chưa có trang nào trong ${outputDir}, không có gì được ghi.`;
}

/** The start of the sibling folders the swap uses: `_site.tmp-` and `_site.old-`, followed by the owner's PID (ignored by git). */
function siblingStem(outputDir: string, kind: 'tmp' | 'old'): string {
  return path.join(path.dirname(path.resolve(outputDir)), `${path.basename(path.resolve(outputDir))}.${kind}-`);
}

/**
 * Repairs what builds killed (`kill -9`, a power cut) left beside `outputDir`: their temporary
 * folders are removed, and a build killed between the two renames of its swap left the last good
 * site as its `.old-` folder, which is put back when the output folder is missing. Folders of
 * builds still running are left alone. Returns the folder the site was restored from, if any.
 */
async function repairOutput(outputDir: string): Promise<string | undefined> {
  const parent = path.dirname(path.resolve(outputDir));
  const tmp = siblingStem(outputDir, 'tmp');
  const old = siblingStem(outputDir, 'old');
  await removeOrphans(parent, path.basename(tmp));
  const [last] = await orphansIn(parent, path.basename(old));
  if (last === undefined) return undefined;
  let restored: string | undefined;
  if (!existsSync(outputDir)) {
    await rename(path.join(parent, last), outputDir);
    restored = path.join(parent, last);
  }
  await removeOrphans(parent, path.basename(old));
  return restored;
}

/**
 * Replaces `outputDir` by `built` with renames, so readers never see a half-written site; returns
 * the old site's folder, for the caller to remove, or null when there was none. Synchronous, so a
 * stop signal is handled before or after the swap, never between its renames.
 */
function swapIn(built: string, outputDir: string): string | null {
  if (!existsSync(outputDir)) {
    renameSync(built, outputDir);
    return null;
  }
  const old = `${ownedPrefix(siblingStem(outputDir, 'old'))}${path.basename(built).slice(-6)}`;
  renameSync(outputDir, old);
  renameSync(built, outputDir);
  return old;
}
