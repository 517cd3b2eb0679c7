/**
 * An update takes a story from the earlier build's reading while its file and the names beside it
 * are as they were; the names are checked a folder at a time, each story's own only when its folder changed,
 * and in a git work tree the files are not looked up in a folder git holds as the earlier build saw it.
 */
import { execFileSync } from 'node:child_process';
import { copyFile, mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCorpus, type ArticleSource, type EarlierLoad, type LoadedCorpus } from '../../src/corpus/load-corpus.ts';
import { gitBlobId } from '../../src/corpus/file-identity.ts';
import { ParseCache } from '../../src/corpus/parse-cache.ts';

const FIXTURE = path.join(import.meta.dirname, '../fixtures/articles/03-hai-anh-bai-anh.txt');

/** What a build keeps of a reading for the next one (`stateOf`), with each story's source as `source` makes it. */
function earlierOf(loaded: LoadedCorpus, source = (file: string) => loaded.sources.get(file)!): EarlierLoad {
  return {
    articles: Object.fromEntries(loaded.files.map((file) => [file.file, { source: source(file.file), loaded: file }])),
    files: loaded.knownFiles,
    folders: loaded.folders,
  };
}

describe('loadCorpus, given what an earlier build read', () => {
  it("takes a story as read before while its folder's names are unchanged, and looks at its own names when they changed", async () => {
    const content = await mkdtemp(path.join(os.tmpdir(), 'load-corpus-'));
    const folder = path.join(content, 'kinh-te');
    await mkdir(folder);
    const story = path.join(folder, 'que.txt');
    await copyFile(FIXTURE, story);
    await writeFile(path.join(folder, 'que-1.jpg'), 'photo one');
    await copyFile(FIXTURE, path.join(folder, 'khac.txt'));
    const cache = new ParseCache(path.join(content, '..', `${path.basename(content)}-cache`));
    const publication = { now: Date.parse('2026-01-01T00:00:00Z'), ledger: { stories: [] } };
    const load = (earlier: EarlierLoad) => loadCorpus(content, undefined, cache, earlier, publication);

    const first = await load({ articles: {}, files: {} });
    expect(Object.keys(first.folders)).toEqual([folder]);
    expect(first.files.find((file) => file.file === story)!.parsed!.photos).toEqual([path.join(folder, 'que-1.jpg'), null]);

    // A source no reading of these names could give: only the folder's digest can have kept the story.
    const vouched = earlierOf(first, (file) => (file === story ? { ...first.sources.get(file)!, folder: 'not these names' } : first.sources.get(file)!));
    const again = await load(vouched);
    expect(again.files.find((file) => file.file === story)).toBe(vouched.articles[story]!.loaded);

    // A second photo beside it: the folder changed, so the story's own names are looked at, and it is read again.
    await writeFile(path.join(folder, 'que-2.jpg'), 'photo two');
    const changed = await load(earlierOf(again));
    const read = changed.files.find((file) => file.file === story)!;
    expect(read).not.toBe(again.files.find((file) => file.file === story));
    expect(read.parsed!.photos).toEqual([path.join(folder, 'que-1.jpg'), path.join(folder, 'que-2.jpg')]);
    expect(changed.folders[folder]).not.toBe(again.folders[folder]);
    // The other story's names did not change: it is taken as read.
    const other = path.join(folder, 'khac.txt');
    expect(changed.files.find((file) => file.file === other)).toBe(again.files.find((file) => file.file === other));
  });
});

const git = (folder: string, ...args: string[]) => execFileSync('git', ['-C', folder, '-c', 'user.name=t', '-c', 'user.email=t@t', ...args], { encoding: 'utf8' });

describe('loadCorpus in a git work tree, given what an earlier build read', () => {
  /** A committed content folder with one story and its photo in `kinh-te/`, read once. */
  async function committed() {
    const repo = await mkdtemp(path.join(os.tmpdir(), 'load-corpus-git-'));
    const content = path.join(repo, 'content');
    const folder = path.join(content, 'kinh-te');
    await mkdir(folder, { recursive: true });
    const story = path.join(folder, 'que.txt');
    await copyFile(FIXTURE, story);
    const photo = path.join(folder, 'que-1.jpg');
    await writeFile(photo, 'photo one');
    git(repo, 'init', '-q');
    git(repo, 'add', '.');
    git(repo, 'commit', '-qm', 'content');
    const cache = new ParseCache(path.join(repo, 'cache'));
    const publication = { now: Date.parse('2026-01-01T00:00:00Z'), ledger: { stories: [] } };
    const load = (earlier: EarlierLoad) => loadCorpus(content, undefined, cache, earlier, publication);
    const first = await load({ articles: {}, files: {} });
    return { repo, folder, story, photo, load, first };
  }
  const withGit = (loaded: LoadedCorpus, source?: (file: string) => ArticleSource) => ({ ...earlierOf(loaded, source), gitFolders: loaded.gitFolders });
  const idOf = (loaded: LoadedCorpus, story: string) => loaded.files.find((file) => file.file === story)!.parsed!.photoIds[0];

  it('takes a story without looking up its file while git holds its folder as before', async () => {
    const { folder, story, load, first } = await committed();
    expect(Object.keys(first.gitFolders)).toEqual([folder]);
    // An id git cannot give: only the folder's digest can have kept the story.
    const vouched = withGit(first, (file) => ({ ...first.sources.get(file)!, id: 'not this file' }));
    expect((await load(vouched)).files.find((file) => file.file === story)).toBe(vouched.articles[story]!.loaded);
    // Without git's word for the folder, the id is looked up, and the story read again.
    const unvouched = { ...vouched, gitFolders: {} };
    expect((await load(unvouched)).files.find((file) => file.file === story)).not.toBe(vouched.articles[story]!.loaded);
  });

  it('sees a photo replaced under the same name, committed or not', async () => {
    const { repo, story, photo, load, first } = await committed();
    await writeFile(photo, 'photo one, edited');
    const edited = await load(withGit(first));
    expect(idOf(edited, story)).toBe(gitBlobId(Buffer.from('photo one, edited')));
    // A folder with a file git does not hold as it is has no digest: the next build looks again.
    expect(edited.gitFolders).toEqual({});
    git(repo, 'commit', '-qam', 'photo edited');
    const committedEdit = await load(withGit(edited));
    expect(idOf(committedEdit, story)).toBe(gitBlobId(Buffer.from('photo one, edited')));
    await writeFile(photo, 'photo one, edited twice');
    git(repo, 'commit', '-qam', 'photo edited twice');
    expect(idOf(await load(withGit(committedEdit)), story)).toBe(gitBlobId(Buffer.from('photo one, edited twice')));
  });

  it('gives no digest to a folder holding a file git does not hold, so its files are always looked at', async () => {
    const { folder, story, load, first } = await committed();
    const untracked = path.join(folder, 'que-2.jpg');
    await writeFile(untracked, 'photo two');
    const withUntracked = await load(withGit(first));
    expect(withUntracked.gitFolders).toEqual({});
    await writeFile(untracked, 'photo two, edited');
    const again = await load(withGit(withUntracked));
    expect(again.files.find((file) => file.file === story)!.parsed!.photoIds[1]).toBe(gitBlobId(Buffer.from('photo two, edited')));
  });
});
