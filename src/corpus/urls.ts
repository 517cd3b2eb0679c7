import type { Article } from '../article.ts';
import { slug as slugify } from '../slug.ts';
import { vietnamDay } from '../markup/filters.ts';

/** `/2016/06/slug/`: the month is the article's month in Vietnam time, not UTC. */
export function articlePath(date: string, slug: string): string {
  return `${vietnamDay(date).slice(0, 7).replace('-', '/')}/${slug}`;
}

export function articleUrl(path: string): string {
  return `/${path}/`;
}

/** `https://site/prefix/` + a site-relative URL such as `/2016/06/slug/`. */
export function absoluteUrl(siteUrl: string, pathPrefix: string, url: string): string {
  const prefix = `/${pathPrefix.replace(/^\/+|\/+$/g, '')}/`.replace(/^\/\/$/, '/');
  return new URL(`${prefix}${url.replace(/^\/+/, '')}`, siteUrl).toString();
}

/** The address a story would have anew, before the ledger and other stories' claims are weighed (`assignAddresses`). */
export function wantedUrl(article: Pick<Article, 'date' | 'slug' | 'title'>): string {
  return articleUrl(articlePath(article.date, article.slug || slugify(article.title) || 'bai-viet'));
}
