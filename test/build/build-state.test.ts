/**
 * The build's state is kept in parts so that an update rewrites only what changed; it must still
 * read back whole, name its parts as a full build would, and never be trusted when a part is damaged.
 */
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readBuildState, rememberStories, serializeBuildState, writeBuildState, type BuildState } from '../../src/build/build-state.ts';
import { ArticleEntry, Corpus } from '../../src/corpus/corpus.ts';
import { Digests } from '../../src/render/page-inputs.ts';

const CONTENT = '/content';

const article = (file: string, title: string) => ({
  source: { id: `id of ${title}`, folder: 'names' },
  loaded: { file, parsed: null, issues: [{ severity: 'warning', code: 'X', line: 1, message: title }] },
});

function stateOf(articles: number, format: string): BuildState {
  const state = { format, code: 'code', settings: 'settings', articles: {}, files: {}, folders: { '/content/thoi-su': 'names of thoi-su', '/content': 'names at the top' }, gitFolders: { '/content/thoi-su': 'git of thoi-su' }, pages: {}, search: { ngay: 'x' } } as unknown as BuildState;
  for (let i = 0; i < articles; i++) {
    const file = `/content/thoi-su/${String(i).padStart(3, '0')}-tin.txt`;
    const url = `/2024/01/tin-${i}/`;
    // Every other one a public story, whose digest the state keeps; some of them first published at another address.
    const story = i % 4 === 0 ? { url, id: `/2023/12/tin-${i}/`, digest: `digest of tin ${i}` } : { url, digest: `digest of tin ${i}` };
    state.articles[file] = (i % 2 === 0 ? { ...article(file, `Tin ${i}`), story } : article(file, `Tin ${i}`)) as never;
    state.files[file] = { stat: `${i} 1 2`, id: `id of Tin ${i}` };
    state.pages[`2024/01/tin-${i}/index.html`] = `digest ${i}`;
  }
  return state;
}

async function folderWith(state: BuildState, earlier?: Parameters<typeof serializeBuildState>[2]) {
  const out = await mkdtemp(path.join(os.tmpdir(), 'toa-soan-state-'));
  await writeBuildState(out, serializeBuildState(state, CONTENT, earlier));
  return out;
}

describe('the build state in parts', () => {
  it('reads back what was written, and an update writes only the parts that changed, named as a full build names them', async () => {
    const written = stateOf(300, 'toa-soan-build-state-7');
    const out = await folderWith(written);
    const read = await readBuildState(out, CONTENT, 'code', 'settings');
    expect(read).not.toBeNull();
    expect({ ...read!, parts: undefined, partPaths: undefined }).toEqual({ ...written, parts: undefined, partPaths: undefined });
    expect(await readBuildState(out, CONTENT, 'other code', 'settings')).toBeNull();

    const file = '/content/thoi-su/007-tin.txt';
    const updated = { ...read!, articles: { ...read!.articles, [file]: article(file, 'Tin 7, sửa') as never } };
    const files = serializeBuildState(updated, CONTENT, read!);
    expect(files.parts).toHaveLength(1);
    await writeBuildState(out, files);
    expect(files.index.equals(serializeBuildState(updated, CONTENT).index)).toBe(true);
    expect((await readdir(path.join(out, '.toa-soan'))).length).toBe(65);
    expect((await readBuildState(out, CONTENT, 'code', 'settings'))!.articles[file]).toEqual(article(file, 'Tin 7, sửa'));
  });

  it('an update makes exactly the parts a full build of the same state makes anew, for any edits', async () => {
    const out = await folderWith(stateOf(120, 'toa-soan-build-state-7'));
    const read = (await readBuildState(out, CONTENT, 'code', 'settings'))!;
    const names = (text: Buffer) => (JSON.parse(text.toString('utf8')) as { parts: string[] }).parts;
    const edit = fc.record({
      kind: fc.constantFrom('add', 'remove', 'reread', 'retitle', 'readdress', 'restat', 'add file', 'remove file'),
      i: fc.nat(159),
    });
    fc.assert(
      fc.property(fc.array(edit, { maxLength: 8 }), (edits) => {
        const state: BuildState = { ...read, articles: { ...read.articles }, files: { ...read.files } };
        for (const { kind, i } of edits) {
          const file = `/content/thoi-su/${String(i).padStart(3, '0')}-tin.txt`;
          if (kind === 'add' || kind === 'retitle') state.articles[file] = article(file, `Tin ${i}, ${kind}`) as never;
          if (kind === 'remove') delete state.articles[file];
          // Read again: the same text in a new object.
          if (kind === 'reread' && state.articles[file]) state.articles[file] = structuredClone(state.articles[file]);
          // The same article, now at another address: only its story says so.
          const story = state.articles[file]?.story;
          if (kind === 'readdress' && story) state.articles[file] = { ...state.articles[file]!, story: { ...story, url: `${story.url}2/`, digest: `${story.digest}, moved` } };
          if (kind === 'restat' && state.files[file]) state.files[file] = { ...state.files[file], stat: 'changed' };
          if (kind === 'add file') state.files[`${file}-1.jpg`] = { stat: '1 2 3', id: `photo ${i}` };
          if (kind === 'remove file') delete state.files[file];
        }
        const update = serializeBuildState(state, CONTENT, read);
        const full = serializeBuildState(state, CONTENT);
        expect(update.index.equals(full.index)).toBe(true);
        const before = new Set(read.parts);
        // Every part whose bytes changed is written; one read again with the same bytes may be written again, under the same name.
        const written = new Set(update.parts.map((part) => part.name));
        for (const name of names(full.index)) if (!before.has(name)) expect(written).toContain(name);
        for (const part of update.parts) expect(part.bytes.equals(full.parts.find((made) => made.name === part.name)!.bytes)).toBe(true);
        expect(names(update.index)).toHaveLength(64);
      }),
      { numRuns: 300 },
    );
  });

  it('keeps paths relative to the content folder: the same bytes wherever the content lies, read back below the folder it is read for', async () => {
    const withPhotos = (content: string, outside: string) => {
      const state = stateOf(3, 'toa-soan-build-state-7');
      const file = `${content}/du-lich/001-bien.txt`;
      const article = { title: 'Biển', date: '2024-05-01T08:00:00+07:00', photos: [] };
      const parsed = { file, article, photos: [`${content}/du-lich/001-bien-1.jpg`, null, outside], key: 'k', photoIds: ['p1', null, 'p3'] };
      state.articles = { [file]: { source: { id: 'i', folder: 'f' }, loaded: { file, parsed, issues: [] } } as never };
      state.files = { [`${content}/du-lich/001-bien-1.jpg`]: { stat: '1 2 3', id: 'p1' } };
      state.folders = { [`${content}/du-lich`]: 'names of du-lich', [content]: 'names at the top' };
      state.gitFolders = { [`${content}/du-lich`]: 'git of du-lich', [content]: 'git at the top' };
      return state;
    };
    const here = serializeBuildState(withPhotos('/content', '/elsewhere/x.jpg'), '/content');
    const there = serializeBuildState(withPhotos('/srv/bao/content', '/elsewhere/x.jpg'), '/srv/bao/content/');
    expect(here.parts.map((part) => part.name)).toEqual(there.parts.map((part) => part.name));
    expect(here.index.equals(there.index)).toBe(true);
    const text = here.parts.map((part) => part.bytes.toString('utf8')).join('');
    expect(text).toContain('"du-lich/001-bien.txt"');
    expect(text).not.toContain('/content');

    const out = await mkdtemp(path.join(os.tmpdir(), 'toa-soan-state-'));
    await writeBuildState(out, here);
    const moved = await readBuildState(out, '/srv/bao/content', 'code', 'settings');
    expect(moved!.articles).toEqual(withPhotos('/srv/bao/content', '/elsewhere/x.jpg').articles);
    expect(moved!.files).toEqual(withPhotos('/srv/bao/content', '/elsewhere/x.jpg').files);
    expect(moved!.folders).toEqual(withPhotos('/srv/bao/content', '/elsewhere/x.jpg').folders);
    expect(moved!.gitFolders).toEqual(withPhotos('/srv/bao/content', '/elsewhere/x.jpg').gitFolders);
  });

  it('is not trusted when a part is damaged or missing', async () => {
    const out = await folderWith(stateOf(50, 'toa-soan-build-state-7'));
    const folder = path.join(out, '.toa-soan');
    const [damaged, missing] = (await readdir(folder)).filter((name) => name.startsWith('state-'));
    expect(await readBuildState(out, CONTENT, 'code', 'settings')).not.toBeNull();
    await rm(path.join(folder, missing!));
    expect(await readBuildState(out, CONTENT, 'code', 'settings')).toBeNull();
    const again = await folderWith(stateOf(50, 'toa-soan-build-state-7'));
    await writeFile(path.join(again, '.toa-soan', damaged!), '{"articles":');
    expect(await readBuildState(again, CONTENT, 'code', 'settings')).toBeNull();
    // Parts are ASCII JSON: a byte outside ASCII, even where JSON would take it, is damage.
    const edited = stateOf(50, 'toa-soan-build-state-7');
    edited.articles['/content/thoi-su/007-tin.txt'] = article('/content/thoi-su/007-tin.txt', 'Tin 7, sửa') as never;
    const other = await folderWith(edited);
    const texts = await Promise.all((await readdir(path.join(other, '.toa-soan'))).filter((name) => name.startsWith('state-')).map(async (name) => [path.join(other, '.toa-soan', name), await readFile(path.join(other, '.toa-soan', name), 'latin1')] as const));
    for (const [, text] of texts) expect(text).toMatch(/^[\x00-\x7f]*$/);
    const [part, text] = texts.find(([, text]) => text.includes('s\\u1eeda'))!;
    await writeFile(part, text.replace('s\\u1eeda', 'sửa'));
    expect(await readBuildState(other, CONTENT, 'code', 'settings')).toBeNull();
  });

  it("gives a story the digest it had only when it is read from the state unchanged and keeps its address", () => {
    const state = stateOf(5, 'toa-soan-build-state-7');
    const entryOf = (i: number, url = `/2024/01/tin-${i}/`) => {
      const file = `/content/thoi-su/${String(i).padStart(3, '0')}-tin.txt`;
      const parsed = { file, article: { title: `Tin ${i}`, date: `2024-01-0${i + 1}T08:00:00+07:00` }, photos: [], key: `key ${i}`, photoIds: [] };
      state.articles[file] = { ...state.articles[file]!, loaded: { file, parsed: parsed as never, issues: [] } };
      return new ArticleEntry(file, parsed.article as never, url, parsed.photos, parsed.key, parsed.photoIds);
    };
    const kept = entryOf(0);
    state.articles[kept.file]!.story = { url: kept.url, digest: 'digest of tin 0' };
    const moved = entryOf(2, '/2024/01/tin-2-2/');
    const noStory = entryOf(1);
    const reread = entryOf(3);
    const readAgain = new ArticleEntry(reread.file, { ...reread.article }, reread.url, reread.photos, reread.key, reread.photoIds);
    state.articles[reread.file]!.story = { url: reread.url, digest: 'digest of tin 3' };
    const renamed = entryOf(4);
    state.articles[renamed.file]!.story = { url: renamed.url, id: '/2023/12/tin-4/', digest: 'digest of tin 4' };
    const firstThere = new ArticleEntry(renamed.file, renamed.article, renamed.url, renamed.photos, renamed.key, renamed.photoIds, '/2023/12/tin-4/');
    const digests = new Digests();
    rememberStories(state, new Corpus([kept, moved, noStory, readAgain, firstThere]), digests);
    const fresh = new Digests();
    expect(digests.of(kept)).toBe('digest of tin 0');
    expect(digests.of(firstThere)).toBe('digest of tin 4');
    for (const entry of [moved, noStory, readAgain]) expect(digests.of(entry)).toBe(fresh.of(entry));
    // The same story under its first address as its identity is another story to the digest.
    const otherState = { ...state, articles: { ...state.articles, [renamed.file]: { ...state.articles[renamed.file]!, story: { url: renamed.url, digest: 'digest of tin 4' } } } };
    const others = new Digests();
    rememberStories(otherState, new Corpus([firstThere]), others);
    expect(others.of(firstThere)).toBe(fresh.of(firstThere));
  });
});
