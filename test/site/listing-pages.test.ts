import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { listingHeads, listingPages, pageNumberFromOldest, type ListingPage } from '../../src/corpus/archive.ts';

const PER_PAGE = 20;

/** Stories 0 (oldest) … n−1 (newest), newest first as listings hold them. */
function stories(n: number): number[] {
  return Array.from({ length: n }, (_, i) => n - 1 - i);
}

/** Each page's URL → what it shows: its stories and where it links. What decides whether its file changes. */
function pageMap(pages: readonly ListingPage<number>[]): Map<string, string> {
  return new Map(pages.map(({ url, items, root, newer, older }) => [url, JSON.stringify({ items, root, newer, older })]));
}

function differences(before: Map<string, string>, after: Map<string, string>): { changed: string[]; created: string[]; removed: string[] } {
  return {
    changed: [...after.keys()].filter((url) => before.has(url) && before.get(url) !== after.get(url)).sort(),
    created: [...after.keys()].filter((url) => !before.has(url)).sort(),
    removed: [...before.keys()].filter((url) => !after.has(url)).sort(),
  };
}

/** The stories reached from the root by following `older` and then `newer` links. */
function reachable(pages: readonly ListingPage<number>[]): { urls: Set<string>; stories: Set<number> } {
  const byUrl = new Map(pages.map((page) => [page.url, page]));
  const urls = new Set<string>();
  const queue = [pages[0]!.url];
  while (queue.length > 0) {
    const page = byUrl.get(queue.pop()!)!;
    if (urls.has(page.url)) continue;
    urls.add(page.url);
    for (const next of [page.older, page.newer, page.root]) if (next) queue.push(next);
  }
  return { urls, stories: new Set([...urls].flatMap((url) => byUrl.get(url)!.items)) };
}

describe('listings counted from the oldest story', () => {
  test('45 stories: the root shows the newest 20; trang/1 the oldest 20, trang/3 the newest 5, each newest first', () => {
    const pages = listingPages('/thoi-su/', stories(45), PER_PAGE);
    expect(pages.map(({ url, items, newer, older }) => [url, items[0], items.at(-1), items.length, newer, older])).toEqual([
      ['/thoi-su/', 44, 25, 20, null, '/thoi-su/trang/3/'],
      ['/thoi-su/trang/3/', 44, 40, 5, null, '/thoi-su/trang/2/'],
      ['/thoi-su/trang/2/', 39, 20, 20, '/thoi-su/trang/3/', '/thoi-su/trang/1/'],
      ['/thoi-su/trang/1/', 19, 0, 20, '/thoi-su/trang/2/', null],
    ]);
    expect(pages.every((page) => page.root === '/thoi-su/')).toBe(true);
  });

  test('a listing with fewer stories than a page still has trang/1, so its stories keep their page as it grows', () => {
    expect(listingPages('/', stories(3), PER_PAGE).map(({ url, items }) => [url, items])).toEqual([
      ['/', [2, 1, 0]],
      ['/trang/1/', [2, 1, 0]],
    ]);
  });

  test('an empty listing is its root alone, linking nowhere', () => {
    expect(listingPages('/', [], PER_PAGE)).toEqual([{ url: '/', pageNumber: null, items: [], root: '/', newer: null, older: null }]);
  });

  test('the numbered page of a story is the one that shows it', () => {
    const pages = listingPages('/', stories(61), PER_PAGE);
    for (let rank = 0; rank < 61; rank++) {
      expect(pages.find((page) => page.pageNumber === pageNumberFromOldest(rank, PER_PAGE))?.items).toContain(rank);
    }
  });

  test('every story is on exactly one numbered page, no page is empty, no two pages share a URL, all reachable from the root', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 200 }), fc.integer({ min: 1, max: 30 }), (n, perPage) => {
        const pages = listingPages('/x/', stories(n), perPage);
        const numbered = pages.filter((page) => page.pageNumber !== null);
        expect(numbered.flatMap((page) => page.items).sort((a, b) => a - b)).toEqual(stories(n).reverse());
        expect(pages.every((page) => page.items.length > 0)).toBe(true);
        expect(new Set(pages.map((page) => page.url)).size).toBe(pages.length);
        expect(pages[0]!.items).toEqual(stories(n).slice(0, perPage));
        for (const page of pages) expect([...page.items].sort((a, b) => b - a)).toEqual(page.items);
        const { urls, stories: seen } = reachable(pages);
        expect(urls.size).toBe(pages.length);
        expect(seen.size).toBe(n);
      }),
    );
  });

  test('a new newest story changes the root and the newest numbered page, and adds the next one when that page was full', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 300 }), (n) => {
        const before = pageMap(listingPages('/', stories(n), PER_PAGE));
        const after = pageMap(listingPages('/', stories(n + 1), PER_PAGE));
        const newestPage = Math.ceil(n / PER_PAGE);
        const { changed, created, removed } = differences(before, after);
        expect(changed).toEqual(['/', ...(n > 0 ? [`/trang/${newestPage}/`] : [])].sort());
        expect(created).toEqual(n % PER_PAGE === 0 ? [`/trang/${newestPage + 1}/`] : []);
        expect(removed).toEqual([]);
      }),
    );
  });

  test('a back-dated story changes its own numbered page and the newer ones, and the root only when it shows it', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 300 }).chain((n) => fc.tuple(fc.constant(n), fc.integer({ min: 0, max: n }))),
        ([n, rank]) => {
          // The new story goes `rank` places after the oldest: the old stories from there on move up one.
          const withInserted = [...stories(n), rank - 0.5].sort((a, b) => b - a);
          const before = pageMap(listingPages('/', stories(n), PER_PAGE));
          const after = pageMap(listingPages('/', withInserted, PER_PAGE));
          const newestPage = Math.ceil(n / PER_PAGE);
          // Its own page and every newer one shift by a story; the newest also gains a link when the next is created.
          const firstMoved = Math.min(pageNumberFromOldest(rank, PER_PAGE), newestPage);
          const moved = Array.from({ length: newestPage - firstMoved + 1 }, (_, i) => `/trang/${newestPage - i}/`);
          const rootChanged = rank > n - PER_PAGE || n % PER_PAGE === 0;
          const { changed, removed } = differences(before, after);
          expect(changed).toEqual([...(rootChanged ? ['/'] : []), ...moved].sort());
          expect(removed).toEqual([]);
        },
      ),
      { examples: [[[20, 20]], [[40, 0]], [[41, 21]], [[1, 0]]] },
    );
  });
});

describe('listingHeads', () => {
  test("gives each of listingPages' pages its address and newest story, in the same order", () => {
    fc.assert(
      fc.property(fc.nat({ max: 130 }), fc.integer({ min: 1, max: 25 }), (n, perPage) => {
        const list = stories(n);
        const pages = listingPages('/thoi-su/', list, perPage);
        expect(listingHeads('/thoi-su/', list, perPage)).toEqual(pages.map((page) => ({ url: page.url, newest: page.items[0] })));
      }),
    );
  });
});
