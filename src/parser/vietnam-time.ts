import { DateTime, FixedOffsetZone } from 'luxon';

/**
 * Every date in the paper is Vietnam time (Asia/Ho_Chi_Minh), which has been UTC+7 without daylight
 * saving since 1975. A fixed zone gives the same instants and offsets for the whole archive and spares
 * luxon an IANA offset look-up for every date, a fifth of a large build's time when measured.
 */
export const VIETNAM_ZONE = FixedOffsetZone.instance(7 * 60);

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
