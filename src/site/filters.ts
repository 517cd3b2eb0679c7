import { DateTime } from 'luxon';
import { VIETNAM_ZONE } from '../parser/vietnam-time.ts';

/**
 * Dates and text as a Vietnamese reader expects them. Weekday names are spelled out here rather
 * than taken from ICU, whose capitalisation differs between Node builds (output must not change).
 */
const WEEKDAYS = ['Thứ Hai', 'Thứ Ba', 'Thứ Tư', 'Thứ Năm', 'Thứ Sáu', 'Thứ Bảy', 'Chủ Nhật'] as const;

/** An article date (ISO 8601) as a moment in Vietnam time. */
export function vietnamTime(iso: string): DateTime {
  const date = DateTime.fromISO(iso, { setZone: true }).setZone(VIETNAM_ZONE);
  if (!date.isValid) throw new Error(`Ngày không hợp lệ: ${iso}`);
  return date;
}

/** `Thứ Bảy, 11/06/2016, 07:38 (GMT+7)`: the article page's dateline. */
export function vietnameseDateTime(iso: string): string {
  const date = vietnamTime(iso);
  return `${WEEKDAYS[date.weekday - 1]}, ${date.toFormat('dd/MM/yyyy, HH:mm')} (GMT+7)`;
}

/** `11/06/2016 07:38`: the short date of a listing entry. */
export function vietnameseShortDate(iso: string): string {
  return vietnamTime(iso).toFormat('dd/MM/yyyy HH:mm');
}

/** `2016-06-11T07:38:00+07:00`: for `datetime` attributes, feeds, sitemaps and JSON-LD. */
export function isoDateTime(iso: string): string {
  return vietnamTime(iso).toFormat("yyyy-MM-dd'T'HH:mm:ssZZ");
}

/**
 * Shortens `text` to at most `max` characters, cutting at a word boundary and ending with `…`.
 * Trailing punctuation before the cut is dropped so the result never reads `word,…`.
 */
export function excerpt(text: string, max: number): string {
  const clean = text.replace(/\s+/g, ' ').trim();
  const chars = Array.from(clean);
  if (chars.length <= max) return clean;
  const head = chars.slice(0, max).join('');
  const atBoundary = chars[max] === ' ';
  const lastSpace = head.lastIndexOf(' ');
  const cut = atBoundary || lastSpace <= 0 ? head : head.slice(0, lastSpace);
  return `${cut.replace(/[\s,.;:!?…–—-]+$/u, '')}…`;
}
