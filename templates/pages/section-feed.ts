import type { PagedTemplate, PageData, SiteContext } from '../../src/render/context.ts';
import { atomFeed } from '../../src/markup/atom.ts';
import type { StoryGroup } from '../../src/corpus/archive-model.ts';

interface SectionFeedData extends PageData {
  section: StoryGroup;
}

/**
 * `/thoi-su/feed.xml`, `/chu-de/bao-so-4/feed.xml`: an Atom feed of a section's or a topic's newest stories, title and lead (the full text is
 * in the paper's own `/feed.xml`), so it is written from article metadata alone. Every URL is absolute.
 */
export function sectionFeedTemplate(ctx: SiteContext): PagedTemplate<StoryGroup, SectionFeedData> {
  const { site } = ctx;
  return {
    alias: 'section',
    pages: () => [...ctx.archive.sections, ...ctx.archive.topics],
    reads: (section) => ({ name: section.name, url: section.url, entries: section.entries.slice(0, site.feedSize) }),
    data: {
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
        id: (entry) => ctx.absolute(entry.id),
      });
    },
  };
}
