import type { Article } from '../article.ts';
import { formatIssue } from '../parser/issue.ts';
import { articleUrl, assignArticlePaths } from './urls.ts';

/**
 * An article as the site keeps it for the whole build: everything but the Markdown `body`, which
 * repeats the text of `blocks` (what the pages render from). A big site holds every article at
 * once, so the copy is dropped.
 */
export type SiteArticle = Omit<Article, 'body'>;

/** One parsed article as the site shows it. A class so Eleventy shares it instead of deep-copying it into every page's data. */
export class ArticleEntry {
  constructor(
    /** The article file, as listed (relative to the working directory). */
    readonly file: string,
    readonly article: SiteArticle,
    /** Site-relative URL, e.g. `/2016/06/slug/`. */
    readonly url: string,
    /** One entry per photo (figure) in reading order: the image file to show, or null for caption only. */
    readonly photos: readonly (string | null)[],
  ) {}
}

export interface ParsedFile {
  file: string;
  article: SiteArticle;
  photos: readonly (string | null)[];
}

/** All articles of a build, newest first; what listings, feeds and previous/next links read. */
export class Corpus {
  readonly entries: readonly ArticleEntry[];
  readonly #position: Map<ArticleEntry, number>;

  constructor(entries: readonly ArticleEntry[]) {
    this.entries = [...entries].sort(newestFirst);
    this.#position = new Map(this.entries.map((entry, i) => [entry, i]));
  }

  /** The story published just before this one, if any. */
  older(entry: ArticleEntry): ArticleEntry | undefined {
    return this.entries[(this.#position.get(entry) ?? Infinity) + 1];
  }

  /** The story published just after this one, if any. */
  newer(entry: ArticleEntry): ArticleEntry | undefined {
    const i = this.#position.get(entry);
    return i === undefined || i === 0 ? undefined : this.entries[i - 1];
  }

  /** The listing page (1-based) on which this story appears. */
  listingPage(entry: ArticleEntry, perPage: number): number {
    return Math.floor((this.#position.get(entry) ?? 0) / perPage) + 1;
  }

  newest(count: number): readonly ArticleEntry[] {
    return this.entries.slice(0, count);
  }

  pageCount(perPage: number): number {
    return Math.max(1, Math.ceil(this.entries.length / perPage));
  }
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function newestFirst(a: ArticleEntry, b: ArticleEntry): number {
  const byDate = Date.parse(b.article.date) - Date.parse(a.article.date);
  return byDate || compare(a.article.slug, b.article.slug) || compare(a.file, b.file);
}

/**
 * Builds the corpus from parsed files: gives each article its URL and reports, as
 * `FILE:LINE: CODE: message` lines, the articles whose URL had to get a suffix.
 */
export function buildCorpus(files: readonly ParsedFile[]): { corpus: Corpus; warnings: string[] } {
  const { paths, moved } = assignArticlePaths(files);
  const warnings = moved.map(({ file, issue }) => formatIssue(file, issue));
  const entries = files.map(({ file, article, photos }) => new ArticleEntry(file, article, articleUrl(paths.get(file)!), photos));
  return { corpus: new Corpus(entries), warnings };
}
