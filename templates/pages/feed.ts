import { renderBlocks, renderLead } from '../../src/site/body.ts';
import type { ArticleEntry } from '../../src/site/corpus.ts';
import type { PageTemplate, SiteContext } from '../../src/site/context.ts';
import { isoDateTime } from '../../src/site/filters.ts';
import { escapeHtml as text, html } from '../../src/site/html.ts';

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
    async render({ corpus }) {
      const entries = corpus.newest(site.feedSize);
      const home = ctx.absolute('/');
      const updated = entries[0] ? isoDateTime(entries[0].article.date) : '1970-01-01T07:00:00+07:00';
      let out = `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${site.language}">
<title>${text(site.name)}</title>
<subtitle>${text(site.description)}</subtitle>
<link href="${text(ctx.absolute('/feed.xml'))}" rel="self" type="application/atom+xml"/>
<link href="${text(home)}" rel="alternate" type="text/html"/>
<id>${text(home)}</id>
<updated>${updated}</updated>
`;
      for (const entry of entries) {
        const { title, date, author, lead } = entry.article;
        const url = text(ctx.absolute(entry.url));
        const published = isoDateTime(date);
        out += `<entry>
<title>${text(title)}</title>
<link href="${url}" rel="alternate" type="text/html"/>
<id>${url}</id>
<published>${published}</published>
<updated>${published}</updated>
<author><name>${text(author ?? site.name)}</name></author>
<summary>${text(lead)}</summary>
<content type="html">${text(await fullText(entry))}</content>
</entry>
`;
      }
      return `${out}</feed>\n`;
    },
  };
}
