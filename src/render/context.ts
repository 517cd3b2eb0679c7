import type { Block } from '../article.ts';
import type { ArticleEntry, Corpus } from '../corpus/corpus.ts';
import type { ImageStore } from '../markup/images.ts';
import type { SiteSettings } from './settings.ts';

/** What every page template needs besides its own data; made once per build by the site plugin. */
export interface SiteContext {
  site: SiteSettings;
  images: ImageStore;
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

/** An Eleventy JavaScript template given as an object (registered as a virtual template). */
export interface PageTemplate<D extends PageData = PageData> {
  data: Record<string, unknown>;
  render(data: D): string | Promise<string>;
}
