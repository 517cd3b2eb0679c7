/**
 * The pages the site derives from article metadata: sections, writers, the archive by year and month,
 * related stories, the news sitemap. Built from a content folder laid out for them.
 */
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { HtmlValidate } from 'html-validate';
import { beforeAll, describe, expect, test } from 'vitest';
import { assertWellFormedXml, build, type Built, jsonLd, linkedUrls, listFiles, read, SITE_URL } from './site-fixture.ts';

/** An article in the export format; `override` lines go in a leading YAML block. */
function story(title: string, when: string, byline: string, override: string[] = []): string {
  const head = override.length > 0 ? `---\n${override.join('\n')}\n---\n` : '';
  return `${head}Cập nhật lúc: ${when} [GMT+7]
.

${title}


(Báo Quảng Ngãi)- Mở đầu của bài "${title}", đủ dài để là một đoạn mở đầu thật của một bài báo tỉnh.

Thân bài có một đoạn văn ngắn, viết bằng tiếng Việt có dấu, để trang bài có nội dung.

${byline}
`;
}

const day = (n: number) => String(n).padStart(2, '0');
/** 23 stories in thoi-su/, 1–23 March 2022 at 08:00, by PHÓNG VIÊN: two pages of the section. */
const THOI_SU = Array.from({ length: 23 }, (_, i) => ({ file: `thoi-su/tin-${day(i + 1)}.txt`, title: `Thời sự Quảng Ngãi số ${i + 1}`, date: `08:00, ${day(i + 1)}/03/2022` }));

let content: string;
let site: Built;
let pages: string[];

beforeAll(async () => {
  content = await mkdtemp(path.join(os.tmpdir(), 'toa-soan-sections-'));
  for (const folder of ['thoi-su', 'kinh-te', 'am-thuc']) await mkdir(path.join(content, folder));
  for (const { file, title, date } of THOI_SU) await writeFile(path.join(content, file), story(title, date, 'Bài: PHÓNG VIÊN'));
  await writeFile(path.join(content, 'kinh-te/gia-toi.txt'), story('Giá tỏi Lý Sơn tăng mạnh', '09:00, 24/03/2022', 'Bài: MINH ANH'));
  await writeFile(path.join(content, 'kinh-te/cang-dung-quat.txt'), story('Cảng Dung Quất đón tàu lớn', '09:00, 10/02/2022', 'Bài: PHÓNG VIÊN'));
  await writeFile(path.join(content, 'am-thuc/ca-bong.txt'), story('Món ngon từ cá bống sông Trà', '09:00, 25/03/2022', 'Bài: THANH HÀ'));
  // In the thoi-su folder, but its override names another section; two writers.
  await writeFile(
    path.join(content, 'thoi-su/bong-da.txt'),
    story('Bóng đá Quảng Ngãi thắng lớn', '20:00, 25/03/2022', 'Bài: MINH ANH - Ảnh: THANH HÀ', ['author: MINH ANH - THANH HÀ', 'section: the-thao']),
  );
  // Directly in the content folder: no section.
  await writeFile(path.join(content, 'goc.txt'), story('Tin không thuộc chuyên mục', '07:00, 15/12/2021', 'Bài: PHÓNG VIÊN'));
  site = await build(content);
  pages = (await listFiles(site.out)).filter((file) => file.endsWith('.html'));
});

/** Story addresses in a listing, in order. */
async function listed(file: string): Promise<string[]> {
  return [...(await read(site.out, file)).matchAll(/<h2 class="story-title"><a href="([^"]+)">/g)].map((m) => m[1]!);
}

const thoiSu = (n: number) => `/2022/03/thoi-su-quang-ngai-so-${n}/`;

describe('sections', () => {
  test('the build succeeds', () => {
    expect(site.exitCode, site.issues).toBe(0);
  });

  test('a section shows its newest 20, then numbered pages of 20 from its oldest: /SECTION/trang/1/ the oldest', async () => {
    const first = await listed('thoi-su/index.html');
    expect(first).toEqual(Array.from({ length: 20 }, (_, i) => thoiSu(23 - i)));
    expect(await listed('thoi-su/trang/2/index.html')).toEqual([thoiSu(23), thoiSu(22), thoiSu(21)]);
    expect(await listed('thoi-su/trang/1/index.html')).toEqual(Array.from({ length: 20 }, (_, i) => thoiSu(20 - i)));
    expect(existsSync(path.join(site.out, 'thoi-su/trang/3/index.html'))).toBe(false);
    const page = await read(site.out, 'thoi-su/index.html');
    expect(page).toContain('<h1 class="listing-title">Thời sự</h1>');
    expect(page).toContain('<a rel="next" href="/thoi-su/trang/2/">Tin cũ hơn, theo trang →</a>');
    const newest = await read(site.out, 'thoi-su/trang/2/index.html');
    expect(newest).toContain('<h1 class="listing-title">Thời sự – trang 2</h1>');
    expect(newest).toContain('<a href="/thoi-su/">Tin mới nhất</a>');
    expect(newest).toContain('<a rel="next" href="/thoi-su/trang/1/">Tin cũ hơn →</a>');
    expect(newest).not.toContain('Tin mới hơn');
    expect(await read(site.out, 'thoi-su/trang/1/index.html')).toContain('<a rel="prev" href="/thoi-su/trang/2/">← Tin mới hơn</a>');
  });

  test('section: in an override wins over the folder; an unknown folder is named from its words', async () => {
    expect(await listed('the-thao/index.html')).toEqual(['/2022/03/bong-da-quang-ngai-thang-lon/']);
    expect(await read(site.out, 'the-thao/index.html')).toContain('<h1 class="listing-title">Thể thao</h1>');
    expect(await listed('kinh-te/index.html')).toEqual(['/2022/03/gia-toi-ly-son-tang-manh/', '/2022/02/cang-dung-quat-don-tau-lon/']);
    expect(await read(site.out, 'am-thuc/index.html')).toContain('<h1 class="listing-title">Am Thuc</h1>');
  });

  test('the masthead lists the sections that have stories, in menu order, then topics, archive and search', async () => {
    const nav = /<nav class="sections" aria-label="Chuyên mục">([\s\S]*?)<\/nav>/.exec(await read(site.out, 'index.html'))![1]!;
    expect([...nav.matchAll(/<a href="([^"]+)">([^<]+)<\/a>/g)].map((m) => `${m[2]} ${m[1]}`)).toEqual([
      'Thời sự /thoi-su/',
      'Kinh tế /kinh-te/',
      'Thể thao /the-thao/',
      'Am Thuc /am-thuc/',
      'Chủ đề /chu-de/',
      'Lưu trữ /luu-tru/',
      'Tìm kiếm /tim-kiem/',
    ]);
  });

  test('an article has a breadcrumb to its section, also as BreadcrumbList; an article without section has none', async () => {
    const page = await read(site.out, `${thoiSu(5).slice(1)}index.html`);
    expect(page).toContain(`<nav class="breadcrumb" aria-label="Breadcrumb"><ol>
<li><a href="/">Trang chủ</a></li>
<li><a href="/thoi-su/">Thời sự</a></li>
</ol></nav>`);
    const [, trail] = jsonLd(page) as Record<string, unknown>[];
    expect(trail).toMatchObject({
      '@type': 'BreadcrumbList',
      itemListElement: [
        { position: 1, name: 'Trang chủ', item: SITE_URL },
        { position: 2, name: 'Thời sự', item: `${SITE_URL}thoi-su/` },
      ],
    });
    const root = await read(site.out, '2021/12/tin-khong-thuoc-chuyen-muc/index.html');
    expect(root).not.toContain('aria-label="Breadcrumb"');
    expect(jsonLd(root)).toHaveLength(1);
  });

  test('each section has an Atom feed of its stories, offered on its listing', async () => {
    const feed = await read(site.out, 'thoi-su/feed.xml');
    assertWellFormedXml(feed);
    expect(feed.match(/<entry>/g)).toHaveLength(23);
    expect(feed).toContain(`<link href="${SITE_URL}thoi-su/feed.xml" rel="self" type="application/atom+xml"/>`);
    expect(feed).toContain(`<id>${SITE_URL}2022/03/thoi-su-quang-ngai-so-23/</id>`);
    expect(feed).not.toContain('bong-da');
    const page = await read(site.out, 'thoi-su/index.html');
    expect(page).toContain('<link rel="alternate" type="application/atom+xml" title="Báo Quảng Ngãi – Thời sự" href="/thoi-su/feed.xml">');
  });
});

describe('writers', () => {
  test('a page per writer, numbered from the oldest past 20, newest first', async () => {
    // PHÓNG VIÊN: 23 in thoi-su, the Dung Quất story (Feb) and the root story (Dec 2021).
    expect(await listed('tac-gia/phong-vien/index.html')).toEqual(Array.from({ length: 20 }, (_, i) => thoiSu(23 - i)));
    expect(await listed('tac-gia/phong-vien/trang/2/index.html')).toEqual([thoiSu(23), thoiSu(22), thoiSu(21), thoiSu(20), thoiSu(19)]);
    expect(await listed('tac-gia/phong-vien/trang/1/index.html')).toEqual([
      ...Array.from({ length: 18 }, (_, i) => thoiSu(18 - i)),
      '/2022/02/cang-dung-quat-don-tau-lon/',
      '/2021/12/tin-khong-thuoc-chuyen-muc/',
    ]);
    expect(await read(site.out, 'tac-gia/phong-vien/index.html')).toContain('<h1 class="listing-title">Bài của PHÓNG VIÊN</h1>');
  });

  test('a story by two writers is credited on both pages, and its byline links each', async () => {
    const bongDa = '/2022/03/bong-da-quang-ngai-thang-lon/';
    expect(await listed('tac-gia/minh-anh/index.html')).toEqual([bongDa, '/2022/03/gia-toi-ly-son-tang-manh/']);
    expect(await listed('tac-gia/thanh-ha/index.html')).toEqual([bongDa, '/2022/03/mon-ngon-tu-ca-bong-song-tra/']);
    expect(await read(site.out, `${bongDa.slice(1)}index.html`)).toContain(
      '<p class="byline">Bài: <a href="/tac-gia/minh-anh/">MINH ANH</a> - Ảnh: <a href="/tac-gia/thanh-ha/">THANH HÀ</a></p>',
    );
  });
});

describe('archive', () => {
  test('a year and a month list their stories on numbered pages, and an article links back to its month page', async () => {
    const march = [
      '/2022/03/bong-da-quang-ngai-thang-lon/',
      '/2022/03/mon-ngon-tu-ca-bong-song-tra/',
      '/2022/03/gia-toi-ly-son-tang-manh/',
      ...Array.from({ length: 23 }, (_, i) => thoiSu(23 - i)),
    ];
    expect(await listed('2022/03/index.html')).toEqual(march.slice(0, 20));
    expect([...(await listed('2022/03/trang/2/index.html')), ...(await listed('2022/03/trang/1/index.html'))]).toEqual(march);
    expect(await listed('2022/02/index.html')).toEqual(['/2022/02/cang-dung-quat-don-tau-lon/']);
    expect(await listed('2022/02/trang/1/index.html')).toEqual(['/2022/02/cang-dung-quat-don-tau-lon/']);
    expect([...(await listed('2022/trang/2/index.html')), ...(await listed('2022/trang/1/index.html'))]).toEqual([...march, '/2022/02/cang-dung-quat-don-tau-lon/']);
    expect(await read(site.out, `${march[0]!.slice(1)}index.html`)).toContain('<p class="back"><a href="/2022/03/trang/2/">');
    expect(await read(site.out, `${thoiSu(18).slice(1)}index.html`)).toContain('<p class="back"><a href="/2022/03/trang/1/">');
    expect(await listed('2021/index.html')).toEqual(['/2021/12/tin-khong-thuoc-chuyen-muc/']);
    expect(await read(site.out, '2022/03/index.html')).toContain('<h1 class="listing-title">Tháng 3/2022</h1>');
    // Articles keep their own pages beside the month's listing.
    expect(await read(site.out, `${thoiSu(1).slice(1)}index.html`)).toContain('<h1>Thời sự Quảng Ngãi số 1</h1>');
  });

  test('/luu-tru/ links every month with stories, grouped by year, newest first', async () => {
    const page = await read(site.out, 'luu-tru/index.html');
    const links = [...page.matchAll(/<a href="(\/\d{4}\/(?:\d{2}\/)?)">([^<]+)<\/a>/g)].map((m) => `${m[2]} ${m[1]}`);
    expect(links).toEqual(['Năm 2022 /2022/', 'Tháng 3/2022 /2022/03/', 'Tháng 2/2022 /2022/02/', 'Năm 2021 /2021/', 'Tháng 12/2021 /2021/12/']);
    expect(page).toContain('<a href="/2022/03/">Tháng 3/2022</a> <span class="count">(26 bài)</span>');
  });
});

describe('related stories', () => {
  test('every article lists 3 to 5 other stories that exist, never itself', async () => {
    const articles = pages.filter((file) => /^\d{4}\/\d{2}\/(?!trang\/)[^/]+\/index\.html$/.test(file));
    expect(articles).toHaveLength(28);
    for (const file of articles) {
      const block = /<aside class="related" aria-label="Tin liên quan">([\s\S]*?)<\/aside>/.exec(await read(site.out, file));
      expect(block, file).not.toBeNull();
      const links = [...block![1]!.matchAll(/<li><a href="([^"]+)">/g)].map((m) => m[1]!);
      expect(links.length, file).toBeGreaterThanOrEqual(3);
      expect(links.length, file).toBeLessThanOrEqual(5);
      expect(links, file).not.toContain(`/${file.replace(/index\.html$/, '')}`);
      for (const link of links) expect(existsSync(path.join(site.out, link, 'index.html')), link).toBe(true);
    }
  });

  test('stories of one section on one subject point at each other', async () => {
    const page = await read(site.out, `${thoiSu(5).slice(1)}index.html`);
    const block = /<aside class="related"[\s\S]*?<\/aside>/.exec(page)![0];
    expect(block).toMatch(/href="\/2022\/03\/thoi-su-quang-ngai-so-\d+\/"/);
  });
});

describe('news sitemap and robots', () => {
  test('the stories of the two days up to the newest story, in Google News form', async () => {
    const xml = await read(site.out, 'sitemap-news.xml');
    assertWellFormedXml(xml);
    expect(xml).toContain('xmlns:news="http://www.google.com/schemas/sitemap-news/0.9"');
    const locs = [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]);
    // Newest: 25/03 20:00. Within 48 hours: 25/03 09:00 and 24/03 09:00; not 23/03 08:00 (60 hours before).
    expect(locs).toEqual([
      `${SITE_URL}2022/03/bong-da-quang-ngai-thang-lon/`,
      `${SITE_URL}2022/03/mon-ngon-tu-ca-bong-song-tra/`,
      `${SITE_URL}2022/03/gia-toi-ly-son-tang-manh/`,
    ]);
    expect(xml).toContain(
      `<url><loc>${SITE_URL}2022/03/bong-da-quang-ngai-thang-lon/</loc><news:news><news:publication><news:name>Báo Quảng Ngãi</news:name><news:language>vi</news:language></news:publication><news:publication_date>2022-03-25T20:00:00+07:00</news:publication_date><news:title>Bóng đá Quảng Ngãi thắng lớn</news:title></news:news></url>`,
    );
  });

  test('robots.txt names both sitemaps; the sitemap lists the new pages', async () => {
    const robots = await read(site.out, 'robots.txt');
    expect(robots).toContain(`Sitemap: ${SITE_URL}sitemap.xml\n`);
    expect(robots).toContain(`Sitemap: ${SITE_URL}sitemap-news.xml\n`);
    const locs = [...(await read(site.out, 'sitemap.xml')).matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]);
    for (const page of ['thoi-su/', 'thoi-su/trang/2/', 'the-thao/', 'tac-gia/minh-anh/', 'tac-gia/phong-vien/trang/2/', '2022/', '2022/03/trang/2/', '2021/12/', 'luu-tru/', 'tim-kiem/']) {
      expect(locs).toContain(`${SITE_URL}${page}`);
    }
  });
});

describe('every page', () => {
  test('passes html-validate (recommended)', async () => {
    const validator = new HtmlValidate({ extends: ['html-validate:recommended'] });
    const problems: string[] = [];
    for (const file of pages) {
      const report = await validator.validateString(await read(site.out, file), file);
      for (const result of report.results) for (const m of result.messages) problems.push(`${file}:${m.line}:${m.column} ${m.ruleId}: ${m.message}`);
    }
    expect(problems).toEqual([]);
  });

  test('links only to pages and files of the build', async () => {
    const broken: string[] = [];
    for (const file of (await listFiles(site.out)).filter((f) => f.endsWith('.html') || f.endsWith('.xml'))) {
      for (const link of linkedUrls(await read(site.out, file))) {
        const local = link.startsWith(SITE_URL) ? `/${link.slice(SITE_URL.length)}` : link;
        if (!local.startsWith('/')) continue;
        const target = decodeURI(local.replace(/[#?].*$/, ''));
        if (!existsSync(path.join(site.out, target.endsWith('/') ? `${target}index.html` : target))) broken.push(`${file}: ${link}`);
      }
    }
    expect(broken).toEqual([]);
  });
});

describe('search index', () => {
  test('the build writes the Pagefind files the search page loads, without the unused ready-made interfaces', async () => {
    const files = (await listFiles(site.out)).filter((file) => file.startsWith('pagefind/'));
    expect(files).toContain('pagefind/indexes.json');
    // Pagefind's engine sits with the newest tier, the first index the search page opens.
    expect(files).toContain('pagefind/ngay/pagefind.js');
    expect(files.some((file) => /^pagefind\/(ngay|thang|nam|\d{4})\/fragment\//.test(file))).toBe(true);
    expect(files.filter((file) => /pagefind-(ui|modular-ui|component-ui|highlight)\./.test(file))).toEqual([]);
    const search = await read(site.out, 'tim-kiem/index.html');
    expect(search).toContain('<script type="module" src="/search.js"></script>');
    expect(search).toMatch(/<noscript><p class="search-status">Tìm kiếm cần bật JavaScript/);
    expect(await read(site.out, 'search.js')).toMatch(/^function foldVietnamese\(text\)/);
  });

  test('build --no-search writes the site without an index', async () => {
    const out = path.join(await mkdtemp(path.join(os.tmpdir(), 'toa-soan-no-search-')), '_site');
    const root = path.resolve(import.meta.dirname, '../..');
    await promisify(execFile)(path.join(root, 'node_modules/.bin/tsx'), ['src/cli.ts', 'build', '--content', content, '--output', out, '--no-search', '--quiet'], { cwd: root });
    expect(existsSync(path.join(out, 'tim-kiem/index.html'))).toBe(true);
    expect(existsSync(path.join(out, 'pagefind'))).toBe(false);
  });
});

describe('check', () => {
  test('warns, at line 1, about an article in a folder the section list lacks', async () => {
    const run = promisify(execFile);
    const root = path.resolve(import.meta.dirname, '../..');
    const { stdout } = await run(path.join(root, 'node_modules/.bin/tsx'), ['src/cli.ts', 'check', content], { cwd: root });
    const warnings = stdout.split('\n').filter((line) => line.includes('UNKNOWN_SECTION'));
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/am-thuc\/ca-bong\.txt:1: UNKNOWN_SECTION: Chuyên mục "am-thuc" không có trong templates\/_data\/sections\.json/);
  });
});
