import { HtmlBasePlugin, type UserConfig } from '@11ty/eleventy';
import { archiveIndexTemplate } from '../../templates/pages/archive-index.ts';
import { articleTemplate } from '../../templates/pages/article.ts';
import { feedTemplate } from '../../templates/pages/feed.ts';
import { groupListingTemplate } from '../../templates/pages/group-listing.ts';
import { listingTemplate } from '../../templates/pages/listing.ts';
import { notFoundTemplate } from '../../templates/pages/not-found.ts';
import { newsSitemapTemplate } from '../../templates/pages/news-sitemap.ts';
import { robotsTemplate } from '../../templates/pages/robots.ts';
import { searchScriptTemplate } from '../../templates/pages/search-script.ts';
import { searchTemplate } from '../../templates/pages/search.ts';
import { sectionFeedTemplate } from '../../templates/pages/section-feed.ts';
import { sitemapTemplate } from '../../templates/pages/sitemap.ts';
import { styleTemplate } from '../../templates/pages/style.ts';
import type { PageTemplate, SiteContext } from './context.ts';
import { Corpus } from '../corpus/corpus.ts';
import { siteFeatures } from './features.ts';
import { ImageStore } from '../markup/images.ts';
import { loadCorpus } from '../corpus/load-corpus.ts';
import { onlyPages } from './page-filter.ts';
import { ParseCache } from '../corpus/parse-cache.ts';
import { siteSettings } from './settings.ts';
import { absoluteUrl } from '../corpus/urls.ts';

export interface SitePluginOptions {
  /** Articles already parsed and checked by the build command; without it the content folder is read before each build. */
  corpus?: Corpus;
  /** Overrides `SITE_URL`. */
  siteUrl?: string;
  /** Called after each article page is rendered (build progress). */
  onArticle?: () => void;
  /** Register the article template only: a shard worker renders some article pages and nothing else. */
  articlesOnly?: boolean;
  /** Register every template but the article one, and render only the pages whose key (`onlyPages`) this accepts: a site-pages worker. */
  sitePagesOnly?: (url: string) => boolean;
}

/** What the dev server watches in the content folder: articles and their photos. */
const CONTENT_GLOB = '**/*.{txt,jpg,jpeg,png,webp,JPG,JPEG,PNG,WEBP}';

/**
 * The newspaper site as one Eleventy plugin: site settings and articles as global data, the page
 * templates (article, listings, feed, sitemap, robots, 404, stylesheet), responsive images, and
 * the HTML base plugin for `--prefix`. Templates are typed TypeScript and call the Vietnamese date
 * and text helpers of `filters.ts` directly rather than through Eleventy filters.
 */
export function sitePlugin(eleventyConfig: UserConfig, options: SitePluginOptions = {}): void {
  const site = siteSettings(options.siteUrl ?? process.env.SITE_URL);
  const images = new ImageStore();
  const parseCache = new ParseCache();
  const ctx: SiteContext = {
    site,
    images,
    absolute: (url) => absoluteUrl(site.url, eleventyConfig.pathPrefix ?? '/', url),
    blocks: (entry) => parseCache.blocks(entry.key, entry.file),
    articleRendered: options.onArticle ?? (() => {}),
  };

  eleventyConfig.addGlobalData('site', site);
  addArticles(eleventyConfig, options.corpus);

  // Adds the path prefix (`--prefix /tin/`) to every site-relative href, src and srcset in HTML output.
  eleventyConfig.addPlugin(HtmlBasePlugin);

  const templates = {
    article: articleTemplate(ctx),
    listing: listingTemplate(ctx),
    feed: feedTemplate(ctx),
    sitemap: sitemapTemplate(ctx),
    robots: robotsTemplate(ctx),
    '404': notFoundTemplate(ctx),
    style: styleTemplate(),
    'group-listing': groupListingTemplate(ctx),
    'section-feed': sectionFeedTemplate(ctx),
    archive: archiveIndexTemplate(ctx),
    'news-sitemap': newsSitemapTemplate(ctx),
    search: searchTemplate(ctx),
    'search-script': searchScriptTemplate(),
  };
  for (const [name, template] of Object.entries(templates)) {
    if (options.articlesOnly && name !== 'article') continue;
    // The benchmark's baseline (features.ts): no `/luu-tru/` page; the other listings it leaves out have no groups to paginate.
    if (name === 'archive' && !siteFeatures().archive) continue;
    if (options.sitePagesOnly) {
      const share = name === 'article' ? undefined : onlyPages(name, template as PageTemplate, options.sitePagesOnly);
      if (share) eleventyConfig.addTemplate(`${name}.11ty.js`, share);
      continue;
    }
    eleventyConfig.addTemplate(`${name}.11ty.js`, template);
  }

  eleventyConfig.on('eleventy.after', ({ directories }) => images.copyUsed(directories.output));
}

Object.defineProperty(sitePlugin, 'eleventyPluginOptions', { value: { unique: true } });

/**
 * Global data `corpus`. It is a class instance, so Eleventy shares it with every page rather
 * than copying it. Without a pre-parsed corpus (dev server), the content folder is re-read
 * before every build so an edited article shows up; problems are printed, broken files skipped.
 */
function addArticles(eleventyConfig: UserConfig, preloaded: Corpus | undefined): void {
  if (preloaded) {
    eleventyConfig.addGlobalData('corpus', preloaded);
    return;
  }
  const holder = { corpus: new Corpus([]) };
  eleventyConfig.addGlobalData('corpus', () => holder.corpus);
  eleventyConfig.addWatchTarget(`${eleventyConfig.directories.input}${CONTENT_GLOB}`);
  eleventyConfig.on('eleventy.before', async ({ directories }) => {
    const loaded = await loadCorpus(directories.input);
    for (const line of [...loaded.errors, ...loaded.warnings]) process.stderr.write(`${line}\n`);
    holder.corpus = loaded.corpus;
  });
}
