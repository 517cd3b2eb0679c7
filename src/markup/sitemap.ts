import { isoDateTime } from './filters.ts';
import { escapeHtml } from './html.ts';

/** What search engines accept in one sitemap file (sitemaps.org): more URLs need a sitemap index. */
export const SITEMAP_URL_LIMIT = 50_000;

export interface SitemapUrl {
  /** Site-relative, e.g. `/2016/06/slug/`. */
  loc: string;
  /** ISO date of the newest story on the page, if any. */
  lastmod?: string | undefined;
}

/** One file to write: `/sitemap.xml` alone, or the index `/sitemap.xml` and its parts (`/sitemap-trang.xml`, `/sitemap-2024.xml`…). */
export type SitemapFile = { url: string; kind: 'urlset'; urls: readonly SitemapUrl[] } | { url: string; kind: 'index'; parts: readonly SitemapUrl[] };

/** Addresses that share a part of a big site's sitemap, named by `name` (`/sitemap-NAME.xml`). */
export interface SitemapGroup {
  name: string;
  urls: readonly SitemapUrl[];
}

/**
 * The sitemap files for the `groups` of addresses, in order: one `/sitemap.xml` while they fit in
 * `limit`; else a part per group (`/sitemap-NAME.xml`, or `-NAME-1`, `-NAME-2`… for a group over
 * the limit) and `/sitemap.xml` as their index, so robots.txt names one address either way. Parts
 * by group, not by count: a new story changes its group's part, where parts cut by count moved
 * every address down one place and changed them all. A part's lastmod is the newest of its URLs'.
 */
export function sitemapFiles(groups: readonly SitemapGroup[], limit: number = SITEMAP_URL_LIMIT): SitemapFile[] {
  const total = groups.reduce((sum, group) => sum + group.urls.length, 0);
  if (total <= limit) return [{ url: '/sitemap.xml', kind: 'urlset', urls: groups.flatMap((group) => group.urls) }];
  const parts: { url: string; kind: 'urlset'; urls: readonly SitemapUrl[] }[] = [];
  for (const { name, urls } of groups) {
    if (urls.length <= limit) {
      if (urls.length > 0) parts.push({ url: `/sitemap-${name}.xml`, kind: 'urlset', urls });
      continue;
    }
    for (let start = 0; start < urls.length; start += limit) {
      parts.push({ url: `/sitemap-${name}-${start / limit + 1}.xml`, kind: 'urlset', urls: urls.slice(start, start + limit) });
    }
  }
  const index: SitemapFile = { url: '/sitemap.xml', kind: 'index', parts: parts.map((part) => ({ loc: part.url, lastmod: newest(part.urls) })) };
  return [index, ...parts];
}

function newest(urls: readonly SitemapUrl[]): string | undefined {
  let found: string | undefined;
  let time = -Infinity;
  for (const { lastmod } of urls) {
    const at = lastmod === undefined ? NaN : Date.parse(lastmod);
    if (at > time) {
      time = at;
      found = lastmod;
    }
  }
  return found;
}

/** The XML of one sitemap file; `absolute` makes a site-relative URL absolute (with the path prefix). */
export function sitemapXml(file: SitemapFile, absolute: (url: string) => string): string {
  const item = (tag: 'url' | 'sitemap', { loc, lastmod }: SitemapUrl) =>
    `<${tag}><loc>${escapeHtml(absolute(loc))}</loc>${lastmod ? `<lastmod>${isoDateTime(lastmod)}</lastmod>` : ''}</${tag}>\n`;
  const head = '<?xml version="1.0" encoding="utf-8"?>\n';
  const ns = 'xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"';
  if (file.kind === 'index') return `${head}<sitemapindex ${ns}>\n${file.parts.map((part) => item('sitemap', part)).join('')}</sitemapindex>\n`;
  return `${head}<urlset ${ns}>\n${file.urls.map((url) => item('url', url)).join('')}</urlset>\n`;
}
