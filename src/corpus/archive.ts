/**
 * Addresses and names of the archive, and how a listing is cut into pages. Article addresses are
 * `/YYYY/MM/slug/`, so a month's listing is the month folder itself (`/2016/06/`) and its numbered
 * pages sit at `/2016/06/trang/1/`…: a slug never holds a `/`, so no listing file can be an article's
 * file. A year's listing is `/2016/`.
 */

/** Numbered page `k` of the listing whose root is `root`: `/thoi-su/trang/3/`, `/trang/1/`. */
export function pagedUrl(root: string, pageNumber: number): string {
  return `${root}trang/${pageNumber}/`;
}

/** The topic index; a topic's page is below it, `/chu-de/bao-so-4/`. */
export const TOPICS_URL = '/chu-de/';

/** Every correction the paper published, newest first (the Press Law's "thông tin cải chính"). */
export const CORRECTIONS_URL = '/dinh-chinh/';

export function topicUrl(topicSlug: string): string {
  return `${TOPICS_URL}${topicSlug}/`;
}

export function yearUrl(year: number): string {
  return `/${year}/`;
}

export function monthUrl(year: number, month: number): string {
  return `/${year}/${String(month).padStart(2, '0')}/`;
}

/** `Tháng 6/2016`, as the paper writes a month. */
export function monthName(year: number, month: number): string {
  return `Tháng ${month}/${year}`;
}

/** One page of a listing (see `listingPages`). */
export interface ListingPage<T> {
  url: string;
  /** `k` of `…/trang/k/`; null for the listing's root. */
  pageNumber: number | null;
  /** Newest first. */
  items: readonly T[];
  /** The listing's root, which every page links to. */
  root: string;
  /** The numbered page of the next newer stories; null on the root and on the newest numbered page. */
  newer: string | null;
  /** The numbered page of the next older stories; the root's is the newest numbered page. */
  older: string | null;
}

/**
 * The numbered page holding the story `rank` places after the listing's oldest (0 for the oldest).
 * Counted from the oldest so that a new story never moves an older one to another page.
 */
export function pageNumberFromOldest(rank: number, perPage: number): number {
  return Math.floor(rank / perPage) + 1;
}

/**
 * A listing's pages: the root (newest `perPage` stories), then `trang/1/` (the oldest `perPage`),
 * `trang/2/`… up to the newest, possibly partial, page; each newest first. A new story changes
 * only the root and the newest numbered page (or adds the next one), and nothing shows a page
 * count. `trang/1/` exists even when the root shows every story, so an article's back link (its
 * month's numbered page) never moves when its month grows. A listing without stories is its root.
 */
export function listingPages<T>(root: string, newestFirst: readonly T[], perPage: number): ListingPage<T>[] {
  const count = newestFirst.length;
  const pageCount = Math.ceil(count / perPage);
  const numbered = (k: number) => (k >= 1 && k <= pageCount ? pagedUrl(root, k) : null);
  const pages: ListingPage<T>[] = [{ url: root, pageNumber: null, items: newestFirst.slice(0, perPage), root, newer: null, older: numbered(pageCount) }];
  for (let k = pageCount; k >= 1; k--) {
    const items = newestFirst.slice(Math.max(0, count - k * perPage), count - (k - 1) * perPage);
    pages.push({ url: pagedUrl(root, k), pageNumber: k, items, root, newer: numbered(k + 1), older: numbered(k - 1) });
  }
  return pages;
}

/**
 * The address and newest story of each of `listingPages`' pages, in its order, without the pages:
 * the sitemap needs only these, of the 25,000 listing pages of a 100,000-story archive.
 */
export function listingHeads<T>(root: string, newestFirst: readonly T[], perPage: number): { url: string; newest: T | undefined }[] {
  const count = newestFirst.length;
  const heads = [{ url: root, newest: newestFirst[0] }];
  for (let k = Math.ceil(count / perPage); k >= 1; k--) heads.push({ url: pagedUrl(root, k), newest: newestFirst[Math.max(0, count - k * perPage)] });
  return heads;
}
