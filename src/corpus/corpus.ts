import type { Article } from '../article.ts';
import { wantedUrl } from './urls.ts';
import { assignAddresses, EMPTY_LEDGER, NO_LIFECYCLE, type CorpusLifecycle } from './lifecycle.ts';
import { byCodeUnits } from '../by-code-units.ts';

/**
 * An article as the site keeps it for the whole build: everything but its text (`body` and
 * `blocks`), what listings, feeds, sitemaps and links need. A big archive holds every article at
 * once; the page renderers read the text of the one article they render from the parse cache, by
 * the entry's `key`.
 */
export type ArticleSummary = Omit<Article, 'body' | 'blocks'>;

/** One parsed article as the site shows it. A class so Eleventy shares it instead of deep-copying it into every page's data. */
export class ArticleEntry {
  constructor(
    /** The article file, as listed (relative to the working directory). */
    readonly file: string,
    readonly article: ArticleSummary,
    /** Site-relative URL, e.g. `/2016/06/slug/`. */
    readonly url: string,
    /** One entry per photo (figure) in reading order: the image file to show, or null for caption only. */
    readonly photos: readonly (string | null)[],
    /** The parse cache key of the article's text (see `ParseCache.blocks`). */
    readonly key: string,
    /** The git blob id of each photo's file (`file-identity.ts`), in the order of `photos`: which version of the photo is shown. */
    readonly photoIds: readonly (string | null)[],
    /** The story's identity, its first address (`lifecycle.ts`): what feeds and JSON-LD name it by, whatever its address now. */
    readonly id: string = url,
  ) {}
}

/** An article file as read and checked, before the archive gives it its address (`buildCorpus`). */
export interface ParsedFile {
  file: string;
  article: ArticleSummary;
  photos: readonly (string | null)[];
  key: string;
  photoIds: readonly (string | null)[];
}

/** Where a shard's corpus sits in the whole archive (see `Corpus.window`). */
interface Placement {
  /** Position in the whole archive (0 = newest) of each entry, in the same order. */
  positions: readonly number[];
  size: number;
  articlePages: readonly ArticleEntry[];
}

/** Another corpus's articles, at their places, with other article pages to render (see `Corpus.withArticlePages`). */
interface SameArchive {
  of: Corpus;
  articlePages: readonly ArticleEntry[];
}

/**
 * The articles of a build, newest first: what listings, feeds and previous/next links read.
 *
 * A whole corpus knows every article. A shard's corpus (`Corpus.window`) knows only the articles
 * one shard worker renders pages for, plus the articles those pages link to, each at its place
 * in the whole archive, so a page comes out the same whichever process renders it.
 */
export class Corpus {
  /** The articles known here, newest first. */
  readonly entries: readonly ArticleEntry[];
  /** The articles whose own pages this build renders (what the article template paginates over). */
  readonly articlePages: readonly ArticleEntry[];
  /** How many articles the whole archive has. */
  readonly size: number;
  readonly #position: Map<ArticleEntry, number>;
  readonly #at: (position: number) => ArticleEntry | undefined;
  /** What the site shows of stories that are not public: taken-down addresses, redirects, the address ledger. */
  readonly lifecycle: CorpusLifecycle;

  constructor(entries: readonly ArticleEntry[], placement?: Placement | SameArchive, lifecycle: CorpusLifecycle = NO_LIFECYCLE) {
    this.lifecycle = lifecycle;
    if (placement && 'of' in placement) {
      const { of } = placement;
      this.entries = of.entries;
      this.size = of.size;
      this.articlePages = placement.articlePages;
      this.#position = of.#position;
      this.#at = of.#at;
    } else if (placement) {
      this.entries = entries;
      this.size = placement.size;
      this.articlePages = placement.articlePages;
      this.#position = new Map(entries.map((entry, i) => [entry, placement.positions[i]!]));
      const byPosition = new Map(entries.map((entry, i) => [placement.positions[i]!, entry]));
      this.#at = (position) => byPosition.get(position);
    } else {
      this.entries = newestFirst(entries);
      this.size = this.entries.length;
      this.articlePages = this.entries;
      this.#position = new Map(this.entries.map((entry, i) => [entry, i]));
      this.#at = (position) => this.entries[position];
    }
  }

  /**
   * A shard's corpus: `placed` are the known articles with their positions in the whole archive
   * of `size` articles; `render` are those whose pages the shard renders.
   */
  static window(placed: readonly { entry: ArticleEntry; position: number }[], size: number, render: readonly ArticleEntry[], lifecycle?: CorpusLifecycle): Corpus {
    const sorted = [...placed].sort((a, b) => a.position - b.position);
    return new Corpus(
      sorted.map((p) => p.entry),
      { positions: sorted.map((p) => p.position), size, articlePages: render },
      lifecycle,
    );
  }

  /** The same archive with no article pages to render: the site pages of a build whose article pages are rendered in shards. */
  withoutArticlePages(): Corpus {
    return this.withArticlePages([]);
  }

  /** The same archive rendering only the pages of `entries`: what the dev server re-renders after an edit. */
  withArticlePages(entries: readonly ArticleEntry[]): Corpus {
    return new Corpus(this.entries, { of: this, articlePages: entries }, this.lifecycle);
  }

  /** Place in the whole archive, 0 for the newest story. */
  positionOf(entry: ArticleEntry): number {
    const position = this.#position.get(entry);
    if (position === undefined) throw new Error(`${entry.file} is not in this corpus`);
    return position;
  }

  /** The story published just before this one, if any. */
  older(entry: ArticleEntry): ArticleEntry | undefined {
    return this.#at(this.positionOf(entry) + 1);
  }

  /** The story published just after this one, if any. */
  newer(entry: ArticleEntry): ArticleEntry | undefined {
    const i = this.positionOf(entry);
    return i === 0 ? undefined : this.#at(i - 1);
  }

  newest(count: number): readonly ArticleEntry[] {
    const found: ArticleEntry[] = [];
    for (let position = 0; position < Math.min(count, this.size); position++) {
      const entry = this.#at(position);
      if (entry) found.push(entry);
    }
    return found;
  }
}

/** Newest first, then by slug and file; each date parsed once, not in every comparison (a 100,000-story sort makes two million). */
function newestFirst(entries: readonly ArticleEntry[]): ArticleEntry[] {
  const keyed = entries.map((entry) => ({ entry, time: Date.parse(entry.article.date) }));
  keyed.sort((a, b) => b.time - a.time || byCodeUnits(a.entry.article.slug, b.entry.article.slug) || byCodeUnits(a.entry.file, b.entry.file));
  return keyed.map(({ entry }) => entry);
}

/**
 * The corpus of parsed files with no address published before (the preview's): each article gets
 * its address by the build's rule (`assignAddresses` with an empty ledger).
 */
export function buildCorpus(files: readonly ParsedFile[]): Corpus {
  const claims = files.map(({ file, article }) => ({ file, record: file, wanted: wantedUrl(article), aliases: [] }));
  const { urls } = assignAddresses(claims, EMPTY_LEDGER, new Set());
  return new Corpus(files.map(({ file, article, photos, key, photoIds }) => new ArticleEntry(file, article, urls.get(file)!, photos, key, photoIds)));
}
