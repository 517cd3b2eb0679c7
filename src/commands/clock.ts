import { DateTime } from 'luxon';
import { VIETNAM_ZONE } from '../parser/vietnam-time.ts';
import { UsageError } from './command.ts';

/** `--now`'s time in ms since the epoch: ISO 8601, in Vietnam time when it names no zone. */
export function clockOption(value: string): number {
  const time = DateTime.fromISO(value, { zone: VIETNAM_ZONE });
  if (!time.isValid) throw new UsageError(`--now: "${value}" không phải thời điểm ISO 8601, như 2016-06-12T09:00+07:00 (not an ISO 8601 time)`);
  return time.toMillis();
}
