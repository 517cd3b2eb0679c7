/**
 * `TOA_SOAN_WITHOUT` (src/corpus/features.ts), the benchmark's baseline: the build without related stories and
 * section, author and archive listings. Built both ways from one content folder, so the switch cannot
 * silently do nothing, and the baseline also in shard workers, which must inherit it.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, test } from 'vitest';
import { parseFeatures } from '../../src/corpus/features.ts';
import { linkedUrls, listFiles, read, SITE_URL, story } from './site-fixture.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const run = promisify(execFile);
const BASELINE = 'related,sections,authors,archive';
const IN_PROCESS = { TOA_SOAN_SHARD_SIZE: '100000', TOA_SOAN_SITE_SHARDS: '1' };
const SHARDED = { TOA_SOAN_SHARD_SIZE: '3', TOA_SOAN_SITE_SHARDS: '2' };

/** The real build command with `env` added to this process's environment; the output folder. */
async function buildWith(content: string, env: Record<string, string>): Promise<string> {
  const out = path.join(await mkdtemp(path.join(os.tmpdir(), 'toa-soan-features-site-')), '_site');
  const args = ['src/cli.ts', 'build', '--content', content, '--output', out, '--site-url', SITE_URL, '--quiet', '--no-search'];
  await run(path.join(ROOT, 'node_modules/.bin/tsx'), args, { cwd: ROOT, env: { ...process.env, ...env } });
  return out;
}

/** Site-relative links of every HTML page that point to no file of the build. */
async function brokenLinks(out: string): Promise<string[]> {
  const files = await listFiles(out);
  const broken = new Set<string>();
  for (const file of files.filter((f) => f.endsWith('.html'))) {
    for (const url of linkedUrls(await read(out, file))) {
      if (!url.startsWith('/') || url.startsWith('//')) continue;
      const target = decodeURIComponent(url.split(/[?#]/)[0]!).slice(1);
      if (!existsSync(path.join(out, target.endsWith('/') || target === '' ? `${target}index.html` : target))) broken.add(`${file} → ${url}`);
    }
  }
  return [...broken];
}

const ARTICLE = '2022/03/thoi-su-quang-ngai-so-5/index.html';
const LISTINGS = ['tac-gia/phong-vien/index.html', 'luu-tru/index.html', 'thoi-su/index.html', 'thoi-su/feed.xml', '2022/index.html', '2022/03/index.html'];

let full: string;
let baseline: string;
let shardedBaseline: string;
beforeAll(async () => {
  const content = await mkdtemp(path.join(os.tmpdir(), 'toa-soan-features-'));
  for (const folder of ['thoi-su', 'kinh-te']) await mkdir(path.join(content, folder));
  for (let n = 1; n <= 8; n++) {
    await writeFile(path.join(content, `thoi-su/tin-${n}.txt`), story(`Thời sự Quảng Ngãi số ${n}`, `08:00, 0${n}/03/2022`, 'Bài: PHÓNG VIÊN'));
  }
  await writeFile(path.join(content, 'kinh-te/gia-toi.txt'), story('Giá tỏi Lý Sơn tăng mạnh', '09:00, 10/02/2022', 'Bài: MINH ANH'));
  [full, baseline, shardedBaseline] = await Promise.all([
    buildWith(content, IN_PROCESS),
    buildWith(content, { ...IN_PROCESS, TOA_SOAN_WITHOUT: BASELINE }),
    buildWith(content, { ...SHARDED, TOA_SOAN_WITHOUT: BASELINE }),
  ]);
}, 120_000);

describe('TOA_SOAN_WITHOUT', () => {
  test('without it, the listings, section feed and related stories exist', async () => {
    for (const file of LISTINGS) expect(existsSync(path.join(full, file)), file).toBe(true);
    expect(await read(full, ARTICLE)).toContain('<aside class="related" aria-label="Tin liên quan">');
  });

  test.each([
    ['in one process', () => baseline],
    ['in shard workers', () => shardedBaseline],
  ])('with every feature named, %s: no listings, feeds or related stories, and no link to them', async (_how, out) => {
    for (const file of LISTINGS) expect(existsSync(path.join(out(), file)), file).toBe(false);
    const files = await listFiles(out());
    expect(files.filter((file) => /^(tac-gia|luu-tru|thoi-su|kinh-te)\/|^\d{4}\/(\d{2}\/)?(trang\/\d+\/)?index\.html$/.test(file))).toEqual([]);
    const article = await read(out(), ARTICLE);
    expect(article).toContain('<h1>Thời sự Quảng Ngãi số 5</h1>');
    expect(article).not.toContain('Tin liên quan');
    expect(await brokenLinks(out())).toEqual([]);
    const sitemap = await read(out(), 'sitemap.xml');
    expect(sitemap).not.toMatch(/luu-tru|tac-gia|thoi-su\/|\/2022\/<|\/2022\/03\/</);
  });

  test('the baseline still has the front page, the article pages and the site feed', async () => {
    for (const file of ['index.html', ARTICLE, 'feed.xml', 'sitemap.xml', 'tim-kiem/index.html']) expect(existsSync(path.join(baseline, file)), file).toBe(true);
  });

  test('an unknown name is an error, not a build that measures nothing', () => {
    expect(parseFeatures('related,archive')).toEqual({ related: false, sections: true, authors: true, archive: false });
    expect(parseFeatures(undefined)).toEqual({ related: true, sections: true, authors: true, archive: true });
    expect(() => parseFeatures('relatd')).toThrow(/relatd/);
  });

  test('the build command refuses an unknown name as a usage error, before reading any article', async () => {
    const out = path.join(os.tmpdir(), 'toa-soan-features-refused');
    const args = ['src/cli.ts', 'build', '--content', 'content', '--output', out, '--quiet'];
    const refused = await run(path.join(ROOT, 'node_modules/.bin/tsx'), args, { cwd: ROOT, env: { ...process.env, TOA_SOAN_WITHOUT: 'relatd' } }).then(
      () => null,
      (error: { code: number; stderr: string }) => error,
    );
    expect(refused?.code).toBe(2);
    expect(refused?.stderr).toMatch(/^toa-soan build: TOA_SOAN_WITHOUT: không biết "relatd"/);
    expect(refused?.stderr).not.toMatch(/\bat .*\.ts:\d+/);
    expect(existsSync(out)).toBe(false);
  });
});
