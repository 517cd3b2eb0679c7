import type { ArticleEntry } from '../../src/corpus/corpus.ts';
import type { PageTemplate, SiteContext } from '../../src/render/context.ts';
import { atomFeed } from '../../src/markup/atom.ts';
import { html } from '../../src/markup/html.ts';
import { encodePhotos } from '../partials/photo.ts';
import { lead, storyText } from '../partials/story-text.ts';

/**
 * `/feed.xml`: an Atom feed of the newest stories with their full text. Feed readers see no
 * stylesheet or `srcset`, so photos are a single absolute JPEG and an external link has no hidden
 * note (it would show as text); every URL is absolute.
 */
export function feedTemplate(ctx: SiteContext): PageTemplate {
  const { site } = ctx;
  const fullText = async (entry: ArticleEntry) => {
    const blocks = await ctx.blocks(entry);
    const photos = await encodePhotos(ctx.images, entry, blocks);
    const { credit, author } = entry.article;
    const byline = credit ?? author;
    return html`${lead(entry.article)}${storyText(blocks, (caption, n) => {
      const encoded = photos[n];
      return encoded
        ? html`<figure><img src="${ctx.absolute(encoded.shareImage)}" alt="${caption}"><figcaption>${caption}</figcaption></figure>`
        : html`<figure><figcaption>${caption}</figcaption></figure>`;
    }, { sitePath: ctx.absolute, externalNote: false })}${byline ? html`<p>${byline}</p>` : ''}`.value;
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
        id: (entry) => ctx.absolute(entry.id),
        content: fullText,
      });
    },
  };
}
