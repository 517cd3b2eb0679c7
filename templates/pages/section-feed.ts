import type { PageData, PageTemplate, SiteContext } from '../../src/render/context.ts';
import { atomFeed } from '../../src/markup/atom.ts';
import { pageIndex, type IndexData, type StoryGroup } from '../../src/corpus/site-index.ts';
import { pagePerDescription } from '../../src/render/page-filter.ts';

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
      pagination: pagePerDescription('section', (data: IndexData) => pageIndex(data).sections),
      permalink: (data: SectionFeedData) => `${data.section.url}feed.xml`,
      eleventyExcludeFromCollections: true,
    },
    render({ section }) {
      return atomFeed(site, {
        title: `${site.name} – ${section.name}`,
        self: ctx.absolute(`${section.url}feed.xml`),
        home: ctx.absolute(section.url),
        entries: section.entries.slice(0, site.feedSize),
        url: (entry) => ctx.absolute(entry.url),
      });
    },
  };
}
