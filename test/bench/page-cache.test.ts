import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readTree } from '../../bench/page-cache.ts';

describe('readTree', () => {
  it('reads every regular file below a folder, but not git objects, outputs, the parse cache or symlinks', () => {
    const root = mkdtempSync(join(os.tmpdir(), 'page-cache-'));
    const write = (path: string, bytes: number) => {
      mkdirSync(join(root, path, '..'), { recursive: true });
      writeFileSync(join(root, path), 'x'.repeat(bytes));
    };
    write('package.json', 10);
    write('node_modules/a/index.js', 100);
    write('node_modules/a/lib/deep/b.js', 1000);
    write('.git/objects/ab/cdef', 7);
    write('.cache/articles/00/entry.jsonl', 70);
    write('bench/.work/1000-articles/site/index.html', 700);
    write('plain/_site/index.html', 7000);
    symlinkSync(join(root, 'node_modules/a/lib/deep/b.js'), join(root, 'link.js'));

    expect(readTree(root)).toBe(1110);
    expect(readTree(join(root, 'bench/.work/1000-articles/site'))).toBe(700);
    expect(readTree(join(root, 'missing'))).toBe(0);
  });
});
