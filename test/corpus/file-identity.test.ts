import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FileIdentities, gitBlobId } from '../../src/corpus/file-identity.ts';

const temporaryFolder = (prefix: string) => mkdtemp(path.join(os.tmpdir(), prefix));

const git = (folder: string, ...args: string[]) => execFileSync('git', ['-C', folder, ...args], { encoding: 'utf8' }).trim();

describe('file identities', () => {
  it('names bytes as git hash-object does', async () => {
    const folder = await temporaryFolder('identity-');
    const file = path.join(folder, 'ảnh-1.jpg');
    await writeFile(file, Buffer.from([0xff, 0xd8, 0, 1, 2, 0xff, 0xd9]));
    expect(gitBlobId(Buffer.from([0xff, 0xd8, 0, 1, 2, 0xff, 0xd9]))).toBe(git(folder, 'hash-object', file));
  });

  it('takes committed files from git and hashes changed, untracked and unreadable ones', async () => {
    const repo = await temporaryFolder('identity-repo-');
    git(repo, 'init', '-q');
    const content = path.join(repo, 'content', 'thời-sự');
    await mkdir(content, { recursive: true });
    const committed = path.join(content, 'bai-1.jpg');
    const edited = path.join(content, 'bai-2.jpg');
    const untracked = path.join(content, 'bai-3.jpg');
    await writeFile(committed, 'one');
    await writeFile(edited, 'two');
    git(repo, 'add', '.');
    git(repo, '-c', 'user.name=t', '-c', 'user.email=t@t', 'commit', '-qm', 'photos');
    await writeFile(edited, 'two, edited');
    await writeFile(untracked, 'three');
    const fromIndex = git(repo, 'rev-parse', `HEAD:content/thời-sự/bai-1.jpg`);

    const identities = new FileIdentities(path.join(repo, 'content'));
    const ids = await identities.of([committed, edited, untracked, path.join(content, 'gone.jpg')]);
    expect(ids).toEqual([fromIndex, gitBlobId(Buffer.from('two, edited')), gitBlobId(Buffer.from('three')), null]);
    // What git gave is not recorded (git gives it again), so two builds of one work tree record the same.
    expect(Object.keys(identities.seen()).sort()).toEqual([edited, untracked].sort());
    expect(identities.seen()[edited]!.id).toBe(gitBlobId(Buffer.from('two, edited')));
  });

  it("knows a committed file's id at once from git, and an uncommitted one's only while its stat is the earlier build's", async () => {
    const repo = await temporaryFolder('identity-known-');
    git(repo, 'init', '-q');
    const [committed, untracked] = ['bai-1.jpg', 'bai-2.jpg'].map((name) => path.join(repo, name)) as [string, string];
    await writeFile(committed, 'one');
    git(repo, 'add', '.');
    git(repo, '-c', 'user.name=t', '-c', 'user.email=t@t', 'commit', '-qm', 'photo');
    await writeFile(untracked, 'two');
    const first = new FileIdentities(repo);
    await first.of([committed, untracked]);
    const identities = new FileIdentities(repo, first.seen());
    expect(identities.knownId(untracked)).toBe(gitBlobId(Buffer.from('two')));
    // Before git has answered, a committed file is known only by the stat it never had recorded.
    expect(identities.knownId(committed)).toBeUndefined();
    await identities.ready();
    expect(identities.knownId(committed)).toBe(git(repo, 'rev-parse', 'HEAD:bai-1.jpg'));
    await writeFile(untracked, 'two, edited');
    expect(identities.knownId(untracked)).toBeUndefined();
    expect(identities.seen()).toEqual({ [untracked]: first.seen()[untracked] });
  });

  it('hashes every file outside a git work tree', async () => {
    const folder = await temporaryFolder('identity-plain-');
    const file = path.join(folder, 'a.jpg');
    await writeFile(file, 'bytes');
    expect(await new FileIdentities(folder).of([file])).toEqual([gitBlobId(Buffer.from('bytes'))]);
  });

  it('trusts the id an earlier build saw while the file keeps its stat, and reads a file whose stat changed', async () => {
    const folder = await temporaryFolder('identity-earlier-');
    const kept = path.join(folder, 'a.jpg');
    const edited = path.join(folder, 'b.jpg');
    await writeFile(kept, 'a');
    await writeFile(edited, 'b');
    const first = new FileIdentities(folder);
    await first.of([kept, edited]);
    const seen = first.seen();
    // In the order the files were read, which is not fixed: the state sorts them.
    expect(Object.keys(seen).sort()).toEqual([kept, edited].sort());
    // An id no reading could give: only the earlier build's word can have said it.
    const earlier = { ...seen, [kept]: { ...seen[kept]!, id: 'from-the-earlier-build' } };
    await writeFile(edited, 'b, edited');
    expect(await new FileIdentities(folder, earlier).of([kept, edited])).toEqual(['from-the-earlier-build', gitBlobId(Buffer.from('b, edited'))]);
  });
});
