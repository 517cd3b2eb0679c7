import type { ArticleEntry } from '../corpus/corpus.ts';
import { isoDateTime } from './filters.ts';
import type { Link } from '../corpus/archive-model.ts';
import type { SiteSettings } from '../render/settings.ts';

/**
 * schema.org NewsArticle for an article page. Dates carry +07:00. The writer is a Person when the
 * byline names one, else the paper itself. There is no separate modification date in the article
 * format, so dateModified is the publication date (keeps output the same from build to build).
 */
export function newsArticle(
  entry: ArticleEntry,
  site: SiteSettings,
  url: string,
  image: string | undefined,
  home: string,
): Record<string, unknown> {
  const { title, lead, date, author } = entry.article;
  const published = isoDateTime(date);
  // The paper's home is the site's root under the path prefix, not the bare origin.
  const publisher = { '@type': 'Organization', name: site.name, url: home };
  return {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    headline: title,
    description: lead,
    datePublished: published,
    dateModified: published,
    author: author ? { '@type': 'Person', name: author } : publisher,
    publisher,
    mainEntityOfPage: url,
    url,
    ...(image ? { image: [image] } : {}),
    inLanguage: site.language,
  };
}

/** schema.org BreadcrumbList for the trail home › section above a story, with absolute URLs; null without a section. */
export function breadcrumbList(section: Link | null, home: Link): Record<string, unknown> | null {
  if (!section) return null;
  return {
    '@context': 'https://schema.org',
    '@type': 'BreadcrumbList',
    itemListElement: [
      { '@type': 'ListItem', position: 1, name: home.name, item: home.url },
      { '@type': 'ListItem', position: 2, name: section.name, item: section.url },
    ],
  };
}
