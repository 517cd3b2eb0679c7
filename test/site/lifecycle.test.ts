/**
 * A story's life after publication, through the real `build` and `check` commands: corrections,
 * updates, a takedown and its undoing, scheduled stories and the clock (`--now`), and permanent
 * addresses (aliases, redirects after title fixes, the ledger, an address never given twice).
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { HtmlValidate } from 'html-validate';
import { beforeAll, describe, expect, test } from 'vitest';
import { hashTree, jsonLd, linkedUrls, listFiles, SITE_URL, story } from './site-fixture.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const run = promisify(execFile);

interface Run {
  exitCode: number;
  stdout: string;
  stderr: string;
}

async function cli(args: string[]): Promise<Run> {
  try {
    const { stdout, stderr } = await run(path.join(ROOT, 'node_modules/.bin/tsx'), ['src/cli.ts', ...args], { cwd: ROOT });
    return { exitCode: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code?: number; stdout?: string; stderr?: string };
    return { exitCode: failed.code ?? -1, stdout: failed.stdout ?? '', stderr: failed.stderr ?? '' };
  }
}

function build(content: string, out: string, now: string, more: string[] = []): Promise<Run> {
  return cli(['build', '--content', content, '--output', out, '--site-url', SITE_URL, '--now', now, '--quiet', ...more]);
}

const REASON = 'Lý do gỡ chỉ toà soạn biết XYZ';
const CORRECTED = { title: 'Cầu Trà Khúc mới thông xe', url: '/2022/03/cau-tra-khuc-moi-thong-xe/' };
const TAKEN_DOWN = { title: 'Tin đồn sai sự thật về giá đất', url: '/2022/03/tin-don-sai-su-that-ve-gia-dat/' };
const SCHEDULED = { title: 'Lễ hội Điện Trường Bà sắp khai mạc', url: '/2022/03/le-hoi-dien-truong-ba-sap-khai-mac/' };

function withOverride(fields: string, text: string): string {
  return fields ? `---\n${fields}\n---\n${text}` : text;
}

const correctedFields = `updated: 2022-03-11 09:00
corrections:
  - date: 2022-03-12 10:00
    text: Bài đã sửa tên xã cho đúng là xã Nghĩa Hà.
aliases:
  - /tin-tuc/123.html`;

async function writeStories(content: string, { title = CORRECTED.title, takenDown = true } = {}): Promise<void> {
  await mkdir(path.join(content, 'thoi-su'), { recursive: true });
  await mkdir(path.join(content, 'kinh-te'), { recursive: true });
  await writeFile(path.join(content, 'thoi-su', 'cau.txt'), withOverride(correctedFields, story(title, '08:00, 10/03/2022', 'Bài: PHÓNG VIÊN')));
  await writeFile(
    path.join(content, 'kinh-te', 'tin-don.txt'),
    withOverride(takenDown ? `unpublished: true\nreason: ${REASON}` : '', story(TAKEN_DOWN.title, '08:00, 11/03/2022', 'Bài: PHÓNG VIÊN')),
  );
  await writeFile(path.join(content, 'thoi-su', 'le-hoi.txt'), story(SCHEDULED.title, '08:00, 20/03/2022', 'Bài: PHÓNG VIÊN'));
  // Shares words with the taken-down story's title, so it would be among its related stories.
  await writeFile(path.join(content, 'kinh-te', 'gia-dat.txt'), story('Giá đất ở Quảng Ngãi tăng', '08:00, 09/03/2022', 'Bài: PHÓNG VIÊN'));
}

async function siteText(out: string): Promise<Map<string, string>> {
  const texts = new Map<string, string>();
  for (const file of await listFiles(out)) {
    if (file.startsWith('.toa-soan') || file.startsWith('pagefind')) continue;
    if (/\.(html|xml|json|txt|webmanifest)$|_redirects$/.test(file)) texts.set(file, await readFile(path.join(out, file), 'utf8'));
  }
  return texts;
}

const page = (url: string) => `${url.slice(1)}${url.endsWith('/') ? 'index.html' : ''}`;

let content: string;
let out: string;
let first: Run;
let firstSite: Map<string, string>;

beforeAll(async () => {
  content = await mkdtemp(path.join(os.tmpdir(), 'toa-soan-lifecycle-'));
  out = path.join(await mkdtemp(path.join(os.tmpdir(), 'toa-soan-lifecycle-site-')), '_site');
  await writeStories(content);
  first = await build(content, out, '2022-03-15T00:00+07:00');
  firstSite = await siteText(out);
}, 120_000);

describe('before the scheduled story is due', () => {
  test('the build succeeds', () => {
    expect(first.exitCode, first.stderr).toBe(0);
  });

  test('a taken-down story is in no public output, and its address says it was taken down, noindex', () => {
    const gone = firstSite.get(page(TAKEN_DOWN.url))!;
    expect(gone).toContain('<h1>Bài viết đã được gỡ</h1>');
    expect(gone).toContain('<meta name="robots" content="noindex">');
    for (const [file, text] of firstSite) {
      expect(text, file).not.toContain(TAKEN_DOWN.title);
      expect(text, file).not.toContain(REASON);
      if (file !== page(TAKEN_DOWN.url) && file !== 'addresses.json') expect(text, file).not.toContain(TAKEN_DOWN.url);
    }
  });

  test('the reason is nowhere in the site, not even in the build state', async () => {
    for (const file of await listFiles(out)) expect(await readFile(path.join(out, file), 'utf8').catch(() => ''), file).not.toContain(REASON);
  });

  test('a scheduled story is in no output at all yet, and has no address in the ledger', () => {
    expect(existsSync(path.join(out, page(SCHEDULED.url)))).toBe(false);
    for (const [file, text] of firstSite) {
      expect(text, file).not.toContain(SCHEDULED.title);
      expect(text, file).not.toContain(SCHEDULED.url);
    }
  });

  test('a corrected, updated story shows the correction before its lead and "Cập nhật lúc" beside its date', () => {
    const html = firstSite.get(page(CORRECTED.url))!;
    expect(html).toMatch(/<p class="dateline"><time datetime="2022-03-10T08:00:00\+07:00">[^<]*<\/time> · <span class="updated">Cập nhật lúc <time datetime="2022-03-11T09:00:00\+07:00">/);
    const notice = html.indexOf('<h2 id="dinh-chinh">Đính chính</h2>');
    expect(notice).toBeGreaterThan(0);
    const body = html.slice(html.indexOf('<main'));
    expect(body.indexOf('Bài đã sửa tên xã cho đúng là xã Nghĩa Hà.')).toBeGreaterThan(body.indexOf('<h2 id="dinh-chinh">'));
    expect(body.indexOf('Mở đầu của bài')).toBeGreaterThan(body.indexOf('Bài đã sửa tên xã'));
    expect(html).toContain('<meta property="article:modified_time" content="2022-03-12T10:00:00+07:00">');
  });

  test('its JSON-LD carries the correction and dateModified, and an @id', () => {
    const [article] = jsonLd(firstSite.get(page(CORRECTED.url))!) as Record<string, unknown>[];
    expect(article).toMatchObject({
      '@id': `${SITE_URL.replace(/\/$/, '')}${CORRECTED.url}#article`,
      dateModified: '2022-03-12T10:00:00+07:00',
      datePublished: '2022-03-10T08:00:00+07:00',
      correction: [{ '@type': 'CorrectionComment', text: 'Bài đã sửa tên xã cho đúng là xã Nghĩa Hà.', datePublished: '2022-03-12T10:00:00+07:00' }],
    });
  });

  test('its feed entry and sitemap lastmod are the last change', () => {
    const feed = firstSite.get('feed.xml')!;
    const entry = feed.slice(feed.indexOf(`<title>${CORRECTED.title}</title>`));
    expect(entry.slice(0, entry.indexOf('</entry>'))).toContain('<updated>2022-03-12T10:00:00+07:00</updated>');
    expect(firstSite.get('sitemap.xml')).toContain(`<loc>${SITE_URL.replace(/\/$/, '')}${CORRECTED.url}</loc><lastmod>2022-03-12T10:00:00+07:00</lastmod>`);
  });

  test('/dinh-chinh/ names and links the story, its section and its publication date', () => {
    const list = firstSite.get('dinh-chinh/index.html')!;
    expect(list).toContain(`Bài: <a href="${CORRECTED.url}">${CORRECTED.title}</a> · <a href="/thoi-su/">Thời sự</a> · đăng ngày <time datetime="2022-03-10T08:00:00+07:00">`);
  });

  test('an alias is a redirect page (refresh, canonical, noindex) and a _redirects line', () => {
    const redirect = firstSite.get('tin-tuc/123.html')!;
    const target = `${SITE_URL.replace(/\/$/, '')}${CORRECTED.url}`;
    expect(redirect).toContain(`<meta http-equiv="refresh" content="0; url=${target}">`);
    expect(redirect).toContain(`<link rel="canonical" href="${target}">`);
    expect(redirect).toContain('<meta name="robots" content="noindex">');
    expect(firstSite.get('_redirects')).toBe(`/tin-tuc/123.html ${CORRECTED.url} 301\n`);
  });

  test('every HTML page passes html-validate, every link resolves, every JSON-LD block parses', async () => {
    const validator = new HtmlValidate({ extends: ['html-validate:recommended'] });
    const problems: string[] = [];
    for (const [file, text] of firstSite) {
      if (!file.endsWith('.html')) continue;
      const report = await validator.validateString(text, file);
      for (const result of report.results) for (const m of result.messages) problems.push(`${file}:${m.line} ${m.ruleId}: ${m.message}`);
      jsonLd(text);
      for (const url of linkedUrls(text)) {
        if (!url.startsWith('/') || url.startsWith('//')) continue;
        const target = path.join(out, decodeURI(url.split(/[?#]/)[0]!));
        if (!existsSync(target) && !existsSync(path.join(target, 'index.html'))) problems.push(`${file}: broken link ${url}`);
      }
    }
    expect(problems).toEqual([]);
  });

  test('check lists the taken-down and the scheduled stories', async () => {
    const checked = await cli(['check', '--content', content, '--now', '2022-03-15T00:00+07:00']);
    expect(checked.exitCode, checked.stderr).toBe(0);
    expect(checked.stderr).toMatch(/tin-don\.txt: đã gỡ \(unpublished\), địa chỉ \/2022\/03\/tin-don-sai-su-that-ve-gia-dat\//);
    expect(checked.stderr).toMatch(/le-hoi\.txt: đặt lịch, lên trang lúc Chủ Nhật, 20\/03\/2022, 08:00/);
  });
});

describe('later: the clock passes, the takedown is undone, the title is fixed twice', () => {
  let second: Run;
  let secondSite: Map<string, string>;
  let third: Run;

  beforeAll(async () => {
    await writeStories(content, { title: 'Cầu Trà Khúc mới thông xe sáng nay', takenDown: false });
    second = await build(content, out, '2022-03-21T00:00+07:00');
    secondSite = await siteText(out);
    await writeStories(content, { title: 'Cầu Trà Khúc mới thông xe hôm nay', takenDown: false });
    third = await build(content, out, '2022-03-21T00:00+07:00');
  }, 180_000);

  test('the scheduled story appears once the clock passes its time', () => {
    expect(second.exitCode, second.stderr).toBe(0);
    expect(secondSite.get(page(SCHEDULED.url))).toContain(`<h1>${SCHEDULED.title}</h1>`);
    expect(secondSite.get('index.html')).toContain(SCHEDULED.title);
    expect(secondSite.get('feed.xml')).toContain(SCHEDULED.title);
  });

  test('a story restored comes back everywhere: its page, listings, feed, sitemaps, related stories', () => {
    expect(secondSite.get(page(TAKEN_DOWN.url))).toContain(`<h1>${TAKEN_DOWN.title}</h1>`);
    for (const file of ['index.html', 'kinh-te/index.html', 'feed.xml', 'sitemap.xml', 'kinh-te/feed.xml']) expect(secondSite.get(file), file).toContain(TAKEN_DOWN.url);
  });

  test('a title fixed twice leaves two working redirects to the story, which keeps its feed id and JSON-LD @id', async () => {
    expect(third.exitCode, third.stderr).toBe(0);
    const now = '/2022/03/cau-tra-khuc-moi-thong-xe-hom-nay/';
    const site = await siteText(out);
    const absolute = (url: string) => `${SITE_URL.replace(/\/$/, '')}${url}`;
    for (const old of [CORRECTED.url, '/2022/03/cau-tra-khuc-moi-thong-xe-sang-nay/', '/tin-tuc/123.html']) {
      expect(site.get(page(old)), old).toContain(`<meta http-equiv="refresh" content="0; url=${absolute(now)}">`);
    }
    expect(site.get('_redirects')).toBe(
      [`/2022/03/cau-tra-khuc-moi-thong-xe-sang-nay/ ${now} 301`, `${CORRECTED.url} ${now} 301`, `/tin-tuc/123.html ${now} 301`].join('\n') + '\n',
    );
    expect(site.get('feed.xml')).toContain(`<link href="${absolute(now)}" rel="alternate" type="text/html"/>\n<id>${absolute(CORRECTED.url)}</id>`);
    expect(jsonLd(site.get(page(now))!)[0]).toMatchObject({ '@id': `${absolute(CORRECTED.url)}#article`, url: absolute(now) });
  });

  test('a full build given the same ledger (--previous) writes the same site', async () => {
    const full = path.join(await mkdtemp(path.join(os.tmpdir(), 'toa-soan-lifecycle-full-')), '_site');
    const built = await build(content, full, '2022-03-21T00:00+07:00', ['--previous', out]);
    expect(built.exitCode, built.stderr).toBe(0);
    expect(await hashTree(full)).toEqual(await hashTree(out));
  });

  test('an address once another story\'s is never given to a new one: it gets -2, with a warning', async () => {
    await writeFile(path.join(content, 'thoi-su', 'cau-khac.txt'), story(CORRECTED.title, '09:00, 10/03/2022', 'Bài: PHÓNG VIÊN'));
    const built = await build(content, out, '2022-03-21T00:00+07:00');
    await rm(path.join(content, 'thoi-su', 'cau-khac.txt'));
    expect(built.exitCode, built.stderr).toBe(0);
    expect(built.stderr).toMatch(/cau-khac\.txt:1: ADDRESS_TAKEN: .*\/2022\/03\/cau-tra-khuc-moi-thong-xe-2\//);
    const redirect = await readFile(path.join(out, page(CORRECTED.url)), 'utf8');
    expect(redirect).toContain('http-equiv="refresh"');
    expect(await readFile(path.join(out, '2022/03/cau-tra-khuc-moi-thong-xe-2/index.html'), 'utf8')).toContain(`<h1>${CORRECTED.title}</h1>`);
  });
});

describe('mistakes an editor can make', () => {
  test('check explains a correction without a date, an alias that is another story\'s address, and unpublished: yes', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'toa-soan-lifecycle-bad-'));
    await writeFile(path.join(dir, 'a.txt'), withOverride('corrections:\n  - text: Sửa tên xã.', story('Bài một', '08:00, 10/03/2022', 'Bài: A')));
    await writeFile(path.join(dir, 'b.txt'), withOverride('aliases:\n  - /2022/03/bai-bon/', story('Bài hai', '08:00, 11/03/2022', 'Bài: A')));
    await writeFile(path.join(dir, 'd.txt'), story('Bài bốn', '08:00, 13/03/2022', 'Bài: A'));
    await writeFile(path.join(dir, 'c.txt'), withOverride('unpublished: yes', story('Bài ba', '08:00, 12/03/2022', 'Bài: A')));
    const checked = await cli(['check', '--content', dir]);
    expect(checked.exitCode).toBe(1);
    expect(checked.stdout).toMatch(/a\.txt:2: BAD_CORRECTION: Đính chính thứ 1 không có ngày/);
    expect(checked.stdout).toMatch(/c\.txt:2: BAD_OVERRIDE: Trường "unpublished" chỉ nhận true/);
    expect(checked.stdout).toMatch(/b\.txt:1: BAD_ALIAS: Địa chỉ cũ "\/2022\/03\/bai-bon\/" trong "aliases" là địa chỉ của một bài khác/);
  });
});
