/**
 * Addresses and names of the archive. Article addresses are `/YYYY/MM/slug/`, so a month's listing is
 * the month folder itself (`/2016/06/`) and its further pages sit at `/2016/06/trang/2/`: a slug never
 * holds a `/`, so no listing file can be an article's file. A year's listing is `/2016/`.
 */

/** Listing page `n` (1-based) under a listing's first address: `/thoi-su/`, `/thoi-su/trang/2/`… */
export function pagedUrl(base: string, pageNumber: number): string {
  return pageNumber <= 1 ? base : `${base}trang/${pageNumber}/`;
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
