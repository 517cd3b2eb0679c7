import type { ArticleEntry } from './corpus.ts';
import type { StoryGroup } from './archive-model.ts';

/** Only the newest stories can lead or be featured: a story featured long ago leaves the front page by itself. */
export const FRONT_POOL = 50;
/** Top stories beside the lead (3 to 5 asked for). */
export const TOP_STORIES = 4;
/** Headlines in "Tin mới". */
export const LATEST = 10;
/** Headlines under a section's top story. */
export const SECTION_MORE = 4;

/** A section's block on the front page: its top story and a few more headlines. */
export interface SectionBlock {
  group: StoryGroup;
  top: ArticleEntry;
  more: readonly ArticleEntry[];
}

/** What the front page shows, chosen from article metadata only. */
export interface FrontPage {
  lead: ArticleEntry | null;
  top: readonly ArticleEntry[];
  latest: readonly ArticleEntry[];
  sections: readonly SectionBlock[];
}

export function hasPhoto(entry: ArticleEntry): boolean {
  return entry.photos.some((photo) => photo !== null);
}

function isFeatured(entry: ArticleEntry): boolean {
  return entry.article.featured === true;
}

/** `entries` in the editors' order of preference: featured first, then those with a photo, then the rest; newest first in each. */
function byPreference(entries: readonly ArticleEntry[]): ArticleEntry[] {
  const rank = (entry: ArticleEntry) => (isFeatured(entry) ? 0 : hasPhoto(entry) ? 1 : 2);
  return entries.map((entry, i) => ({ entry, i })).sort((a, b) => rank(a.entry) - rank(b.entry) || a.i - b.i).map(({ entry }) => entry);
}

/**
 * The story a listing opens with: the newest featured one, else the newest with a photo, else the
 * newest. `newestFirst` is what the listing shows, so the choice never reaches beyond its page.
 */
export function leadStory(newestFirst: readonly ArticleEntry[]): ArticleEntry | null {
  return byPreference(newestFirst)[0] ?? null;
}

/**
 * The front page from the stories newest first and the sections in menu order: the lead and top
 * stories from the newest FRONT_POOL (featured ones, then ones with a photo), "Tin mới" the newest
 * of the rest, then each section with stories not already shown above, its own lead first.
 */
export function frontPage(newestFirst: readonly ArticleEntry[], sections: readonly StoryGroup[]): FrontPage {
  const [lead = null, ...top] = byPreference(newestFirst.slice(0, FRONT_POOL)).slice(0, 1 + TOP_STORIES);
  const shown = new Set(lead ? [lead, ...top] : []);
  const latest = newestFirst.filter((entry) => !shown.has(entry)).slice(0, LATEST);
  const blocks = sections.flatMap((group): SectionBlock[] => {
    const candidates = group.entries.slice(0, FRONT_POOL).filter((entry) => !shown.has(entry));
    const sectionTop = leadStory(candidates);
    if (!sectionTop) return [];
    return [{ group, top: sectionTop, more: candidates.filter((entry) => entry !== sectionTop).slice(0, SECTION_MORE) }];
  });
  return { lead, top, latest, sections: blocks };
}
