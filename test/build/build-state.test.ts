/**
 * The build's state is kept in parts so that an update rewrites only what changed; it must still
 * read back whole, name its parts as a full build would, and never be trusted when a part is damaged.
 */
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readBuildState, serializeBuildState, writeBuildState, type BuildState } from '../../src/build/build-state.ts';

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

async function folderWith(state: BuildState, earlier?: Parameters<typeof serializeBuildState>[1]) {
  const out = await mkdtemp(path.join(os.tmpdir(), 'toa-soan-state-'));
  await writeBuildState(out, serializeBuildState(state, earlier));
  return out;
}

describe('the build state in parts', () => {
  it('reads back what was written, and an update writes only the parts that changed, named as a full build names them', async () => {
    const written = stateOf(300, 'toa-soan-build-state-3');
    const out = await folderWith(written);
    const read = await readBuildState(out, 'code', 'settings');
    expect(read).not.toBeNull();
    expect({ ...read!, parts: undefined }).toEqual({ ...written, parts: undefined });
    expect(await readBuildState(out, 'other code', 'settings')).toBeNull();

    const file = '/content/thoi-su/007-tin.txt';
    const updated = { ...read!, articles: { ...read!.articles, [file]: article(file, 'Tin 7, sửa') as never } };
    const files = serializeBuildState(updated, read!);
    expect(files.parts).toHaveLength(1);
    await writeBuildState(out, files);
    expect(files.index.equals(serializeBuildState(updated).index)).toBe(true);
    expect((await readdir(path.join(out, '.toa-soan'))).length).toBe(65);
    expect((await readBuildState(out, 'code', 'settings'))!.articles[file]).toEqual(article(file, 'Tin 7, sửa'));
  });

  it('is not trusted when a part is damaged or missing', async () => {
    const out = await folderWith(stateOf(50, 'toa-soan-build-state-3'));
    const folder = path.join(out, '.toa-soan');
    const [damaged, missing] = (await readdir(folder)).filter((name) => name.startsWith('state-'));
    expect(await readBuildState(out, 'code', 'settings')).not.toBeNull();
    await rm(path.join(folder, missing!));
    expect(await readBuildState(out, 'code', 'settings')).toBeNull();
    const again = await folderWith(stateOf(50, 'toa-soan-build-state-3'));
    await writeFile(path.join(again, '.toa-soan', damaged!), '{"articles":');
    expect(await readBuildState(again, 'code', 'settings')).toBeNull();
  });
});
