import type { ArticleEntry } from '../corpus/corpus.ts';
import { isoDateTime } from './filters.ts';
import { modifiedDate } from '../corpus/lifecycle.ts';
import { escapeHtml as text } from './html.ts';
import type { SiteSettings } from '../render/settings.ts';

export interface AtomFeed {
  title: string;
  subtitle?: string;
  /** Absolute URLs of the feed itself and of the page it follows. */
  self: string;
  home: string;
  entries: readonly ArticleEntry[];
  /** Absolute URL of an entry's page. */
  url: (entry: ArticleEntry) => string;
  /** The entry's `<id>`, which must not change with its address (see `ArticleEntry.id`); its URL when not given. */
  id?: (entry: ArticleEntry) => string;
  /** The entry's full text as HTML, when the feed carries it. */
  content?: (entry: ArticleEntry) => Promise<string>;
}

/** An Atom document: every value escaped, dates with the Vietnam offset, the newest story's date as `updated`. */
export async function atomFeed(site: SiteSettings, feed: AtomFeed): Promise<string> {
  const updated = feed.entries[0] ? isoDateTime(feed.entries[0].article.date) : '1970-01-01T07:00:00+07:00';
  let out = `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${site.language}">
<title>${text(feed.title)}</title>
${feed.subtitle ? `<subtitle>${text(feed.subtitle)}</subtitle>\n` : ''}<link href="${text(feed.self)}" rel="self" type="application/atom+xml"/>
<link href="${text(feed.home)}" rel="alternate" type="text/html"/>
<id>${text(feed.home)}</id>
<updated>${updated}</updated>
`;
  for (const entry of feed.entries) {
    const { title, date, author, lead } = entry.article;
    const url = text(feed.url(entry));
    const id = feed.id ? text(feed.id(entry)) : url;
    const published = isoDateTime(date);
    const content = feed.content ? `<content type="html">${text(await feed.content(entry))}</content>\n` : '';
    out += `<entry>
<title>${text(title)}</title>
<link href="${url}" rel="alternate" type="text/html"/>
<id>${id}</id>
<published>${published}</published>
<updated>${isoDateTime(modifiedDate(entry.article))}</updated>
<author><name>${text(author ?? site.name)}</name></author>
<summary>${text(lead)}</summary>
${content}</entry>
`;
  }
  return `${out}</feed>\n`;
}
