import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { joinBelow } from '../../src/corpus/join-below.ts';

const part = fc.constantFrom('content', 'thoi-su', 'bai.txt', 'a b', 'đời-sống', '.git', '..x', 'x..', '.');
const folder = fc.tuple(fc.constantFrom('', '/', './', '../', '//'), fc.array(fc.constantFrom('content', 'thoi-su', '.', '..', '', 'đời sống'), { maxLength: 4 }), fc.boolean());
// Plain relative names: no empty, `.` or `..` part, as readdir and git give them.
const name = fc.array(part.filter((p) => p !== '.'), { minLength: 1, maxLength: 3 }).map((parts) => parts.join('/'));

describe('joinBelow', () => {
  test('is path.join for any spelling of the folder and any plain relative name', () => {
    fc.assert(
      fc.property(folder, name, ([start, parts, slash], below) => {
        const dir = `${start}${parts.join('/')}${slash ? '/' : ''}`;
        expect(joinBelow(dir)(below)).toBe(path.join(dir, below));
      }),
      { numRuns: 3000 },
    );
  });
});
