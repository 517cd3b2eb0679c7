/**
 * The HTTP headers each published object is stored with, from its key alone. Text is declared
 * UTF-8 (Vietnamese read as Latin-1 is unreadable). Files named by their content's hash (images
 * under `img/`, Pagefind's fragments, indexes, filters and metadata) never change under one name,
 * so readers and the CDN keep them for a year; everything else (pages, feeds, sitemaps, the
 * stylesheet, the search engine `pagefind/ngay/pagefind.js`, `pagefind-entry.json`…) changes in
 * place, so it is kept only a minute and a corrected story reaches readers quickly.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import mime from 'mime-types';

export const IMMUTABLE = 'public, max-age=31536000, immutable';
export const SHORT_LIVED = 'public, max-age=60';

/**
 * `img/`: every photo's files and record are named by the photo and the encoding settings
 * (src/markup/images.ts). Pagefind names its fragments, indexes and filters by their content's
 * hash, and its `.pf_meta` files by the index's, in each search tier's folder (`pagefind/ngay/`,
 * `pagefind/2016/`…, see search-tiers.ts); its entry files keep fixed names.
 */
const TIER = '(?:ngay|thang|nam|\\d{4})';
const CONTENT_HASHED = [/^img\//, new RegExp(`^pagefind/${TIER}/(?:fragment|index|filter)/`), new RegExp(`^pagefind/${TIER}/pagefind\\.[^/]+\\.pf_meta$`)];

export function isContentHashed(key: string): boolean {
  return CONTENT_HASHED.some((pattern) => pattern.test(key));
}

export function cacheControl(key: string): string {
  return isContentHashed(key) ? IMMUTABLE : SHORT_LIVED;
}

/** XML types carry no charset in mime-db, but every feed and sitemap the build writes is UTF-8. */
const isXml = (type: string) => type === 'application/xml' || type === 'text/xml' || type.endsWith('+xml');

/** By the file's extension: `text/html; charset=utf-8`, `image/avif`; Pagefind's own binary files are octet streams. */
export function contentType(key: string): string {
  const type = mime.lookup(key) || 'application/octet-stream';
  const withCharset = mime.contentType(type) || type;
  return isXml(type) && !withCharset.includes('charset') ? `${type}; charset=utf-8` : withCharset;
}

/** The extension that decides a key's content type, `.html`, or `''`. */
export function extensionOf(key: string): string {
  return path.posix.extname(key).toLowerCase();
}

/**
 * Changes when the rules above change: objects published under other rules are checked again.
 * The content types are compared by extension on their own, since they also follow mime-db's version.
 */
export const HEADER_RULES = createHash('sha1').update(readFileSync(import.meta.filename)).digest('hex');
