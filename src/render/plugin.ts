/**
 * The render stage: one Eleventy run of the newspaper site. The site plugin takes what the run
 * renders as options (the corpus, what the site derives from it, the features, and the page
 * templates, which `.eleventy.ts` names), makes the `SiteContext` every template reads from them,
 * and registers the templates as Eleventy virtual templates. Nothing here imports a template:
 * templates depend on this stage, never the reverse.
 */
import type { UserConfig } from '@11ty/eleventy';
import type { ArchiveModel, StoryLinks } from '../corpus/archive-model.ts';
import type { Corpus } from '../corpus/corpus.ts';
import type { SiteFeatures } from '../corpus/features.ts';
import { absoluteUrl } from '../corpus/urls.ts';
import { ParseCache } from '../corpus/parse-cache.ts';
import { IMAGE_CACHE_DIR, ImageStore } from '../markup/images.ts';
import type { SiteContext, SiteTemplates } from './context.ts';
import { eleventyTemplate, type PageKeep } from './eleventy-templates.ts';
import { siteSettings } from './settings.ts';

/** What the run's pages show of the archive: the whole model, or an article shard's story links (which may come later). */
export type ArchiveView = { model: ArchiveModel } | { storyLinks: Promise<StoryLinks> };

/** What one Eleventy run renders, given by whoever starts it (the build, a worker, the preview). */
export interface SiteRun {
  corpus: Corpus;
  archive: ArchiveView;
  features: SiteFeatures;
  /** The public address (`--site-url` or `SITE_URL`); the paper's own when not given. */
  siteUrl?: string | undefined;
  /** Called after each article page is rendered (build progress). */
  onArticle?: () => void;
  /** The site as published before (`build --previous`), whose photo records spare encoding photos again. */
  previous?: string | undefined;
  /** Called each time a photo is encoded rather than found in the cache or on the previous site. */
  onPhotoEncoded?: () => void;
  /** Register the article template only: a shard worker renders some article pages and nothing else. */
  articlesOnly?: boolean;
  /** Render only the site pages whose key this accepts (and the article pages of the corpus's `articlePages`): a site-pages worker, an incremental build. */
  sitePagesOnly?: PageKeep;
  /** The pages to render of each paged template, by its name, as planned (`PlannedPage.paged`); a paged template not named renders none. */
  plannedPages?: ReadonlyMap<string, readonly unknown[]>;
}

export interface SitePluginOptions extends SiteRun {
  /** The page templates, made from the run's context. */
  templates: (ctx: SiteContext) => SiteTemplates;
}

/** The context every template of the run `options` reads, for a site served under `pathPrefix`. */
export function siteContext(options: SiteRun, pathPrefix: string): SiteContext {
  const site = siteSettings(options.siteUrl);
  const parseCache = new ParseCache();
  const { archive } = options;
  return {
    site,
    images: new ImageStore(IMAGE_CACHE_DIR, { previous: options.previous, onEncoded: options.onPhotoEncoded }),
    features: options.features,
    get archive(): ArchiveModel {
      if ('model' in archive) return archive.model;
      throw new Error('Tiến trình dựng trang bài không có toàn bộ kho bài (an article shard has no archive model).');
    },
    storyLinks: 'model' in archive ? Promise.resolve(archive.model) : archive.storyLinks,
    absolute: (url) => absoluteUrl(site.url, pathPrefix, url),
    blocks: (entry) => parseCache.blocks(entry.key, entry.file),
    articleRendered: options.onArticle ?? (() => {}),
  };
}

/**
 * The newspaper site as one Eleventy plugin: the corpus as global data, the page templates,
 * responsive images, and the HTML base plugin for `--prefix`. Templates are typed TypeScript and
 * call the Vietnamese date and text helpers of `filters.ts` directly rather than through Eleventy filters.
 */
export async function sitePlugin(eleventyConfig: UserConfig, options: SitePluginOptions): Promise<void> {
  const ctx = siteContext(options, eleventyConfig.pathPrefix ?? '/');
  const { images } = ctx;

  // A class instance, so Eleventy shares it with every page rather than copying it.
  eleventyConfig.addGlobalData('corpus', options.corpus);

  // Adds the path prefix (`--prefix /tin/`) to every site-relative href, src and srcset in HTML output.
  // Imported here, not with this module: what plans pages imports `siteContext` from it, long before Eleventy runs.
  const { HtmlBasePlugin } = await import('@11ty/eleventy');
  await eleventyConfig.addPlugin(HtmlBasePlugin);

  const templates = options.templates(ctx);
  eleventyConfig.addTemplate('article.11ty.js', templates.article);
  if (!options.articlesOnly) {
    for (const [name, template] of Object.entries(templates.others)) {
      const pages = eleventyTemplate(name, template, options.sitePagesOnly, options.plannedPages && (options.plannedPages.get(name) ?? []));
      if (pages) eleventyConfig.addTemplate(`${name}.11ty.js`, pages);
    }
  }

  eleventyConfig.on('eleventy.after', ({ directories }) => images.writeUsed(directories.output));
}
