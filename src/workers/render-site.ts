/**
 * The workers stage: a big archive's pages rendered in several processes. Eleventy keeps every
 * page of a run in memory, so past a few thousand articles the article pages are cut into shards
 * (shards.ts), each rendered by a shard worker (shard-worker.ts), and past more the listings,
 * feeds and sitemaps are shared out among site-pages workers too; the build's own process plans
 * the shards, sends each worker its job, and renders what is left. `renderSite` chooses how.
 */
import os from 'node:os';
import type { ArchiveModel } from '../corpus/archive-model.ts';
import type { SiteFeatures } from '../corpus/features.ts';
import { renderPages } from '../render/render-pages.ts';
import { runShards } from './shard-runner.ts';
import { defaultShardSize, siteShardCount } from './shards.ts';

export interface RenderSiteOptions {
  /** What the site derives from the corpus it renders (`archive.corpus`). */
  archive: ArchiveModel;
  features: SiteFeatures;
  contentDir: string;
  output: string;
  pathPrefix?: string | undefined;
  siteUrl?: string | undefined;
  /** The site as published before (`build --previous`), whose photo records spare encoding photos again. */
  previous?: string | undefined;
  /**
   * Articles per shard worker; Infinity renders every page in this process. Default: the
   * `TOA_SOAN_SHARD_SIZE` environment variable (tests force tiny shards), else by archive size.
   */
  shardSize?: number | undefined;
  /** Site-pages workers; 1 renders listings, feeds and sitemaps in this process. Default: `TOA_SOAN_SITE_SHARDS`, else by archive size. */
  siteShards?: number | undefined;
  /** Article pages rendered so far. */
  onArticles?: (done: number, total: number) => void;
}

/**
 * Writes every page of the corpus into `output`: in this process for a small archive; for a big
 * one, article pages in shard workers and, bigger still, listings, feeds and sitemaps in
 * site-pages workers too, so no process holds more than a few thousand rendered pages.
 * Resolves with the number of photos encoded (found neither in the cache nor on the previous site).
 */
export async function renderSite(options: RenderSiteOptions): Promise<{ photosEncoded: number }> {
  const { archive, features } = options;
  const { corpus } = archive;
  const total = corpus.size;
  const onArticles = options.onArticles ?? (() => {});
  const workers = os.availableParallelism();
  const shardSize = options.shardSize ?? (Number(process.env.TOA_SOAN_SHARD_SIZE) || defaultShardSize(total, workers));
  const common = { output: options.output, pathPrefix: options.pathPrefix };
  let photosEncoded = 0;
  const photos = { previous: options.previous, onPhotoEncoded: () => photosEncoded++ };
  if (shardSize >= total) {
    let rendered = 0;
    await renderPages({
      ...common,
      run: { corpus, archive: { model: archive }, features, siteUrl: options.siteUrl, ...photos, onArticle: () => onArticles(++rendered, total) },
    });
    return { photosEncoded };
  }
  // A big archive's listings, feeds and sitemaps are shared out among site-pages workers too;
  // a smaller one's are rendered here, from summaries, while workers render the article pages.
  const siteShards = options.siteShards ?? (Number(process.env.TOA_SOAN_SITE_SHARDS) || siteShardCount(total));
  // This process's own rendering starts once the workers have their jobs: making those jobs is on every worker's path.
  let onStarted = () => {};
  const workersStarted = new Promise<void>((resolve) => (onStarted = resolve));
  const shards = runShards({
    ...common,
    contentDir: options.contentDir,
    corpus,
    archive,
    features,
    shardSize,
    siteShards: siteShards > 1 ? siteShards : 0,
    workers,
    siteUrl: options.siteUrl,
    previous: options.previous,
    onProgress: (done) => onArticles(done, total),
    onStarted,
  });
  const here =
    siteShards > 1
      ? Promise.resolve()
      : workersStarted.then(() =>
          renderPages({ ...common, run: { corpus: corpus.withoutArticlePages(), archive: { model: archive }, features, siteUrl: options.siteUrl, ...photos } }),
        );
  // Both finish before the caller may remove the output folder.
  const [hereDone, shardsDone] = await Promise.allSettled([here, shards]);
  if (hereDone.status === 'rejected') throw hereDone.reason;
  if (shardsDone.status === 'rejected') throw shardsDone.reason;
  return { photosEncoded: photosEncoded + shardsDone.value.photosEncoded };
}
