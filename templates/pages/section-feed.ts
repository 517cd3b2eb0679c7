import type { PageData, PageTemplate, SiteContext } from '../../src/site/context.ts';
import { isoDateTime } from '../../src/site/filters.ts';
import { escapeHtml as text } from '../../src/site/html.ts';
import { pageIndex, type IndexData, type StoryGroup } from '../../src/site/site-index.ts';

interface SectionFeedData extends PageData, IndexData {
  section: StoryGroup;
}

/**
 * `/thoi-su/feed.xml`: an Atom feed of a section's newest stories, title and lead (the full text is
 * in the paper's own `/feed.xml`), so it is written from article metadata alone. Every URL is absolute.
 */
export function sectionFeedTemplate(ctx: SiteContext): PageTemplate<SectionFeedData> {
  const { site } = ctx;
  return {
    data: {
      pagination: {
        data: 'corpus.entries',
        size: 1,
        alias: 'section',
        before: (_entries: unknown[], data: IndexData) => pageIndex(data).sections,
      },
      permalink: (data: SectionFeedData) => `${data.section.url}feed.xml`,
      eleventyExcludeFromCollections: true,
    },
    render({ section }) {
      const entries = section.entries.slice(0, site.feedSize);
      const home = text(ctx.absolute(section.url));
      let out = `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${site.language}">
<title>${text(`${site.name} – ${section.name}`)}</title>
<link href="${text(ctx.absolute(`${section.url}feed.xml`))}" rel="self" type="application/atom+xml"/>
<link href="${home}" rel="alternate" type="text/html"/>
<id>${home}</id>
<updated>${isoDateTime(entries[0]!.article.date)}</updated>
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
</entry>
`;
      }
      return `${out}</feed>\n`;
    },
  };
}
