/**
 * Which search index ("tier") each article page goes to. Pagefind cannot add a page to an index
 * without rewriting it whole, and a reader's first query should fetch a bounded, recent part of the
 * archive; so the tiers follow the calendar, counted from the newest story of the archive
 * (docs/incremental-build.md, section 4): that story's day, the rest of its month, the rest of its
 * year, then one index per earlier year. A tier depends on the set of articles alone, so a full
 * build and an incremental one agree, and a new story usually changes only `ngay`.
 */
import type { Corpus } from '../corpus/corpus.ts';
import { vietnamDay } from '../markup/filters.ts';
import { byCodeUnits } from '../by-code-units.ts';

/** An article page to index. */
export interface SearchPage {
  /** The page's HTML, relative to the site folder with forward slashes: `2016/06/slug/index.html`. */
  file: string;
  /** The article's date, ISO 8601 with its offset (`2016-06-11T07:38:00+07:00`). */
  date: string;
}

/**
 * One search index: its folder name under `pagefind/`, the calendar year its stories are of, the month
 * for the two tiers within the newest story's month (null for the others), and its pages, in path order.
 */
export interface SearchTier {
  name: string;
  year: number;
  month: number | null;
  files: string[];
}

/** The tiers that hold the newest story's calendar year, newest first (the search page searches the first two together, then the third). */
const RECENT_TIERS = ['ngay', 'thang', 'nam'] as const;

/** The tier of a story of `day`, when the archive's newest story is of `newestDay` (both `yyyy-MM-dd`). */
function tierOf(day: string, newestDay: string): string {
  if (day === newestDay) return 'ngay';
  if (day.slice(0, 7) === newestDay.slice(0, 7)) return 'thang';
  if (day.slice(0, 4) === newestDay.slice(0, 4)) return 'nam';
  return day.slice(0, 4);
}

/** Recent tiers first, in their fixed order, then years, newest first. */
function tierOrder(a: string, b: string): number {
  const rank = (name: string) => (RECENT_TIERS as readonly string[]).indexOf(name);
  const [ra, rb] = [rank(a), rank(b)];
  if (ra >= 0 || rb >= 0) return (ra < 0 ? Infinity : ra) - (rb < 0 ? Infinity : rb);
  return a < b ? 1 : a > b ? -1 : 0;
}


/** Every page in exactly one tier; no empty tier; tiers newest first, pages in path order, whatever the input's order. */
export function searchTiers(pages: readonly SearchPage[]): SearchTier[] {
  const days = pages.map((page) => vietnamDay(page.date));
  const newestDay = days.reduce((newest, day) => (day > newest ? day : newest), '');
  const tiers = new Map<string, SearchTier>();
  pages.forEach((page, i) => {
    const day = days[i]!;
    const name = tierOf(day, newestDay);
    const withinMonth = name === 'ngay' || name === 'thang';
    const tier = tiers.get(name) ?? { name, year: Number(day.slice(0, 4)), month: withinMonth ? Number(day.slice(5, 7)) : null, files: [] };
    tier.files.push(page.file);
    tiers.set(name, tier);
  });
  return [...tiers.keys()].sort(tierOrder).map((name) => {
    const tier = tiers.get(name)!;
    return { ...tier, files: tier.files.sort(byCodeUnits) };
  });
}

/** The article pages of a whole corpus, to be indexed: `/2016/06/slug/` is the page `2016/06/slug/index.html`. */
export function searchPagesOf(corpus: Corpus): SearchPage[] {
  return corpus.entries.map((entry) => ({ file: `${entry.url.replace(/^\/+/, '')}index.html`, date: entry.article.date }));
}
