/**
 * What git holds below a content folder, read from one `git ls-files` answer: each file's id, found
 * in the run of lines of its folder, and each folder's digest, which changes with any file git holds
 * below it and with no file elsewhere.
 */
import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { trackedFiles } from '../../src/corpus/tracked-files.ts';

const git = (folder: string, ...args: string[]) => execFileSync('git', ['-C', folder, '-c', 'user.name=t', '-c', 'user.email=t@t', ...args], { encoding: 'utf8' }).trim();

/** Folders whose names sort around each other: `a-b` before `a/`, `a.txt` between, a Vietnamese name after all. */
const FILES = ['a/1.txt', 'a/b/2.jpg', 'a-b/3.txt', 'a.txt', 'ab/4.txt', 'thời-sự/5.txt', 'thời-sự/ảnh 6.jpg', 'z.txt'];

async function workTree(): Promise<{ repo: string; content: string }> {
  const repo = await mkdtemp(path.join(os.tmpdir(), 'tracked-files-'));
  const content = path.join(repo, 'noi-dung');
  for (const file of FILES) {
    await mkdir(path.dirname(path.join(content, file)), { recursive: true });
    await writeFile(path.join(content, file), `bytes of ${file}`);
  }
  git(repo, 'init', '-q');
  git(repo, 'add', '.');
  git(repo, 'commit', '-qm', 'content');
  return { repo, content };
}

describe('TrackedFiles', () => {
  it("gives every committed file git's id, and none to a file git does not hold as it is", async () => {
    const { repo, content } = await workTree();
    await writeFile(path.join(content, 'a/1.txt'), 'edited');
    await writeFile(path.join(content, 'a/new.txt'), 'new');
    const tracked = await trackedFiles(content);
    for (const file of FILES.filter((name) => name !== 'a/1.txt')) expect(tracked.id(path.join(content, file)), file).toBe(git(repo, 'rev-parse', `HEAD:noi-dung/${file}`));
    expect(tracked.id(path.join(content, 'a/1.txt'))).toBeUndefined();
    expect(tracked.id(path.join(content, 'a/new.txt'))).toBeUndefined();
    expect(tracked.id(path.join(repo, 'elsewhere.txt'))).toBeUndefined();
  });

  it("changes a folder's digest with a file committed below it and no other, and gives none while a file below it is edited", async () => {
    const { repo, content } = await workTree();
    const digests = async () => {
      const tracked = await trackedFiles(content);
      return Object.fromEntries(['', 'a', 'a/b', 'a-b', 'ab', 'thời-sự'].map((folder) => [folder, tracked.folderDigest(path.join(content, folder))]));
    };
    const before = await digests();
    expect(Object.values(before).every((digest) => typeof digest === 'string')).toBe(true);
    expect(new Set(Object.values(before)).size).toBe(6);

    await writeFile(path.join(content, 'a/b/2.jpg'), 'replaced');
    const editing = await digests();
    expect(editing).toEqual({ ...before, '': null, a: null, 'a/b': null });

    git(repo, 'commit', '-qam', 'photo replaced');
    const after = await digests();
    for (const folder of ['', 'a', 'a/b']) expect(after[folder]).not.toBe(before[folder]);
    for (const folder of ['a-b', 'ab', 'thời-sự']) expect(after[folder]).toBe(before[folder]);
  });

  it('says whether it holds every name of a folder, a folder holding files counting as held', async () => {
    const { content } = await workTree();
    const tracked = await trackedFiles(content);
    expect(tracked.holdsAll(path.join(content, 'a'), ['1.txt', 'b'])).toBe(true);
    expect(tracked.holdsAll(path.join(content, 'thời-sự'), ['5.txt', 'ảnh 6.jpg'])).toBe(true);
    expect(tracked.holdsAll(path.join(content, 'a'), ['1.txt', 'b', 'chua-them.jpg'])).toBe(false);
  });

  it('holds nothing outside a git work tree', async () => {
    const { repo, content } = await workTree();
    await rm(path.join(repo, '.git'), { recursive: true });
    const tracked = await trackedFiles(content);
    expect(tracked.id(path.join(content, 'a/1.txt'))).toBeUndefined();
    expect(tracked.folderDigest(path.join(content, 'a'))).toBeNull();
  });
});
