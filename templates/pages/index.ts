import type { SiteContext, SiteTemplates } from '../../src/render/context.ts';
import { archiveIndexTemplate } from './archive-index.ts';
import { articleTemplate } from './article.ts';
import { feedTemplate } from './feed.ts';
import { groupListingTemplate } from './group-listing.ts';
import { iconTemplates } from './icons.ts';
import { topicIndexTemplate } from './topic-index.ts';
import { listingTemplate } from './listing.ts';
import { newsSitemapTemplate } from './news-sitemap.ts';
import { notFoundTemplate } from './not-found.ts';
import { robotsTemplate } from './robots.ts';
import { searchScriptTemplate } from './search-script.ts';
import { searchTemplate } from './search.ts';
import { sectionFeedTemplate } from './section-feed.ts';
import { sitemapTemplate } from './sitemap.ts';
import { styleTemplate } from './style.ts';
import { addressesTemplate } from './addresses.ts';
import { correctionsTemplate } from './corrections.ts';
import { redirectsFileTemplate, redirectTemplate } from './redirect.ts';
import { takenDownTemplate } from './taken-down.ts';

/** Every page template of the site, named: a template added here is rendered by every build, worker and preview. */
export function siteTemplates(ctx: SiteContext): SiteTemplates {
  return {
    article: articleTemplate(ctx),
    others: {
      listing: listingTemplate(ctx),
      feed: feedTemplate(ctx),
      sitemap: sitemapTemplate(ctx),
      robots: robotsTemplate(ctx),
      '404': notFoundTemplate(ctx),
      style: styleTemplate(),
      ...iconTemplates(ctx),
      'group-listing': groupListingTemplate(ctx),
      'section-feed': sectionFeedTemplate(ctx),
      topics: topicIndexTemplate(ctx),
      // The benchmark's baseline has no `/luu-tru/` page; the other listings it leaves out have no groups to paginate.
      ...(ctx.features.archive ? { archive: archiveIndexTemplate(ctx) } : {}),
      'news-sitemap': newsSitemapTemplate(ctx),
      search: searchTemplate(ctx),
      'search-script': searchScriptTemplate(),
      corrections: correctionsTemplate(ctx),
      redirect: redirectTemplate(ctx),
      redirects: redirectsFileTemplate(ctx),
      'taken-down': takenDownTemplate(ctx),
      addresses: addressesTemplate(),
    },
  };
}
