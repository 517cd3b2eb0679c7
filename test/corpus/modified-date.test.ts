/**
 * A story's last change for readers (sitemap lastmod, JSON-LD dateModified): the newest of its
 * date, its `updated` and its corrections' dates, as each is written; one that is no date never wins.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { modifiedDate } from '../../src/corpus/lifecycle.ts';

const two = (n: number) => String(n).padStart(2, '0');
const date = fc.oneof(
  fc.record({ day: fc.integer({ min: 1, max: 28 }), hour: fc.integer({ min: 0, max: 23 }), offset: fc.constantFrom('+07:00', 'Z', '+00:00', '-05:00') }).map(({ day, hour, offset }) => `2024-03-${two(day)}T${two(hour)}:00:00${offset}`),
  fc.constantFrom('không phải ngày', ''),
);

describe('modifiedDate', () => {
  it('is the first written of the dates that parse to the latest instant, the publication date when none is later', () => {
    fc.assert(
      fc.property(date, fc.option(date, { nil: undefined }), fc.array(date, { maxLength: 4 }), (published, updated, corrected) => {
        const article = { date: published, updated, corrections: corrected.length > 0 ? corrected.map((at) => ({ date: at, text: 'Sửa.' })) : undefined };
        let expected = published;
        for (const candidate of [updated, ...corrected]) if (candidate !== undefined && Date.parse(candidate) > Date.parse(expected)) expected = candidate;
        expect(modifiedDate(article)).toBe(expected);
      }),
      { numRuns: 2000 },
    );
  });
});
