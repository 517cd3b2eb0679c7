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

/** One file to write: `/sitemap.xml` alone, or the index `/sitemap.xml` and its parts `/sitemap-1.xml`, `/sitemap-2.xml`… */
export type SitemapFile = { url: string; kind: 'urlset'; urls: readonly SitemapUrl[] } | { url: string; kind: 'index'; parts: readonly SitemapUrl[] };

/**
 * The sitemap files for `urls`, in order: one `/sitemap.xml` while they fit in `limit`; else
 * parts of `limit` URLs each and `/sitemap.xml` as their index (so robots.txt names one address
 * either way). A part's lastmod is the newest of its URLs'.
 */
export function sitemapFiles(urls: readonly SitemapUrl[], limit: number = SITEMAP_URL_LIMIT): SitemapFile[] {
  if (urls.length <= limit) return [{ url: '/sitemap.xml', kind: 'urlset', urls }];
  const parts: { url: string; kind: 'urlset'; urls: readonly SitemapUrl[] }[] = [];
  for (let start = 0; start < urls.length; start += limit) {
    parts.push({ url: `/sitemap-${parts.length + 1}.xml`, kind: 'urlset', urls: urls.slice(start, start + limit) });
  }
  const index: SitemapFile = { url: '/sitemap.xml', kind: 'index', parts: parts.map((part) => ({ loc: part.url, lastmod: newest(part.urls) })) };
  return [index, ...parts];
}

function newest(urls: readonly SitemapUrl[]): string | undefined {
  let found: string | undefined;
  let time = -Infinity;
  for (const { lastmod } of urls) {
    if (lastmod !== undefined && Date.parse(lastmod) > time) {
      time = Date.parse(lastmod);
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
