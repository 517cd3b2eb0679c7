import { DateTime } from 'luxon';
import { VIETNAM_ZONE } from '../parser/vietnam-time.ts';

/**
 * Dates and text as a Vietnamese reader expects them. Weekday names are spelled out here rather
 * than taken from ICU, whose capitalisation differs between Node builds (output must not change).
 */
const WEEKDAYS = ['Thứ Hai', 'Thứ Ba', 'Thứ Tư', 'Thứ Năm', 'Thứ Sáu', 'Thứ Bảy', 'Chủ Nhật'] as const;

/** An article date (ISO 8601) as a moment in Vietnam time. */
function articleDateTime(iso: string): DateTime {
  const date = DateTime.fromISO(iso, { setZone: true }).setZone(VIETNAM_ZONE);
  if (!date.isValid) throw new Error(`Ngày không hợp lệ: ${iso}`);
  return date;
}

/** An ISO 8601 date and time with seconds optional and an offset or `Z`: what the parser writes, and what `Date.parse` reads exactly. */
const PLAIN_ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2})$/;
const HOUR_MS = 3_600_000;
/** The parser's own form, a date already in Vietnam time: its digits are its fields. */
const VIETNAM_ISO = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?\+07:00$/;

interface VietnamFields {
  year: string;
  month: string;
  day: string;
  hour: string;
  minute: string;
  second: string;
}

const two = (n: number) => String(n).padStart(2, '0');

/**
 * The fields of an article date in Vietnam time (UTC+7 all year since 1975). Listings format tens
 * of thousands of dates, and Luxon took a fifth of a big build doing it; plain arithmetic on the
 * UTC instant gives the same digits, and a date the parser wrote (`+07:00`) has them already:
 * an update of 100,000 stories reads each one's date for its address. Other ISO forms go through Luxon.
 */
function vietnamFields(iso: string): VietnamFields {
  const own = ownFields(iso);
  if (own) return own;
  const instant = PLAIN_ISO.test(iso) ? Date.parse(iso) : Number.NaN;
  if (!Number.isNaN(instant)) {
    const d = new Date(instant + 7 * HOUR_MS);
    return {
      year: String(d.getUTCFullYear()).padStart(4, '0'),
      month: two(d.getUTCMonth() + 1),
      day: two(d.getUTCDate()),
      hour: two(d.getUTCHours()),
      minute: two(d.getUTCMinutes()),
      second: two(d.getUTCSeconds()),
    };
  }
  const [year, month, day, hour, minute, second] = articleDateTime(iso).toFormat('yyyy MM dd HH mm ss').split(' ') as [string, string, string, string, string, string];
  return { year, month, day, hour, minute, second };
}

/** The fields of a date the parser wrote, when they name a real moment (`Date.parse` rolls 30 February over to March). */
function ownFields(iso: string): VietnamFields | null {
  const own = VIETNAM_ISO.exec(iso);
  if (!own) return null;
  const [, year = '', month = '', day = '', hour = '', minute = '', second = '00'] = own;
  const real =
    year >= '0100' && month >= '01' && month <= '12' && day >= '01' && (day <= '28' || Number(day) <= daysIn(Number(year), Number(month))) && hour < '24' && minute < '60' && second < '60';
  return real ? { year, month, day, hour, minute, second } : null;
}

function daysIn(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** The day of the week of an article date in Vietnam time: 1 = Monday … 7 = Sunday. */
function vietnamWeekday(iso: string): number {
  const instant = PLAIN_ISO.test(iso) ? Date.parse(iso) : Number.NaN;
  if (Number.isNaN(instant)) return articleDateTime(iso).weekday;
  return ((new Date(instant + 7 * HOUR_MS).getUTCDay() + 6) % 7) + 1;
}

/** `Thứ Bảy, 11/06/2016, 07:38 (GMT+7)`: the article page's dateline. */
export function vietnameseDateTime(iso: string): string {
  const f = vietnamFields(iso);
  return `${WEEKDAYS[vietnamWeekday(iso) - 1]}, ${f.day}/${f.month}/${f.year}, ${f.hour}:${f.minute} (GMT+7)`;
}

/** `11/06/2016 07:38`: the short date of a listing entry. */
export function vietnameseShortDate(iso: string): string {
  const f = vietnamFields(iso);
  return `${f.day}/${f.month}/${f.year} ${f.hour}:${f.minute}`;
}

/** `2016-06-11`: the article's calendar day in Vietnam, whatever offset its date was written with. */
export function vietnamDay(iso: string): string {
  const f = vietnamFields(iso);
  return `${f.year}-${f.month}-${f.day}`;
}

/** `2016-06-11T07:38:00+07:00`: for `datetime` attributes, feeds, sitemaps and JSON-LD. */
export function isoDateTime(iso: string): string {
  const f = vietnamFields(iso);
  return `${f.year}-${f.month}-${f.day}T${f.hour}:${f.minute}:${f.second}+07:00`;
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
