/**
 * Search as a reader uses it: the fixtures plus a few stories written for it, built under /tin/ with the
 * Pagefind indexes, served by nginx, searched in Chromium by typing into /tin/tim-kiem/. Marks are optional
 * (`dang uy` finds `Đảng ủy`, `da nang` finds `Đà Nẵng`) and both tone placements find the same stories.
 * The archive spans years, so its index is cut into calendar tiers: a query searches the newest story's
 * month first, then the rest of its year, then earlier years, each by itself while fewer than 20 stories
 * are found, or on the button.
 */
import { readFileSync } from 'node:fs';
import { readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { AxeResults } from 'axe-core';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSite, fixtureContent, FIXTURES, freePort, launchBrowser, PREFIX, serveWithNginx, tempDir, type Browser, type StaticServer } from './harness.ts';

const AXE_SOURCE = readFileSync(join(dirname(createRequire(import.meta.url).resolve('axe-core')), 'axe.min.js'), 'utf8');
const seedStory = JSON.parse(readFileSync(join(FIXTURES, 'seed.expected.json'), 'utf8')) as { title: string; date: string; lead: string };
const seedTitle = seedStory.title;
/** The seed story's year and month, `2018/05`, as its address begins. */
const seedMonth = seedStory.date.slice(0, 7).replace('-', '/');

function story(title: string, when: string, lead: string): string {
  return `Cập nhật lúc: ${when} [GMT+7]

${title}

(Báo Quảng Ngãi)- ${lead}

Thân bài có một đoạn văn ngắn, viết bằng tiếng Việt có dấu, để trang bài có nội dung.

Bài: PHÓNG VIÊN
`;
}

/** Written for the search: `Đà Nẵng`, new-style `hoà` and `Uỷ ban`, old-style `hòa` and `Ủy ban`. */
const EXTRA = {
  'da-nang.txt': story('Quảng Ngãi và Đà Nẵng hợp tác phát triển du lịch', '09:00, 02/03/2020', 'Hai địa phương ký kết chương trình hợp tác về du lịch biển đảo.'),
  'hoa-moi.txt': story('Tổ hoà giải thôn An Hải làm tốt việc dân', '09:00, 03/03/2020', 'Những người làm công tác hoà giải ở cơ sở được bà con tin tưởng.'),
  'hoa-cu.txt': story('Giữ hòa khí trong xóm làng', '09:00, 04/03/2020', 'Bà con trong thôn cùng nhau giữ hòa khí, giúp nhau lúc khó khăn.'),
  'uy-moi.txt': story('Uỷ ban xã Bình Châu họp dân về đường ven biển', '09:00, 05/03/2020', 'Cuộc họp bàn việc mở rộng đường ven biển qua xã Bình Châu.'),
  'uy-cu.txt': story('Ủy ban huyện Lý Sơn tiếp dân định kỳ', '09:00, 06/03/2020', 'Lãnh đạo huyện đảo trực tiếp nghe ý kiến của người dân.'),
};

/** Newest story of the fixtures (08-giong-tieu-de-phu): the day of the `ngay` tier. */
const NEWEST_YEAR = 2024;
/**
 * A short story about Sa Huỳnh, in words chosen not to match the other tests' queries: Pagefind matches
 * every query word as a prefix and without marks, and words with `đ` are indexed folded too.
 */
function seaStory(title: string, when: string, lead: string): string {
  return `Cập nhật lúc: ${when} [GMT+7]\n\n${title}\n\n${lead}\n\nMẻ cá lớn, giá tốt, ngư phủ vui.\n\nTin: MINH ANH\n`;
}
/**
 * Twenty-five stories of the newest year about Sa Huỳnh, twenty in the newest story's month (`thang`),
 * five earlier in the year (`nam`): enough that a search for it stays within the month by itself.
 */
const RECENT_SA_HUYNH = Object.fromEntries(
  Array.from({ length: 25 }, (_, i) => {
    const when = i < 20 ? `07:00, ${String(i + 1).padStart(2, '0')}/09/2024` : `07:00, ${String(i - 19).padStart(2, '0')}/08/2024`;
    return [`sa-huynh-${String(i + 1).padStart(2, '0')}.txt`, seaStory(`Ngư phủ Sa Huỳnh về bến, chuyến thứ ${i + 1}`, when, `Thuyền cá Sa Huỳnh cập cảng sau chuyến biển thứ ${i + 1}.`)];
  }),
);
/** The older story: the year before the newest, about Sa Huỳnh above all. */
const OLD_SA_HUYNH_TITLE = 'Sa Huỳnh: làng muối Sa Huỳnh vào mùa';
const OLD_SA_HUYNH = {
  'sa-huynh-cu.txt': seaStory(OLD_SA_HUYNH_TITLE, '07:00, 10/06/2023', 'Người làm muối Sa Huỳnh phơi muối; muối Sa Huỳnh lên giá, cả làng Sa Huỳnh vui.'),
};

interface Result {
  title: string;
  href: string;
  date: string;
  excerpt: string;
}

/** The status line once a search is done: `Tìm thấy 3 bài có “q” trong tháng 9/2024.`, `… trong năm 2024.` or `… từ năm 2019 đến năm 2024…`. */
const done = (query: string) =>
  new RegExp(`^(Tìm thấy \\d+ bài|Không tìm thấy bài nào) có “${query}” (trong tháng \\d{1,2}/\\d{4}|trong năm \\d{4}|từ năm \\d{4} đến năm \\d{4})[.;]`);

/** Types `query` into the search box, as a reader does, and reads the results once the status says how many. */
async function typeQuery(page: Page, query: string): Promise<Result[]> {
  await page.locator('#tu-khoa').fill(query);
  await expect.poll(() => page.locator('#trang-thai').innerText(), { timeout: 20_000 }).toMatch(done(query));
  return results(page);
}

function results(page: Page): Promise<Result[]> {
  return page.locator('#ket-qua > li').evaluateAll((items) =>
    items.map((item) => ({
      title: item.querySelector('h2 a')?.textContent ?? '',
      href: item.querySelector('h2 a')?.getAttribute('href') ?? '',
      date: item.querySelector('.meta')?.textContent ?? '',
      excerpt: item.querySelector('.excerpt')?.textContent ?? '',
    })),
  );
}

describe('search under /tin/', () => {
  let content: string;
  let siteDir: string;
  let server: StaticServer;
  let browser: Browser;
  let searchPage: string;

  beforeAll(async () => {
    content = await fixtureContent();
    for (const [name, text] of Object.entries({ ...EXTRA, ...RECENT_SA_HUYNH, ...OLD_SA_HUYNH })) await writeFile(join(content, name), text);
    siteDir = join(await tempDir('search-site'), '_site');
    const port = await freePort();
    await buildSite(content, siteDir, PREFIX, `http://127.0.0.1:${port}/`);
    server = await serveWithNginx(siteDir, port);
    browser = await launchBrowser();
    searchPage = `${server.origin}${PREFIX}tim-kiem/`;
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    if (content) await rm(content, { recursive: true, force: true });
    if (siteDir) await rm(join(siteDir, '..'), { recursive: true, force: true });
  });

  async function openSearch(): Promise<{ page: Page; scripts: string[]; failed: string[] }> {
    const page = await browser.context.newPage();
    const scripts: string[] = [];
    const failed: string[] = [];
    page.on('request', (request) => {
      if (request.resourceType() === 'script') scripts.push(request.url());
    });
    page.on('response', (response) => {
      if (response.status() >= 400) failed.push(`${response.url()} (${response.status()})`);
    });
    await page.goto(searchPage);
    return { page, scripts, failed };
  }

  it('the build wrote one index per calendar tier: the newest day, month and year, then each earlier year; the day and month are searched together', async () => {
    // The year of each story: its override's `date:` if any, else its time line's.
    const dates = (await readdir(content)).map((name) => {
      const text = readFileSync(join(content, name), 'utf8');
      return (/^date: (\d{4})/m.exec(text) ?? /Cập nhật lúc: [^\n]*?\/(\d{4})/.exec(text))?.[1];
    });
    const earlier = [...new Set(dates.filter((year) => year && Number(year) < NEWEST_YEAR))].sort().reverse();
    expect(earlier).toContain('2015');
    expect(JSON.parse(await readFile(join(siteDir, 'pagefind/indexes.json'), 'utf8'))).toEqual({
      scopes: [
        { folders: ['ngay/', 'thang/'], year: NEWEST_YEAR, month: 9 },
        { folders: ['nam/'], year: NEWEST_YEAR, month: null },
        ...earlier.map((year) => ({ folders: [`${year}/`], year: Number(year), month: null })),
      ],
    });
    expect((await readdir(join(siteDir, 'pagefind'))).sort()).toEqual([...earlier, 'indexes.json', 'nam', 'ngay', 'thang'].sort());
  });

  it('opened without a query, the page asks for words, fetches no index and throws no error', async () => {
    const page = await browser.context.newPage();
    const errors: string[] = [];
    const fetched: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('request', (request) => fetched.push(request.url()));
    await page.goto(searchPage);
    await expect.poll(() => page.locator('#trang-thai').innerText(), { timeout: 20_000 }).toBe('Gõ từ cần tìm, có dấu hay không dấu đều được.');
    expect(errors).toEqual([]);
    expect(fetched.filter((url) => url.includes('/pagefind/'))).toEqual([]);
    expect(await page.locator('#nam-truoc').isHidden()).toBe(true);
    await page.close();
  });

  it('on a phone the footer starts below the first screen, so results arriving move nothing in view', async () => {
    const page = await browser.context.newPage();
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(searchPage);
    const footerTop = () => page.locator('footer.site-footer').evaluate((footer) => footer.getBoundingClientRect().top);
    expect(await footerTop()).toBeGreaterThanOrEqual(844);
    await typeQuery(page, 'quang ngai');
    expect(await footerTop()).toBeGreaterThanOrEqual(844);
    await page.close();
  });

  it('typing "dang uy" lists the seed story (Đảng ủy), linked under the prefix, with its date and lead', async () => {
    const { page, scripts, failed } = await openSearch();
    const results = await typeQuery(page, 'dang uy');
    const seed = results.find((result) => result.title === seedTitle);
    expect(seed, JSON.stringify(results)).toBeDefined();
    expect(seed!.href).toMatch(new RegExp(`^/tin/${seedMonth}/[^/]+/$`));
    expect(seed!.date).toBe('20/05/2018 08:45');
    // Fewer than 20 stories in the newest year: earlier years were searched by themselves, as far as 2018 at least.
    expect(await page.locator('#trang-thai').innerText()).toMatch(new RegExp(`từ năm 201[5-8] đến năm ${NEWEST_YEAR}`));
    // The lead, not Pagefind's excerpt, which could quote the folded words the index holds.
    expect(seed!.excerpt.startsWith(seedStory.lead.slice(0, 60))).toBe(true);
    expect(failed).toEqual([]);
    expect(scripts.every((url) => url.startsWith(`${server.origin}${PREFIX}`)), scripts.join('\n')).toBe(true);
    expect(scripts).toContain(`${server.origin}${PREFIX}pagefind/ngay/pagefind.js`);

    await page.getByRole('link', { name: seedTitle, exact: true }).click();
    await page.waitForURL(new RegExp(`/tin/${seedMonth}/[^/]+/$`));
    expect(await page.locator('h1').innerText()).toBe(seedTitle);
    await page.close();
  });

  it('a query searches the newest month first; the button adds the rest of the year, then the year before, and finds its story', async () => {
    const { page } = await openSearch();
    const fetched: string[] = [];
    page.on('request', (request) => fetched.push(new URL(request.url()).pathname));
    const month = await typeQuery(page, 'sa huynh');
    expect(month).toHaveLength(20);
    for (const result of month) expect(result.href).toMatch(new RegExp(`^/tin/${NEWEST_YEAR}/09/`));
    const before = new RegExp(`^Tìm thấy (\\d+) bài có “sa huynh” trong tháng 9/${NEWEST_YEAR}[.;]`).exec(await page.locator('#trang-thai').innerText());
    expect(Number(before?.[1])).toBeGreaterThanOrEqual(20);
    // One month's index only: neither the rest of the year nor an earlier year was fetched.
    expect(fetched.filter((url) => /\/pagefind\/(nam|\d{4})\//.test(url))).toEqual([]);

    await page.getByRole('button', { name: `Tìm thêm trong cả năm ${NEWEST_YEAR}` }).click();
    await expect.poll(() => page.locator('#trang-thai').innerText(), { timeout: 20_000 }).toMatch(`trong năm ${NEWEST_YEAR}; đây là 20 bài khớp nhất.`);
    const year = /^Tìm thấy (\d+) bài/.exec(await page.locator('#trang-thai').innerText());
    // The five stories of August.
    expect(Number(year?.[1])).toBe(Number(before?.[1]) + 5);
    expect(fetched.some((url) => url.startsWith(`${PREFIX}pagefind/nam/`))).toBe(true);
    expect(fetched.filter((url) => url.startsWith(`${PREFIX}pagefind/2`))).toEqual([]);

    await page.getByRole('button', { name: 'Tìm thêm trong năm 2023' }).click();
    await expect.poll(() => page.locator('#trang-thai').innerText(), { timeout: 20_000 }).toMatch(`từ năm 2023 đến năm ${NEWEST_YEAR}; đây là 20 bài khớp nhất.`);
    const after = /^Tìm thấy (\d+) bài/.exec(await page.locator('#trang-thai').innerText());
    expect(Number(after?.[1])).toBeGreaterThan(Number(year?.[1]));
    const merged = await results(page);
    expect(merged.map((result) => result.title)).toContain(OLD_SA_HUYNH_TITLE);
    // Each index merged once: a story listed twice would mean a tier merged twice.
    expect(new Set(merged.map((result) => result.href)).size).toBe(merged.length);
    expect(fetched.some((url) => url.startsWith(`${PREFIX}pagefind/2023/`))).toBe(true);
    expect(fetched.some((url) => url.startsWith(`${PREFIX}pagefind/2022/`))).toBe(false);
    // The same button, now for the year before, keeps the focus.
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('Tìm thêm trong năm 2022');
    await page.close();
  });

  it('"da nang" finds the Đà Nẵng story, as does "Đà Nẵng"', async () => {
    const { page } = await openSearch();
    const plain = await typeQuery(page, 'da nang');
    expect(plain.map((result) => result.title)).toContain('Quảng Ngãi và Đà Nẵng hợp tác phát triển du lịch');
    expect(await typeQuery(page, 'Đà Nẵng')).toEqual(plain);
    await page.close();
  });

  it('"hoà" and "hòa" give the same stories, written either way', async () => {
    const { page } = await openSearch();
    const newStyle = await typeQuery(page, 'hoà');
    const titles = newStyle.map((result) => result.title);
    expect(titles).toContain('Tổ hoà giải thôn An Hải làm tốt việc dân');
    expect(titles).toContain('Giữ hòa khí trong xóm làng');
    expect(await typeQuery(page, 'hòa')).toEqual(newStyle);
    await page.close();
  });

  it('"uỷ" and "ủy" give the same stories, written either way', async () => {
    const { page } = await openSearch();
    const newStyle = await typeQuery(page, 'uỷ ban');
    const titles = newStyle.map((result) => result.title);
    expect(titles).toContain('Uỷ ban xã Bình Châu họp dân về đường ven biển');
    expect(titles).toContain('Ủy ban huyện Lý Sơn tiếp dân định kỳ');
    expect(await typeQuery(page, 'ủy ban')).toEqual(newStyle);
    await page.close();
  });

  it('a query nothing matches says so', async () => {
    const { page } = await openSearch();
    expect(await typeQuery(page, 'xyzkhongco')).toEqual([]);
    // Every earlier year was searched by itself, back to the oldest story's.
    expect(await page.locator('#trang-thai').innerText()).toBe(`Không tìm thấy bài nào có “xyzkhongco” từ năm 2015 đến năm ${NEWEST_YEAR}.`);
    await expect.poll(() => page.locator('#nam-truoc').isHidden()).toBe(true);
    await page.close();
  });

  it('an address with ?q= (the form sent without typing) shows its results', async () => {
    const page = await browser.context.newPage();
    await page.goto(`${searchPage}?q=${encodeURIComponent('đà nẵng')}`);
    expect(await page.locator('#tu-khoa').inputValue()).toBe('đà nẵng');
    await expect.poll(() => page.locator('#ket-qua h2 a').allInnerTexts()).toContain('Quảng Ngãi và Đà Nẵng hợp tác phát triển du lịch');
    await page.close();
  });

  it('only article pages are in the index: words listings repeat find articles alone', async () => {
    const { page } = await openSearch();
    for (const query of ['quang ngai', 'tin ngan']) {
      const results = await typeQuery(page, query);
      expect(results.length, query).toBeGreaterThan(3);
      for (const result of results) expect(result.href, query).toMatch(/^\/tin\/\d{4}\/\d{2}\/[^/]+\/$/);
    }
    await page.close();
  });

  it('the search page with results and the earlier-years button has no axe-core violations', async () => {
    const { page } = await openSearch();
    await typeQuery(page, 'sa huynh');
    await expect.poll(() => page.locator('#nam-truoc').isVisible()).toBe(true);
    await page.addScriptTag({ content: AXE_SOURCE });
    const results = await page.evaluate(() => (window as unknown as { axe: { run(): Promise<AxeResults> } }).axe.run());
    expect(results.passes.length).toBeGreaterThan(0);
    expect(results.violations.map((v) => `${v.id}: ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
    await page.close();
  });
});
