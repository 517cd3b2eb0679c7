/**
 * The build's state is kept in parts so that an update rewrites only what changed; it must still
 * read back whole, name its parts as a full build would, and never be trusted when a part is damaged.
 */
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readBuildState, serializeBuildState, writeBuildState, type BuildState } from '../../src/build/build-state.ts';

const CONTENT = '/content';

const article = (file: string, title: string) => ({
  source: { id: `id of ${title}`, folder: 'names' },
  loaded: { file, parsed: null, issues: [{ severity: 'warning', code: 'X', line: 1, message: title }] },
});

function stateOf(articles: number, format: string): BuildState {
  const state = { format, code: 'code', settings: 'settings', articles: {}, files: {}, pages: {}, search: { ngay: 'x' } } as unknown as BuildState;
  for (let i = 0; i < articles; i++) {
    const file = `/content/thoi-su/${String(i).padStart(3, '0')}-tin.txt`;
    state.articles[file] = article(file, `Tin ${i}`) as never;
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
    const written = stateOf(300, 'toa-soan-build-state-4');
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
    const out = await folderWith(stateOf(120, 'toa-soan-build-state-4'));
    const read = (await readBuildState(out, CONTENT, 'code', 'settings'))!;
    const names = (text: Buffer) => (JSON.parse(text.toString('utf8')) as { parts: string[] }).parts;
    const edit = fc.record({
      kind: fc.constantFrom('add', 'remove', 'reread', 'retitle', 'restat', 'add file', 'remove file'),
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
      const state = stateOf(3, 'toa-soan-build-state-4');
      const file = `${content}/du-lich/001-bien.txt`;
      const article = { title: 'Biển', date: '2024-05-01T08:00:00+07:00', photos: [] };
      const parsed = { file, article, photos: [`${content}/du-lich/001-bien-1.jpg`, null, outside], key: 'k', photoIds: ['p1', null, 'p3'] };
      state.articles = { [file]: { source: { id: 'i', folder: 'f' }, loaded: { file, parsed, issues: [] } } as never };
      state.files = { [`${content}/du-lich/001-bien-1.jpg`]: { stat: '1 2 3', id: 'p1' } };
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
  });

  it('is not trusted when a part is damaged or missing', async () => {
    const out = await folderWith(stateOf(50, 'toa-soan-build-state-4'));
    const folder = path.join(out, '.toa-soan');
    const [damaged, missing] = (await readdir(folder)).filter((name) => name.startsWith('state-'));
    expect(await readBuildState(out, CONTENT, 'code', 'settings')).not.toBeNull();
    await rm(path.join(folder, missing!));
    expect(await readBuildState(out, CONTENT, 'code', 'settings')).toBeNull();
    const again = await folderWith(stateOf(50, 'toa-soan-build-state-4'));
    await writeFile(path.join(again, '.toa-soan', damaged!), '{"articles":');
    expect(await readBuildState(again, CONTENT, 'code', 'settings')).toBeNull();
    // Parts are ASCII JSON: a byte outside ASCII, even where JSON would take it, is damage.
    const edited = stateOf(50, 'toa-soan-build-state-4');
    edited.articles['/content/thoi-su/007-tin.txt'] = article('/content/thoi-su/007-tin.txt', 'Tin 7, sửa') as never;
    const other = await folderWith(edited);
    const texts = await Promise.all((await readdir(path.join(other, '.toa-soan'))).filter((name) => name.startsWith('state-')).map(async (name) => [path.join(other, '.toa-soan', name), await readFile(path.join(other, '.toa-soan', name), 'latin1')] as const));
    for (const [, text] of texts) expect(text).toMatch(/^[\x00-\x7f]*$/);
    const [part, text] = texts.find(([, text]) => text.includes('s\\u1eeda'))!;
    await writeFile(part, text.replace('s\\u1eeda', 'sửa'));
    expect(await readBuildState(other, CONTENT, 'code', 'settings')).toBeNull();
  });
});
