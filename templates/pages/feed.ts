import { renderBlocks, renderLead } from '../../src/markup/body.ts';
import type { ArticleEntry } from '../../src/corpus/corpus.ts';
import type { PageTemplate, SiteContext } from '../../src/render/context.ts';
import { atomFeed } from '../../src/markup/atom.ts';
import { html } from '../../src/markup/html.ts';

/**
 * `/feed.xml`: an Atom feed of the newest stories with their full text. Feed readers see no
 * stylesheet or `srcset`, so photos are a single absolute JPEG; every URL is absolute.
 */
export function feedTemplate(ctx: SiteContext): PageTemplate {
  const { site } = ctx;
  const fullText = async (entry: ArticleEntry) => {
    const body = await renderBlocks(await ctx.blocks(entry), async ({ caption, line }, index) => {
      const source = entry.photos[index];
      if (!source) return html`<figure><figcaption>${caption}</figcaption></figure>`;
      const picture = await ctx.images.picture(source, caption, false, { file: entry.file, line });
      return html`<figure><img src="${ctx.absolute(picture.shareImage)}" alt="${caption}"><figcaption>${caption}</figcaption></figure>`;
    });
    const { credit, author } = entry.article;
    const byline = credit ?? author;
    return html`${renderLead(entry)}${body}${byline ? html`<p>${byline}</p>` : ''}`.value;
  };

  return {
    data: { permalink: '/feed.xml', eleventyExcludeFromCollections: true },
    render({ corpus }) {
      return atomFeed(site, {
        title: site.name,
        subtitle: site.description,
        self: ctx.absolute('/feed.xml'),
        home: ctx.absolute('/'),
        entries: corpus.newest(site.feedSize),
        url: (entry) => ctx.absolute(entry.url),
        content: fullText,
      });
    },
  };
}
