import { DateTime } from 'luxon';

/** Every date in the paper is Vietnam time. */
export const VIETNAM_ZONE = 'Asia/Ho_Chi_Minh';

export interface LocalDateTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
}

/** The instant for a wall-clock time in Vietnam, or null when no such date or time exists (31/02, 25:00). */
export function vietnamTime({ year, month, day, hour, minute }: LocalDateTime): DateTime | null {
  const parts = { year, month, day, hour, minute };
  const date = DateTime.fromObject(parts, { zone: VIETNAM_ZONE });
  if (!date.isValid) return null;
  // luxon rolls some impossible values over instead of failing; read the fields back to be sure.
  const same =
    date.year === parts.year && date.month === parts.month && date.day === parts.day && date.hour === parts.hour && date.minute === parts.minute;
  return same ? date : null;
}

/** `2016-06-11T07:38:00+07:00`. */
export function isoVietnam(date: DateTime): string {
  return date.setZone(VIETNAM_ZONE).toISO({ suppressMilliseconds: true }) ?? '';
}
