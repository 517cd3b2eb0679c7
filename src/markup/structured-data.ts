import type { ArticleEntry } from '../corpus/corpus.ts';
import { isoDateTime } from './filters.ts';
import { modifiedDate } from '../corpus/lifecycle.ts';
import type { Link } from '../corpus/archive-model.ts';
import type { SiteSettings } from '../render/settings.ts';

/**
 * schema.org NewsArticle for an article page. Dates carry +07:00. The writer is a Person when the
 * byline names one, else the paper itself. dateModified is the newest of `updated:` and the
 * corrections' dates, else the publication date (never the build's time, so rebuilds change
 * nothing). `@id` is the story's identity, which a fixed title does not change; `url` is where it is now.
 */
export function newsArticle(
  entry: ArticleEntry,
  site: SiteSettings,
  url: string,
  image: string | undefined,
  home: string,
  id: string = url,
): Record<string, unknown> {
  const { title, lead, date, author, corrections } = entry.article;
  const published = isoDateTime(date);
  // The paper's home is the site's root under the path prefix, not the bare origin.
  const publisher = { '@type': 'Organization', name: site.name, url: home };
  return {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    '@id': `${id}#article`,
    headline: title,
    description: lead,
    datePublished: published,
    dateModified: isoDateTime(modifiedDate(entry.article)),
    author: author ? { '@type': 'Person', name: author } : publisher,
    publisher,
    mainEntityOfPage: url,
    url,
    ...(image ? { image: [image] } : {}),
    ...(corrections ? { correction: corrections.map((correction) => ({ '@type': 'CorrectionComment', text: correction.text, datePublished: isoDateTime(correction.date) })) } : {}),
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
