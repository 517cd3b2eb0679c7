/**
 * What an editor meets when a file is wrong, along the path CI takes (check → build → publish):
 * an error is an annotation on the editor's line and the build refuses, leaving the published folder as it
 * was; a file saved in a legacy Vietnamese encoding is rejected until `convert` turns it into UTF-8.
 */
import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LEGACY_ENCODINGS } from '../../src/encoding/legacy.ts';
import { encodeLegacy } from '../encoding/encode-legacy.ts';
import { cli, tempDir } from '../browser/harness.ts';

const GOOD = ['Cập nhật lúc: 09:15, 02/03/2018', '', 'Bà con Bình Sơn ra đồng sớm', '', '(Báo Quảng Ngãi)- Sáng nay, bà con xuống đồng gieo sạ.', '', 'Mùa này lúa tốt.', '', 'Tin: MINH ANH', ''].join('\n');
// No toned capital letters: TCVN3 has no codes for them, so this text survives every legacy encoding exactly.
const LEGACY_TITLE = 'Nông dân xã Tịnh Khê tất bật xuống đồng';
const LEGACY = [
  'Cập nhật lúc: 07:05, 03/01/2017',
  '',
  LEGACY_TITLE,
  '',
  '(Báo Quảng Ngãi)- Những ngày này, nông dân khắp các cánh đồng đang tất bật làm đất, gieo sạ vụ đông xuân.',
  '',
  'Theo ông Nguyễn Văn Hùng, năm nay thời tiết thuận lợi, nước tưới đủ cho cả vụ.',
  '',
  'Bài, ảnh: THANH THUẬN',
  '',
].join('\n');

let repo: string;

beforeEach(async () => {
  repo = await tempDir('publish');
  await mkdir(join(repo, 'content'));
  await writeFile(join(repo, 'content', 'tot.txt'), GOOD);
});

afterEach(async () => {
  await rm(repo, { recursive: true, force: true });
});

/** The CLI run from the repository folder, as the workflow runs it (so files are named content/…). */
function run(...args: string[]) {
  return cli(args, { cwd: repo });
}

const build = () => run('build', '--site-url', 'https://bao.example.vn', '--prefix', '/tin/', '--quiet');

async function hashTree(dir: string): Promise<Map<string, string>> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const hashes = new Map<string, string>();
  for (const entry of entries.filter((e) => e.isFile())) {
    const file = join(entry.parentPath, entry.name);
    hashes.set(relative(dir, file), createHash('sha256').update(await readFile(file)).digest('hex'));
  }
  return hashes;
}

/** Builds the good content once: the site that is live before the editor's mistake. */
async function publishedSite(): Promise<Map<string, string>> {
  const first = await build();
  expect(first.code, first.stderr).toBe(0);
  const site = await hashTree(join(repo, '_site'));
  expect(site.has('index.html')).toBe(true);
  return site;
}

describe('an article with an error', () => {
  const BAD = ['', '', 'Cập nhật lúc: 25:38, 31/02/2016', '', 'Tiêu đề', '', '(BQN)- Sapo.', '', 'Thân bài.', '', 'Tin: AN', ''].join('\n');

  it('is an ::error annotation on its line, and the build refuses, leaving _site/ as it was', async () => {
    const live = await publishedSite();
    await writeFile(join(repo, 'content', 'sai-ngay.txt'), BAD);

    const check = await run('check', '--format', 'github');
    expect(check.code).toBe(1);
    expect(check.stdout).toMatch(/^::error file=content\/sai-ngay\.txt,line=3,title=BAD_TIMESTAMP::.*25:38, 31\/02\/2016/m);
    expect(check.stdout).not.toContain('tot.txt');

    const refused = await build();
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/^content\/sai-ngay\.txt:3: BAD_TIMESTAMP: /m);
    expect(refused.stderr).not.toMatch(/\n\s+at /);
    expect(await hashTree(join(repo, '_site'))).toEqual(live);
  });
});

describe.each(LEGACY_ENCODINGS)('an article saved in %s', (encoding) => {
  it('is rejected by check and build, fixed by convert --from, and then builds', async () => {
    const live = await publishedSite();
    const file = join(repo, 'content', 'ban-cu.txt');
    await writeFile(file, encodeLegacy(LEGACY, encoding));

    const check = await run('check', '--format', 'github');
    expect(check.code).toBe(1);
    expect(check.stdout).toMatch(/^::error file=content\/ban-cu\.txt,line=\d+,title=NOT_UTF8::/m);
    // The annotation names the command that fixes it, with the encoding it recognised.
    expect(check.stdout).toContain(`convert --from ${encoding}`);
    const refused = await build();
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/^content\/ban-cu\.txt:\d+: NOT_UTF8: /m);
    expect(await hashTree(join(repo, '_site'))).toEqual(live);

    const converted = await run('convert', '--from', encoding, 'content/ban-cu.txt');
    expect(converted.code, converted.stderr).toBe(0);
    expect(await readFile(file, 'utf8')).toBe(LEGACY);

    const recheck = await run('check', '--format', 'github');
    expect(recheck.code, recheck.stdout).toBe(0);
    const rebuilt = await build();
    expect(rebuilt.code, rebuilt.stderr).toBe(0);
    const pages = [...(await hashTree(join(repo, '_site'))).keys()].filter((page) => /^2017\/01\/[^/]+\/index\.html$/.test(page));
    expect(pages).toHaveLength(1);
    expect(await readFile(join(repo, '_site', pages[0]!), 'utf8')).toContain(`<h1>${LEGACY_TITLE}</h1>`);
  });
});
