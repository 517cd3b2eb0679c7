import { relatedStories, type StoryTopics } from './related.ts';
import { slug } from '../slug.ts';
import { listingHeads, listingPages, monthName, monthUrl, pagedUrl, pageNumberFromOldest, topicUrl, yearUrl, type ListingPage } from './archive.ts';
import { authorNames, authorUrl } from './authors.ts';
import type { ArticleEntry, Corpus } from './corpus.ts';
import type { SiteFeatures } from './features.ts';
import { vietnamDay } from '../markup/filters.ts';
import { compareSections, resolveSection, sectionFoldersIn, sectionUrl, type Section } from './sections.ts';
import { byCodeUnits } from '../by-code-units.ts';

/** Stories gathered under one heading with their own paginated listing: a section, a topic, a writer, a year or a month. */
export interface StoryGroup {
  kind: 'section' | 'topic' | 'author' | 'year' | 'month';
  /** What the listing is called: `Thời sự`, `X.THIÊN`, `Năm 2016`, `Tháng 6/2016`. */
  name: string;
  /** The listing's root (its newest stories), e.g. `/thoi-su/`. */
  url: string;
  /** Newest first, as in the corpus. */
  entries: readonly ArticleEntry[];
}

/** One page of a group's listing. */
export interface GroupPage extends ListingPage<ArticleEntry> {
  group: StoryGroup;
}

/**
 * Where an article's back link ("back to the list") leads: the listing `root` and the story's place
 * counted from that listing's oldest (`rank`, 0 for the oldest), which give its numbered page.
 */
export interface ListingPlace {
  root: string;
  rank: number;
}

export interface Link {
  name: string;
  url: string;
}

/**
 * What an article page shows of the whole archive: the masthead's sections, the article's section,
 * its writers and its related stories. A whole `ArchiveModel` is one; a shard worker, which knows
 * only part of the archive, gets one made from what the main process saw (`shardLinks`, then
 * `storyLinksOf`), its related stories later than the rest (`ShardRelated`, shards.ts).
 */
export interface StoryLinks {
  readonly nav: readonly Link[];
  sectionLink(entry: ArticleEntry): Link | null;
  authorsOf(entry: ArticleEntry): readonly Link[];
  /** The topics the article belongs to (`tags:`), each with its page. */
  topicsOf(entry: ArticleEntry): readonly Link[];
  related(entry: ArticleEntry): readonly ArticleEntry[];
  /** The numbered listing page the article's back link leads to, `perPage` stories a page. */
  backLink(entry: ArticleEntry, perPage: number): string;
}

/** `StoryLinks` for some articles but their related stories, as JSON; positions are places in the whole archive (`Corpus.positionOf`). */
export interface ShardStoryLinks {
  nav: readonly Link[];
  articles: { position: number; section: Link | null; place: ListingPlace }[];
}

/**
 * What the site derives from the articles' metadata alone (file, title, headings, date, author, section):
 * sections, writers, the archive by year and month, and related stories. Made once per corpus by
 * whoever renders it (the build, a site-pages worker, the preview) and given to the site plugin.
 */
export class ArchiveModel implements StoryLinks {
  readonly sections: readonly StoryGroup[];
  /** Every topic (`tags:`) with its stories, by name in Vietnamese alphabetical order. */
  readonly topics: readonly StoryGroup[];
  readonly authors: readonly StoryGroup[];
  /** Newest year first. */
  readonly years: readonly StoryGroup[];
  /** Newest month first. */
  readonly months: readonly StoryGroup[];
  /** Masthead links: the sections that have stories, in menu order. One array, so the masthead is rendered once (`masthead`). */
  readonly nav: readonly Link[];
  readonly #sectionOf = new Map<ArticleEntry, Section | null>();
  readonly #placeOf = new Map<ArticleEntry, ListingPlace>();
  readonly #features: SiteFeatures;
  #related: Map<ArticleEntry, readonly ArticleEntry[]> | undefined;

  constructor(
    /** The articles it is made from. */
    readonly corpus: Corpus,
    contentDir: string,
    features: SiteFeatures,
  ) {
    this.#features = features;
    // Many articles share a folder, a byline and a month: each is worked out once (slugs cost microseconds, times more).
    const folderOf = sectionFoldersIn(contentDir);
    const folderSection = memo((folder: string | null) => resolveSection(null, folder));
    const sectionOf = (override: string | null, folder: string | null) => (override ? resolveSection(override, folder) : folderSection(folder));
    const writersOf = memo((author: string | null) => authorNames(author).map((name) => ({ name, key: slug(name) })));
    const sections = new Map<string, { section: Section; entries: ArticleEntry[] }>();
    const authors = new Map<string, { name: string; entries: ArticleEntry[] }>();
    const years = new Map<number, ArticleEntry[]>();
    const months = new Map<string, { year: number; month: number; entries: ArticleEntry[] }>();
    const topics = new Map<string, { name: string; entries: ArticleEntry[] }>();
    // The benchmark's baseline (features.ts) builds without some listings: their groups are not even gathered, so no page links to them.
    const { sections: withSections, authors: withAuthors, archive: withArchive } = this.#features;
    for (const entry of corpus.entries) {
      const section = sectionOf(entry.article.section, folderOf(entry.file));
      this.#sectionOf.set(entry, section);
      if (section && withSections) {
        const group = sections.get(section.slug) ?? { section, entries: [] };
        group.entries.push(entry);
        sections.set(section.slug, group);
      }
      for (const { name, url } of topicLinks(entry.article.tags)) {
        // The newest story's spelling names the topic, as a writer's page.
        const group = topics.get(url) ?? { name, entries: [] };
        group.entries.push(entry);
        topics.set(url, group);
      }
      for (const { name, key } of withAuthors ? writersOf(entry.article.author) : []) {
        // The newest story's spelling names the page when spellings differ only in marks or case.
        const group = authors.get(key) ?? { name, entries: [] };
        group.entries.push(entry);
        authors.set(key, group);
      }
      if (!withArchive) continue;
      const time = monthOf(entry);
      const year = years.get(time.year) ?? [];
      year.push(entry);
      years.set(time.year, year);
      const key = `${time.year}/${time.month}`;
      const month = months.get(key) ?? { year: time.year, month: time.month, entries: [] };
      month.entries.push(entry);
      months.set(key, month);
    }
    this.sections = [...sections.values()]
      .sort((a, b) => compareSections(a.section, b.section))
      .map(({ section, entries }) => ({ kind: 'section', name: section.name, url: sectionUrl(section.slug), entries }));
    const collator = new Intl.Collator('vi');
    this.topics = [...topics]
      .sort(([a, x], [b, y]) => collator.compare(x.name, y.name) || byCodeUnits(a, b))
      .map(([url, { name, entries }]) => ({ kind: 'topic', name, url, entries }));
    this.authors = [...authors]
      .sort(([a], [b]) => byCodeUnits(a, b))
      .map(([, { name, entries }]) => ({ kind: 'author', name, url: authorUrl(name), entries }));
    this.years = [...years]
      .sort(([a], [b]) => b - a)
      .map(([year, entries]) => ({ kind: 'year', name: `Năm ${year}`, url: yearUrl(year), entries }));
    this.months = [...months.values()]
      .sort((a, b) => b.year - a.year || b.month - a.month)
      .map(({ year, month, entries }) => ({ kind: 'month', name: monthName(year, month), url: monthUrl(year, month), entries }));
    this.nav = this.sections.map(({ name, url }) => ({ name, url }));
    // A back link goes to the story's month, whose pages only a story of that month dated before it moves;
    // without month listings (the benchmark's baseline), to the front listing, numbered the same way.
    for (const { url, entries } of this.months) {
      entries.forEach((entry, i) => this.#placeOf.set(entry, { root: url, rank: entries.length - 1 - i }));
    }
    if (!withArchive) for (const entry of corpus.entries) this.#placeOf.set(entry, { root: '/', rank: corpus.size - 1 - corpus.positionOf(entry) });
  }

  /** The article's section, or null when it sits directly in the content folder without `section:`. */
  sectionOf(entry: ArticleEntry): Section | null {
    return this.#sectionOf.get(entry) ?? null;
  }

  /** The article's section as a link to its listing. */
  sectionLink(entry: ArticleEntry): Link | null {
    const section = this.#features.sections ? this.sectionOf(entry) : null;
    return section && { name: section.name, url: sectionUrl(section.slug) };
  }

  /** The numbered page of its month's listing that shows the article. */
  backLink(entry: ArticleEntry, perPage: number): string {
    return placedUrl(this.#placeOf.get(entry)!, perPage);
  }

  /** The writers the article credits, each with their page. */
  authorsOf(entry: ArticleEntry): readonly Link[] {
    return this.#features.authors ? authorLinks(entry.article.author) : [];
  }

  topicsOf(entry: ArticleEntry): readonly Link[] {
    return topicLinks(entry.article.tags);
  }

  /** 3 to 5 other stories on the same subject (see `relatedStories`), chosen for the whole corpus on first use unless `chooseRelated` chose them. */
  related(entry: ArticleEntry): readonly ArticleEntry[] {
    if (!this.#features.related) return [];
    this.#related ??= this.#relatedFrom(relatedStories(this.#topics()));
    return this.#related.get(entry) ?? [];
  }

  /** Chooses every story's related stories with `choose` (`relatedStories`, or the same elsewhere), for `related` to give. */
  async chooseRelated(choose: (stories: readonly StoryTopics[]) => Promise<number[][]>): Promise<void> {
    if (this.#features.related && !this.#related) this.#related = this.#relatedFrom(await choose(this.#topics()));
  }

  #topics(): StoryTopics[] {
    return this.corpus.entries.map((entry) => ({
      section: this.sectionOf(entry)?.slug ?? null,
      text: [entry.article.title, ...entry.article.headings].join('\n'),
      date: Date.parse(entry.article.date),
      topics: topicLinks(entry.article.tags).map((topic) => topic.url),
    }));
  }

  #relatedFrom(chosen: number[][]): Map<ArticleEntry, readonly ArticleEntry[]> {
    const entries = this.corpus.entries;
    return new Map(entries.map((e, i) => [e, chosen[i]!.map((j) => entries[j]!)]));
  }

  /** What the pages of `entries` show of the archive but related stories, for a process that knows only part of it. */
  shardLinks(entries: readonly ArticleEntry[]): ShardStoryLinks {
    return {
      nav: this.nav,
      articles: entries.map((entry) => ({ position: this.corpus.positionOf(entry), section: this.sectionLink(entry), place: this.#placeOf.get(entry)! })),
    };
  }

  /** Every page of every group's listing, `perPage` stories a page (see `listingPages`). */
  pages(perPage: number): GroupPage[] {
    return this.#groups().flatMap((group) => listingPages(group.url, group.entries, perPage).map((page) => ({ ...page, group })));
  }

  /** The address and newest story of each of `pages`' pages, in its order (see `listingHeads`). */
  heads(perPage: number): { url: string; newest: ArticleEntry | undefined }[] {
    return this.#groups().flatMap((group) => listingHeads(group.url, group.entries, perPage));
  }

  #groups(): StoryGroup[] {
    return [...this.sections, ...this.topics, ...this.authors, ...this.years, ...this.months];
  }
}

function placedUrl({ root, rank }: ListingPlace, perPage: number): string {
  return pagedUrl(root, pageNumberFromOldest(rank, perPage));
}

/** `fn`, remembering its result for each argument. */
function memo<A, R>(fn: (a: A) => R): (a: A) => R {
  const results = new Map<A, R>();
  return (a) => {
    if (!results.has(a)) results.set(a, fn(a));
    return results.get(a)!;
  };
}

/** The year and month of the article's address (`/2016/06/slug/`), which are its month in Vietnam time. */
function monthOf(entry: ArticleEntry): { year: number; month: number } {
  const match = /^\/(\d{4})\/(\d{2})\//.exec(entry.url);
  if (match) return { year: Number(match[1]), month: Number(match[2]) };
  const day = vietnamDay(entry.article.date);
  return { year: Number(day.slice(0, 4)), month: Number(day.slice(5, 7)) };
}

/** The article's topics, each with its page; one shared empty list for the many stories without any. */
const NO_TOPICS: readonly Link[] = [];
export function topicLinks(tags: readonly string[] | undefined): readonly Link[] {
  if (!tags || tags.length === 0) return NO_TOPICS;
  return tags.flatMap((name) => {
    const key = slug(name);
    return key ? [{ name, url: topicUrl(key) }] : [];
  });
}

/**
 * Each writer a byline credits, linked to their page. A byline is shared by many stories, and
 * splitting and slugging it for every page they appear on cost more than the rest of the byline.
 */
const authorLinks = memo((author: string | null): readonly Link[] => authorNames(author).map((name) => ({ name, url: authorUrl(name) })));

/**
 * The story links of a shard's corpus, from what the main process saw (`ArchiveModel.shardLinks`);
 * `related` is each article's related stories, which may come later: article pages wait for them.
 */
export async function storyLinksOf(
  corpus: Corpus,
  links: ShardStoryLinks,
  related: Promise<ReadonlyMap<ArticleEntry, readonly ArticleEntry[]>>,
  features: SiteFeatures,
): Promise<StoryLinks> {
  const atPosition = new Map(corpus.entries.map((entry) => [corpus.positionOf(entry), entry]));
  const sections = new Map(links.articles.map(({ position, section }) => [atPosition.get(position)!, section]));
  const places = new Map(links.articles.map(({ position, place }) => [atPosition.get(position)!, place]));
  const relatedOf = await related;
  return {
    nav: links.nav,
    sectionLink: (entry) => sections.get(entry) ?? null,
    authorsOf: (entry) => (features.authors ? authorLinks(entry.article.author) : []),
    topicsOf: (entry) => topicLinks(entry.article.tags),
    related: (entry) => relatedOf.get(entry) ?? [],
    backLink: (entry, perPage) => placedUrl(places.get(entry)!, perPage),
  };
}
