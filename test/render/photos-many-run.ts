/**
 * Run by photos-many.test.ts in a process given few file handles (`ulimit -n`): asks an image store
 * for every photo named on the command line at once, as the pages of a big render do, then writes
 * them all into a site, and prints how many it wrote.
 */
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { ImageStore } from '../../src/markup/images.ts';

const [cacheDir, previous, output, count] = process.argv.slice(2) as [string, string, string, string];
const store = new ImageStore(cacheDir, { previous });
const ids = Array.from({ length: Number(count) }, (_, i) => `photo-${i}`);
await Promise.all(ids.map((id) => store.encode(path.join(cacheDir, 'missing.jpg'), { file: 'bai.txt', line: 1 }, id)));
await store.writeUsed(output);
console.log(`${(await readdir(path.join(output, 'img', 'rec'))).length} records`);
