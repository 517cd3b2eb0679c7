import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { contentPathsIn } from '../../src/corpus/content-path.ts';

const contentPath = (file: string, contentDir: string) => contentPathsIn(contentDir)(file);

/** The path as `path.relative` gives it, with `/` between parts: what `contentPath` must equal. */
function reference(file: string, contentDir: string): string {
  return path.relative(path.resolve(contentDir), path.resolve(file)).split(path.sep).join('/');
}

const part = fc.constantFrom('content', 'thoi-su', 'bai.txt', '.', '..', 'a b', 'đời-sống', 'content2', '');
const folder = fc.array(part, { minLength: 0, maxLength: 4 }).map((parts) => parts.join('/'));

describe('contentPathsIn', () => {
  test('is path.relative with / between parts, for content folders given in any form and files listed below them or elsewhere', () => {
    fc.assert(
      fc.property(fc.constantFrom('', '/', './', '../'), folder, folder, fc.boolean(), (start, dir, rest, listed) => {
        const contentDir = `${start}${dir}` || '.';
        // Listed files are the content folder joined with names, as `listArticleFiles` makes them.
        const file = listed ? path.join(contentDir, rest || 'bai.txt') : `${start}${rest}` || 'bai.txt';
        expect(contentPath(file, contentDir)).toBe(reference(file, contentDir));
      }),
      { numRuns: 2000 },
    );
  });

  test('a story listed below the content folder is its section folder and name', () => {
    expect(contentPath('content/thoi-su/bai.txt', 'content')).toBe('thoi-su/bai.txt');
    expect(contentPath('/srv/bao/content/bai.txt', '/srv/bao/content/')).toBe('bai.txt');
    expect(contentPath('content2/bai.txt', 'content')).toBe('../content2/bai.txt');
  });
});
