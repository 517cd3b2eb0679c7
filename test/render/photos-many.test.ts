import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, test } from 'vitest';
import { photoKey, recordFile, type PhotoRecord } from '../../src/markup/images.ts';

const run = promisify(execFile);
const ROOT = path.resolve(import.meta.dirname, '../..');
const PHOTOS = 1200;
/** Far fewer than the photos: a store that opened a file per photo at once would run out. */
const HANDLES = 96;

describe('an image store asked for thousands of photos at once', () => {
  test('finds and writes them all with a few file handles, from the cache and from the site published before', async () => {
    const root = await mkdtemp(path.join(os.tmpdir(), 'toa-soan-photos-many-'));
    const [cacheDir, previous, output] = ['cache', 'previous', 'site'].map((name) => path.join(root, name)) as [string, string, string];
    await mkdir(path.join(cacheDir, 'records'), { recursive: true });
    await mkdir(path.join(previous, 'img', 'rec'), { recursive: true });
    for (let i = 0; i < PHOTOS; i++) {
      const key = photoKey(`photo-${i}`);
      const name = `${key}-240.jpeg`;
      const record: PhotoRecord = { key, files: [{ name, format: 'jpeg', width: 240, height: 160, bytes: 3 }] };
      // Even photos are in the local cache, odd ones only on the site published before.
      if (i % 2 === 0) {
        await writeFile(path.join(cacheDir, name), 'jpg');
        await writeFile(path.join(cacheDir, 'records', `${key}.json`), JSON.stringify(record));
      } else {
        await writeFile(path.join(previous, recordFile(key)), JSON.stringify(record));
      }
    }
    const script = path.join(ROOT, 'test/render/photos-many-run.ts');
    const { stdout } = await run('bash', ['-c', `ulimit -n ${HANDLES} && exec "$0" --import tsx "$@"`, process.execPath, script, cacheDir, previous, output, String(PHOTOS)], { cwd: ROOT });
    expect(stdout.trim()).toBe(`${PHOTOS} records`);
    // The cached photos' files were copied into the site; the published ones were already there.
    expect((await readdir(path.join(output, 'img'))).filter((name) => name.endsWith('.jpeg'))).toHaveLength(PHOTOS / 2);
  }, 60_000);
});
