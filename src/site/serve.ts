import { existsSync, watch } from 'node:fs';
import { readdir, rm, rmdir } from 'node:fs/promises';
import path from 'node:path';
import EleventyDevServer from '@11ty/eleventy-dev-server';
import { formatIssue } from '../parser/issue.ts';
import { affectedPages } from './affected.ts';
import { buildCorpus, type Corpus, type ParsedFile } from './corpus.ts';
import { loadCorpus } from './load-corpus.ts';
import { ParseCache } from './parse-cache.ts';
import { findPhotos, PHOTO_EXTENSIONS } from './photos.ts';
import { chooseProgress } from './progress.ts';
import { innermostMessage, renderPages } from './render.ts';
import { renderSite } from './render-site.ts';
import { siteSettings } from './settings.ts';
import { runShards } from './shard-runner.ts';
import { siteShardCount } from './shards.ts';
import { siteIndex } from './site-index.ts';

export interface ServeOptions {
  contentDir: string;
  outputDir: string;
  port: number;
  pathPrefix?: string | undefined;
  siteUrl?: string | undefined;
}

/** Saves come in bursts (write, rename, touch): changes are collected this long before a rebuild. */
const SETTLE_MS = 60;

/**
 * The dev server for editors: builds the whole site once, serves it with live reload, and on
 * each saved article re-parses that file only. A broken article is reported as
 * `FILE:LINE: CODE: message` lines and its last good page stays; a good one gets its page and
 * the pages that show it (neighbours, related stories) re-rendered at once, the browser
 * reloaded, and then the listings, feeds and sitemaps rebuilt. Resolves once the server is up.
 */
export async function serveSite(options: ServeOptions): Promise<void> {
  const { contentDir, outputDir } = options;
  const out = process.stdout;
  const cache = new ParseCache();
  const perPage = siteSettings(options.siteUrl).perPage;
  const started = performance.now();
  const progress = chooseProgress(false, out);
  progress.phase('Đọc bài viết');
  const loaded = await loadCorpus(contentDir, (done, total) => progress.step(done, total), cache);
  progress.interrupt();
  for (const line of [...loaded.errors, ...loaded.warnings]) process.stderr.write(`${line}\n`);
  let corpus = loaded.corpus;
  /** Every good article by file: the last good parse of a file that is now broken stays here. */
  const files = new Map<string, ParsedFile>(corpus.entries.map(({ file, article, photos, key }) => [file, { file, article, photos, key }]));

  progress.phase('Dựng trang');
  await rm(outputDir, { recursive: true, force: true });
  const render = { contentDir, output: outputDir, pathPrefix: options.pathPrefix, siteUrl: options.siteUrl };
  await renderSite({ ...render, corpus, onArticles: (done, total) => progress.step(done, total) });

  const server = EleventyDevServer.getServer('toa-soan', outputDir, {
    pathPrefix: options.pathPrefix ?? '/',
    domDiff: false,
    portReassignmentRetryCount: 0,
    logger: { log() {}, info() {}, warn: (m: string) => process.stderr.write(`${m}\n`), error: (m: string) => process.stderr.write(`${m}\n`) },
  });
  server.serve(options.port);
  await server.ready();
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  progress.line(`Sẵn sàng (${corpus.size} bài, ${seconds} giây): http://localhost:${options.port}${options.pathPrefix ?? '/'}`);
  progress.line('Sửa và lưu một bài .txt (hay ảnh) là trang tự dựng lại; dừng bằng Ctrl+C.');

  /** Re-reads the changed files and re-renders what they change; one rebuild at a time. */
  const rebuild = async (changed: Set<string>) => {
    const begun = performance.now();
    // A photo added, replaced or removed may belong to any article of its folder.
    const images = new Set([...changed].filter((file) => !file.endsWith('.txt')));
    const articles = new Set([...changed].filter((file) => file.endsWith('.txt')));
    for (const image of images) for (const other of files.keys()) if (path.dirname(other) === path.dirname(image)) articles.add(other);
    const edited = new Set<string>();
    for (const file of articles) {
      if (!existsSync(file)) {
        if (files.delete(file)) edited.add(file);
        continue;
      }
      const result = await cache.parseFile(file);
      if (changed.has(file)) {
        for (const issue of [...(result.ok ? [] : result.errors), ...result.warnings]) process.stderr.write(`${formatIssue(file, issue)}\n`);
        if (!result.ok) process.stderr.write(`${file}: bài có lỗi, trang cũ được giữ nguyên cho đến khi sửa xong.\n`);
      }
      if (!result.ok) continue;
      const siblings = new Set(await readdir(path.dirname(file)));
      const { photos } = findPhotos(file, result.summary.captions.length, result.summary.photos, siblings);
      const old = files.get(file);
      files.set(file, { file, article: result.summary, photos, key: result.key });
      // Saved without a change, and none of its photos touched: its pages stay as they are.
      const same = old && old.key === result.key && old.photos.join('\n') === photos.join('\n');
      if (!same || photos.some((photo) => photo !== null && images.has(photo))) edited.add(file);
    }
    if (edited.size === 0) return;

    const before = corpus;
    corpus = buildCorpus([...files.values()]).corpus;
    const { pages, gone } = affectedPages(before, corpus, edited, (c) => siteIndex(c, contentDir), perPage);
    for (const url of gone) await removePage(outputDir, url);
    await renderPages({ input: contentDir, output: outputDir, pathPrefix: options.pathPrefix, plugin: { corpus: corpus.withArticlePages(pages), siteUrl: options.siteUrl, articlesOnly: true } });
    server.reload({ files: pages.map((entry) => entry.url) });
    const urls = [...edited].flatMap((file) => corpus.entries.find((entry) => entry.file === file)?.url ?? []);
    progress.line(`Đã dựng lại ${pages.length} trang bài (${((performance.now() - begun) / 1000).toFixed(1)} giây): ${urls.join(' ') || 'bài đã xoá'}`);

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
        await runShards({ ...render, input: contentDir, corpus, articles: false, shardSize: Infinity, siteShards, workers: 1, onProgress() {} });
        server.reload({ files: ['/'] });
      } while (listingsAgain);
    })()
      .catch((error: unknown) => {
        process.stderr.write(`${innermostMessage(error)}\nKhông dựng lại được các trang danh sách; trang cũ được giữ nguyên.\n`);
      })
      .finally(() => {
        listings = undefined;
      });
  };

  let pending = new Set<string>();
  let timer: NodeJS.Timeout | undefined;
  let running = Promise.resolve();
  const flush = () => {
    const batch = pending;
    pending = new Set();
    running = running.then(async () => {
      try {
        await rebuild(batch);
      } catch (error) {
        process.stderr.write(`${innermostMessage(error)}\nKhông dựng lại được; trang cũ được giữ nguyên.\n`);
      }
    });
  };
  watch(contentDir, { recursive: true }, (_event, name) => {
    if (!name || !isWatched(name)) return;
    pending.add(path.join(contentDir, name));
    clearTimeout(timer);
    timer = setTimeout(flush, SETTLE_MS);
  });
}

/** Articles and their photos; not editors' swap and backup files. */
function isWatched(name: string): boolean {
  const base = path.basename(name);
  if (base.startsWith('.') || base.endsWith('~')) return false;
  return base.endsWith('.txt') || PHOTO_EXTENSIONS.some((ext) => base.endsWith(ext));
}

/** Deletes the page at a URL that no article has any more, and its folder when empty. */
async function removePage(outputDir: string, url: string): Promise<void> {
  const folder = path.join(outputDir, ...url.split('/').filter(Boolean));
  await rm(path.join(folder, 'index.html'), { force: true });
  await rmdir(folder).catch(() => {});
}
