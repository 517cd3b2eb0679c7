/**
 * An update takes a story from the earlier build's reading while its file and the names beside it
 * are as they were; the names are checked a folder at a time, each story's own only when its folder changed.
 */
import { copyFile, mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCorpus, type EarlierLoad, type LoadedCorpus } from '../../src/corpus/load-corpus.ts';
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
