import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { limiter } from '../src/concurrency.ts';

describe('limiter', () => {
  test('runs every task, as many at once as its limit and never more than its limit at once, each starting in the order given', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 6 }), fc.array(fc.integer({ min: 1, max: 4 }), { maxLength: 40 }), async (limit, waits) => {
        const gate = limiter(limit);
        let running = 0;
        let most = 0;
        const started: number[] = [];
        const results = await Promise.all(
          waits.map((wait, i) =>
            gate(async () => {
              started.push(i);
              most = Math.max(most, ++running);
              for (let turn = 0; turn < wait; turn++) await Promise.resolve();
              running--;
              if (wait === 4) throw new Error(`task ${i}`);
              return i;
            }).catch((error: Error) => error.message),
          ),
        );
        expect(results).toEqual(waits.map((wait, i) => (wait === 4 ? `task ${i}` : i)));
        expect(started).toEqual(waits.map((_, i) => i));
        expect(most).toBeLessThanOrEqual(limit);
        // Every task waits a turn, so the gate fills up to its limit.
        expect(most).toBe(Math.min(limit, waits.length));
      }),
    );
  });
});
