/**
 * What one new story changes in the built site now that listings count their numbered pages from the
 * oldest story: build, add the newest story, build again, and compare the listings file by file.
 * And that every story can still be reached from each listing's root by its links alone.
 */
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { build, type Built, hashTree, listFiles, read, story } from './site-fixture.ts';

const two = (n: number) => String(n).padStart(2, '0');
/** 45 stories in thoi-su/ by PHÓNG VIÊN, two a day in March 2022: three numbered pages everywhere, the newest of 5. */
const THOI_SU = Array.from({ length: 45 }, (_, i) => ({
  file: `thoi-su/tin-${two(i + 1)}.txt`,
  text: story(`Thời sự Quảng Ngãi số ${i + 1}`, `${i % 2 ? '15' : '08'}:00, ${two(Math.floor(i / 2) + 1)}/03/2022`, 'Bài: PHÓNG VIÊN'),
}));
/** Five older stories of another section, month and writer, which the new story must leave alone. */
const KINH_TE = Array.from({ length: 5 }, (_, i) => ({
  file: `kinh-te/gia-${i + 1}.txt`,
  text: story(`Giá nông sản tháng hai số ${i + 1}`, `09:00, ${two(i + 1)}/02/2022`, 'Bài: MINH ANH'),
}));
const NEW_STORY = { file: 'thoi-su/tin-moi.txt', text: story('Tin mới nhất về bão số 4', '10:00, 28/03/2022', 'Bài: PHÓNG VIÊN') };

/** A listing page: front, section, writer, year or month, root or numbered. */
const LISTING = /^(?:(?:thoi-su|kinh-te|tac-gia\/[^/]+|\d{4}|\d{4}\/\d{2})\/)?(?:trang\/\d+\/)?index\.html$/;
const ARTICLE = /^\d{4}\/\d{2}\/(?!trang\/)[^/]+\/index\.html$/;

async function contentOf(stories: readonly { file: string; text: string }[]): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'toa-soan-new-story-'));
  for (const folder of ['thoi-su', 'kinh-te']) await mkdir(path.join(dir, folder));
  for (const { file, text } of stories) await writeFile(path.join(dir, file), text);
  return dir;
}

let before: Built;
let after: Built;

beforeAll(async () => {
  before = await build(await contentOf([...THOI_SU, ...KINH_TE]));
  after = await build(await contentOf([...THOI_SU, ...KINH_TE, NEW_STORY]));
}, 120_000);

function hrefs(page: string): string[] {
  return [...page.matchAll(/<a [^>]*href="([^"#]+)"/g)].map((m) => m[1]!);
}

/** Pages reached from `root` following links to pages whose address starts with `within`. */
async function crawl(out: string, root: string, within: string): Promise<Set<string>> {
  const seen = new Set<string>();
  const queue = [root];
  while (queue.length > 0) {
    const url = queue.pop()!;
    if (seen.has(url)) continue;
    seen.add(url);
    if (!ARTICLE.test(`${url.slice(1)}index.html`)) for (const href of hrefs(await read(out, `${url.slice(1)}index.html`))) if (href.startsWith(within) && href.endsWith('/')) queue.push(href);
  }
  return seen;
}

describe('one new story', () => {
  test('both builds succeed', () => {
    expect(before.exitCode, before.issues).toBe(0);
    expect(after.exitCode, after.issues).toBe(0);
  });

  test('changes only the roots and the newest numbered page of its five listings', async () => {
    const [old, now] = [await hashTree(before.out), await hashTree(after.out)];
    const changed = [...now.keys()].filter((file) => LISTING.test(file) && old.has(file) && old.get(file) !== now.get(file));
    const created = [...now.keys()].filter((file) => LISTING.test(file) && !old.has(file));
    const roots = ['', 'thoi-su/', 'tac-gia/phong-vien/', '2022/', '2022/03/'];
    // 45 stories in each of the five: the newest numbered page is trang/3 (stories 41–45), which now also holds the new one.
    expect(changed.sort()).toEqual(roots.flatMap((root) => [`${root}index.html`, `${root}trang/3/index.html`]).sort());
    expect(created).toEqual([]);
    expect([...old.keys()].filter((file) => LISTING.test(file) && !now.has(file))).toEqual([]);
  });

  test('moves no article’s back link', async () => {
    const articles = (await listFiles(before.out)).filter((file) => ARTICLE.test(file));
    const backLink = async (out: string, file: string) => /<p class="back"><a href="([^"]+)">/.exec(await read(out, file))![1];
    for (const file of articles) expect(await backLink(after.out, file), file).toBe(await backLink(before.out, file));
    expect(await backLink(after.out, '2022/03/tin-moi-nhat-ve-bao-so-4/index.html')).toBe('/2022/03/trang/3/');
  });
});

describe('every story is reachable from each listing’s root by its own links', () => {
  test.each([
    ['/', '/', 51],
    ['/thoi-su/', '/thoi-su/', 46],
    ['/tac-gia/phong-vien/', '/tac-gia/phong-vien/', 46],
    ['/2022/', '/2022/', 51],
    ['/2022/03/', '/2022/03/', 46],
  ])('%s', async (root, within, stories) => {
    // From a listing, its own pages and the stories they show: the front page's are every address of the site.
    const listed = new Set<string>();
    for (const url of await crawl(after.out, root, within === '/' ? '/trang/' : within)) {
      if (!ARTICLE.test(`${url.slice(1)}index.html`)) for (const href of hrefs(await read(after.out, `${url.slice(1)}index.html`))) if (ARTICLE.test(`${href.slice(1)}index.html`)) listed.add(href);
    }
    expect(listed.size).toBe(stories);
  });
});
