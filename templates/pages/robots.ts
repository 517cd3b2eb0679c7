import type { PageTemplate, SiteContext } from '../../src/render/context.ts';

export function robotsTemplate(ctx: SiteContext): PageTemplate {
  return {
    data: { permalink: '/robots.txt', eleventyExcludeFromCollections: true },
    render: () => `User-agent: *\nAllow: /\n\nSitemap: ${ctx.absolute('/sitemap.xml')}\nSitemap: ${ctx.absolute('/sitemap-news.xml')}\n`,
  };
}
