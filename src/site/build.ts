import { existsSync } from 'node:fs';
import { chmod, mkdtemp, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { loadCorpus } from './load-corpus.ts';
import type { Progress } from './progress.ts';
import { innermostMessage } from './render.ts';
import { renderSite } from './render-site.ts';
import { writeSearchIndex } from './search-index.ts';

export { CONFIG_PATH } from './render.ts';

export interface BuildOptions {
  contentDir: string;
  outputDir: string;
  /** Sub-path the site is served under, e.g. `/tin/`. */
  pathPrefix?: string | undefined;
  siteUrl?: string | undefined;
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
}

/** Sibling folder names the swap uses: `_site.tmp-…` and `_site.old-…` (ignored by git). */
function siblingPrefix(outputDir: string, kind: string): string {
  return path.join(path.dirname(path.resolve(outputDir)), `${path.basename(path.resolve(outputDir))}.${kind}-`);
}

/**
 * Builds the site. Every article is parsed first; if any cannot be published, all problems are
 * printed and nothing is written. Eleventy writes into a temporary sibling folder, which replaces
 * the output folder only when the whole build succeeded, so a failed build leaves the old site.
 * Returns the exit status.
 */
export async function buildSite(options: BuildOptions): Promise<number> {
  const { contentDir, outputDir, progress, issues } = options;
  if (!(await stat(contentDir).catch(() => null))?.isDirectory()) {
    issues.write(`Không thấy thư mục bài viết "${contentDir}" (content folder not found).\n`);
    return 1;
  }

  const started = performance.now();
  progress.phase('Đọc bài viết');
  const loaded = await loadCorpus(contentDir, (done, total) => progress.step(done, total));
  progress.interrupt();
  for (const line of loaded.warnings) issues.write(`${line}\n`);
  if (loaded.errors.length > 0) {
    for (const line of loaded.errors) issues.write(`${line}\n`);
    issues.write(
      `Không dựng trang: ${loaded.errors.length} lỗi trong bài viết; sửa các dòng trên rồi chạy lại. ` +
        `Trang cũ trong ${outputDir} được giữ nguyên.\n`,
    );
    return 1;
  }
  const total = loaded.corpus.entries.length;
  progress.line(`Đã đọc ${total} bài viết.`);

  const temporary = await mkdtemp(siblingPrefix(outputDir, 'tmp'));
  // mkdtemp makes a private (0700) folder; the published site must be readable by the web server's user.
  await chmod(temporary, 0o755);
  try {
    progress.phase('Dựng trang');
    await renderSite({
      corpus: loaded.corpus,
      contentDir,
      output: temporary,
      pathPrefix: options.pathPrefix,
      siteUrl: options.siteUrl,
      shardSize: options.shardSize,
      siteShards: options.siteShards,
      onArticles: (done, total) => progress.step(done, total),
    });
    if (options.search ?? true) {
      progress.phase('Lập chỉ mục tìm kiếm');
      await writeSearchIndex(temporary);
    }
    await swapIn(temporary, outputDir);
  } catch (error) {
    await rm(temporary, { recursive: true, force: true });
    progress.interrupt();
    issues.write(`${innermostMessage(error)}\nKhông dựng được trang (build failed); trang cũ trong ${outputDir} được giữ nguyên.\n`);
    return 1;
  }
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  progress.line(`Xong: ${total} bài → ${outputDir} (${seconds} giây).`);
  return 0;
}

/** Replaces `outputDir` by `built` with renames, so readers never see a half-written site. */
async function swapIn(built: string, outputDir: string): Promise<void> {
  if (!existsSync(outputDir)) {
    await rename(built, outputDir);
    return;
  }
  const old = await mkdtemp(siblingPrefix(outputDir, 'old'));
  await rm(old, { recursive: true });
  await rename(outputDir, old);
  await rename(built, outputDir);
  await rm(old, { recursive: true, force: true });
}
