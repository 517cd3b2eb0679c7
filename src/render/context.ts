import type { Block } from '../article.ts';
import type { ArchiveModel, StoryLinks } from '../corpus/archive-model.ts';
import type { ArticleEntry, Corpus } from '../corpus/corpus.ts';
import type { SiteFeatures } from '../corpus/features.ts';
import type { ImageStore } from '../markup/images.ts';
import type { SiteSettings } from './settings.ts';

/** What every page template needs besides its own data; made once per Eleventy run by the site plugin from its options. */
export interface SiteContext {
  site: SiteSettings;
  images: ImageStore;
  /** Which optional features the site has (all but in the benchmark's baseline). */
  features: SiteFeatures;
  /**
   * What the site derives from the whole archive: sections, writers, years and months. Every page
   * but the article pages reads it; an article shard worker, which knows only part of the archive, has none.
   */
  readonly archive: ArchiveModel;
  /** What article pages show of the archive; in an article shard worker it comes after the worker starts. */
  storyLinks: Promise<StoryLinks>;
  /** `https://origin/prefix/…` for a site-relative URL such as `/2016/06/slug/`. */
  absolute(url: string): string;
  /** The body blocks of an article, read from the parse cache (the corpus keeps no article text). */
  blocks(entry: ArticleEntry): Promise<readonly Block[]>;
  /** Called once per article page, for progress display. */
  articleRendered(): void;
}

/** The Eleventy data a page template reads (global data plus pagination). */
export interface PageData {
  corpus: Corpus;
  page: { url: string };
  pagination: { pageNumber: number; items: unknown[] };
}

/** A page template given as an object (registered as an Eleventy virtual template): one page, or the article pages. */
export interface PageTemplate<D extends PageData = PageData> {
  data: Record<string, unknown>;
  render(data: D): string | Promise<string>;
}

/**
 * A template of many pages, one per description that `pages` lists, each with its `url` (and the
 * template's permalink made from it). The site plugin turns it into Eleventy pagination, the same
 * way for every such template, so site-pages workers can share its pages out by URL.
 */
export interface PagedTemplate<P extends { url: string } = { url: string }, D extends PageData = PageData> extends PageTemplate<D> {
  /** The name under which a page's description is in its data. */
  alias: string;
  pages(data: PageData): readonly P[];
  /**
   * Everything a page is made from besides what every page shares (the site's settings, the
   * masthead): a build re-renders a page exactly when this changes (`planSite`), so it must name
   * whatever `render` reads. Without it, the whole description, which is safe but may re-render a
   * page for a change it does not show.
   */
  reads?(page: P): unknown;
}

/** The article template: one page per entry of the corpus's `articlePages`. */
export interface ArticleTemplate<D extends PageData = PageData> extends PageTemplate<D> {
  /** Everything the page of `entry` is made from besides what every page shares (see `PagedTemplate.reads`). */
  reads(entry: ArticleEntry, corpus: Corpus, links: StoryLinks): unknown;
}

/** The site's page templates: the article pages, and the others by name (a page's key for site-pages workers starts with it). */
export interface SiteTemplates {
  article: ArticleTemplate;
  others: Readonly<Record<string, PageTemplate | PagedTemplate>>;
}
