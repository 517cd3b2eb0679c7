import { existsSync } from 'node:fs';
import { mkdir, rm, rmdir } from 'node:fs/promises';
import path from 'node:path';
import { formatIssue } from '../parser/issue.ts';
import { affectedPages, describeRebuild } from './affected.ts';
import { ArchiveModel } from '../corpus/archive-model.ts';
import { isStoryFile } from '../corpus/article-files.ts';
import { buildCorpus, type ParsedFile } from '../corpus/corpus.ts';
import type { SiteFeatures } from '../corpus/features.ts';
import { loadArticle, loadCorpus } from '../corpus/load-corpus.ts';
import { ParseCache } from '../corpus/parse-cache.ts';
import { chooseProgress } from '../build/progress.ts';
import { siteSettings } from '../render/settings.ts';
import { siteShardCount } from '../workers/shards.ts';

/**
 * The preview's renderer, a child process of `serve`: the templates are TypeScript modules, which
 * a process imports once, so a template edit is taken by replacing this process, not by
 * re-importing them. It renders the whole site, then re-renders what each batch of changed files
 * changes, and tells the server which pages to reload.
 */

export interface RendererOptions {
  contentDir: string;
  outputDir: string;
  pathPrefix?: string | undefined;
  siteUrl?: string | undefined;
  features: SiteFeatures;
}

/** From `serve`: the options (first message), then batches of changed content files. */
export type ToRenderer = { kind: 'start'; options: RendererOptions } | { kind: 'changed'; files: string[] };

/** To `serve`: the whole site is rendered, or pages to reload in the browser. */
export type FromRenderer = { kind: 'ready'; articles: number } | { kind: 'reload'; files: string[] };

const send = (message: FromRenderer) => {
  if (process.connected) process.send!(message);
};

// Without `serve` there is nothing to render for: the server stopped, or died.
process.on('disconnect', () => process.exit(1));
// Ctrl+C reaches every process of the terminal's group; `serve` says it stopped.
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(signal, () => process.exit(1));

/** Files changed while the site is first rendered are re-read once it is. */
const early: string[] = [];
let changed: (files: string[]) => void = (files) => early.push(...files);
process.on('message', (message: ToRenderer) => {
  if (message.kind === 'changed') changed(message.files);
  else
    start(message.options).catch((error: unknown) => {
      process.stderr.write(`${error instanceof Error ? error.message : String(error)}\nKhông dựng được trang xem trước; sửa lỗi rồi lưu lại tệp.\n`);
      process.exit(1);
    });
});

async function start(options: RendererOptions): Promise<void> {
  // Imported here, not above, so that an error in a template is reported as a message, not a stack trace.
  const { innermostMessage, renderPages } = await import('../render/render-pages.ts');
  const { renderSite } = await import('../workers/render-site.ts');
  const { runShards } = await import('../workers/shard-runner.ts');
  const { contentDir, outputDir, features } = options;
  const out = process.stdout;
  const cache = new ParseCache();
  const perPage = siteSettings(options.siteUrl).perPage;
  const progress = chooseProgress(false, out);
  progress.phase('Đọc bài viết');
  const loaded = await loadCorpus(contentDir, (done, total) => progress.step(done, total), cache);
  progress.interrupt();
  for (const line of [...loaded.errors, ...loaded.warnings]) process.stderr.write(`${line}\n`);
  let corpus = loaded.corpus;
  let archive = new ArchiveModel(corpus, contentDir, features);
  /** Every good article by file: the last good parse of a file that is now broken stays here. */
  const files = new Map<string, ParsedFile>(corpus.entries.map(({ file, article, photos, key, photoIds }) => [file, { file, article, photos, key, photoIds }]));

  progress.phase('Dựng trang');
  await mkdir(outputDir, { recursive: true });
  const render = { contentDir, output: outputDir, pathPrefix: options.pathPrefix, siteUrl: options.siteUrl };
  await renderSite({ ...render, archive, features, onArticles: (done, total) => progress.step(done, total) });
  progress.interrupt();
  send({ kind: 'ready', articles: corpus.size });

  /** Re-reads the changed files and re-renders what they change. */
  const rebuild = async (batch: Set<string>) => {
    const begun = performance.now();
    // A photo added, replaced or removed may belong to any article of its folder.
    const images = new Set([...batch].filter((file) => !isStoryFile(file)));
    const articles = new Set([...batch].filter(isStoryFile));
    for (const image of images) for (const other of files.keys()) if (path.dirname(other) === path.dirname(image)) articles.add(other);
    const edited = new Set<string>();
    for (const file of articles) {
      if (!existsSync(file)) {
        if (files.delete(file)) edited.add(file);
        continue;
      }
      const { parsed, issues } = await loadArticle(file, contentDir, cache);
      if (batch.has(file)) {
        for (const issue of issues) process.stderr.write(`${formatIssue(file, issue)}\n`);
        if (!parsed) process.stderr.write(`${file}: bài có lỗi, trang cũ được giữ nguyên cho đến khi sửa xong.\n`);
      }
      if (!parsed) continue;
      const { photos, key, photoIds } = parsed;
      const old = files.get(file);
      files.set(file, parsed);
      // Saved without a change, and none of its photos touched: its pages stay as they are.
      const same = old && old.key === key && old.photos.join('\n') === photos.join('\n') && old.photoIds.join('\n') === photoIds.join('\n');
      if (!same || photos.some((photo) => photo !== null && images.has(photo))) edited.add(file);
    }
    if (edited.size === 0) return;

    const before = archive;
    corpus = buildCorpus([...files.values()]);
    archive = new ArchiveModel(corpus, contentDir, features);
    const { pages, gone } = affectedPages(before, archive, edited, perPage);
    for (const url of gone) await removePage(outputDir, url);
    await renderPages({
      output: outputDir,
      pathPrefix: options.pathPrefix,
      run: { corpus: corpus.withArticlePages(pages), archive: { model: archive }, features, siteUrl: options.siteUrl, articlesOnly: true },
    });
    send({ kind: 'reload', files: pages.map((entry) => entry.url) });
    const urlByFile = new Map(corpus.entries.map((entry) => [entry.file, entry.url]));
    const stories = [...edited].map((file) => ({ file: path.relative(process.cwd(), file), url: urlByFile.get(file) }));
    out.write(`${describeRebuild(stories, pages.length, (performance.now() - begun) / 1000)}\n`);

    rebuildListings();
  };

  /**
   * Listings, feeds and sitemaps show every story: after the article pages, which editors look at
   * first, they are rebuilt by a worker process, so the next save need not wait for them. Saves
   * made meanwhile are taken into one more rebuild when this one ends.
   */
  let listings: Promise<void> | undefined;
  let listingsAgain = false;
  const rebuildListings = () => {
    if (listings) {
      listingsAgain = true;
      return;
    }
    listings = (async () => {
      do {
        listingsAgain = false;
        const siteShards = siteShardCount(corpus.size);
        await runShards({ ...render, contentDir, corpus, archive, features, articles: false, shardSize: Infinity, siteShards, workers: 1, onProgress() {} });
        send({ kind: 'reload', files: ['/'] });
      } while (listingsAgain);
    })()
      .catch((error: unknown) => {
        process.stderr.write(`${innermostMessage(error)}\nKhông dựng lại được các trang danh sách; trang cũ được giữ nguyên.\n`);
      })
      .finally(() => {
        listings = undefined;
      });
  };

  let running = Promise.resolve();
  changed = (batch) => {
    running = running.then(async () => {
      try {
        await rebuild(new Set(batch));
      } catch (error) {
        process.stderr.write(`${innermostMessage(error)}\nKhông dựng lại được; trang cũ được giữ nguyên.\n`);
      }
    });
  };
  if (early.length > 0) changed(early);
}

/** Deletes the page at a URL that no article has any more, and its folder when empty. */
async function removePage(outputDir: string, url: string): Promise<void> {
  const folder = path.join(outputDir, ...url.split('/').filter(Boolean));
  await rm(path.join(folder, 'index.html'), { force: true });
  await rmdir(folder).catch(() => {});
}
