/**
 * Search as a reader uses it: the fixtures plus a few stories written for it, built under /tin/ with the
 * Pagefind index, served by nginx, searched in Chromium by typing into /tin/tim-kiem/. Marks are optional
 * (`dang uy` finds `Đảng ủy`, `da nang` finds `Đà Nẵng`) and both tone placements find the same stories.
 * Everything runs twice: with the one index a small site gets, and with the site's articles shared out
 * among several indexes of 10 (as a big archive's are), which the search page merges.
 */
import { readFileSync } from 'node:fs';
import { readFile, rm, writeFile } from 'node:fs/promises';
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

interface Result {
  title: string;
  href: string;
  date: string;
  excerpt: string;
}

/** Types `query` into the search box, as a reader does, and reads the results once the status says how many. */
async function typeQuery(page: Page, query: string): Promise<Result[]> {
  await page.locator('#tu-khoa').fill(query);
  await expect.poll(() => page.locator('#trang-thai').innerText()).toMatch(new RegExp(`(Tìm thấy \\d+ bài|Không tìm thấy bài nào) có “${query}”`));
  return page.locator('#ket-qua > li').evaluateAll((items) =>
    items.map((item) => ({
      title: item.querySelector('h2 a')?.textContent ?? '',
      href: item.querySelector('h2 a')?.getAttribute('href') ?? '',
      date: item.querySelector('.meta')?.textContent ?? '',
      excerpt: item.querySelector('.excerpt')?.textContent ?? '',
    })),
  );
}

describe.each([
  { label: 'one index', shardSize: undefined },
  { label: 'indexes of 10 articles, merged', shardSize: '10' },
])('search under /tin/ ($label)', ({ shardSize }) => {
  let content: string;
  let siteDir: string;
  let server: StaticServer;
  let browser: Browser;
  let searchPage: string;

  beforeAll(async () => {
    content = await fixtureContent();
    for (const [name, text] of Object.entries(EXTRA)) await writeFile(join(content, name), text);
    siteDir = join(await tempDir('search-site'), '_site');
    const port = await freePort();
    // The build command is a child process: it reads the shard size from the environment it inherits.
    if (shardSize) process.env.TOA_SOAN_SEARCH_SHARD_SIZE = shardSize;
    try {
      await buildSite(content, siteDir, PREFIX, `http://127.0.0.1:${port}/`);
    } finally {
      delete process.env.TOA_SOAN_SEARCH_SHARD_SIZE;
    }
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

  it('the build wrote as many indexes as asked', async () => {
    const merged = JSON.parse(await readFile(join(siteDir, 'pagefind/indexes.json'), 'utf8')) as string[];
    if (shardSize) expect(merged.length).toBeGreaterThanOrEqual(3);
    else expect(merged).toEqual([]);
  });

  it('typing "dang uy" lists the seed story (Đảng ủy), linked under the prefix, with its date and lead', async () => {
    const { page, scripts, failed } = await openSearch();
    const results = await typeQuery(page, 'dang uy');
    const seed = results.find((result) => result.title === seedTitle);
    expect(seed, JSON.stringify(results)).toBeDefined();
    expect(seed!.href).toMatch(new RegExp(`^/tin/${seedMonth}/[^/]+/$`));
    expect(seed!.date).toBe('20/05/2018 08:45');
    // The lead, not Pagefind's excerpt, which could quote the folded words the index holds.
    expect(seed!.excerpt.startsWith(seedStory.lead.slice(0, 60))).toBe(true);
    expect(failed).toEqual([]);
    expect(scripts.every((url) => url.startsWith(`${server.origin}${PREFIX}`)), scripts.join('\n')).toBe(true);
    expect(scripts).toContain(`${server.origin}${PREFIX}pagefind/pagefind.js`);

    await page.getByRole('link', { name: seedTitle, exact: true }).click();
    await page.waitForURL(new RegExp(`/tin/${seedMonth}/[^/]+/$`));
    expect(await page.locator('h1').innerText()).toBe(seedTitle);
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
    expect(await page.locator('#trang-thai').innerText()).toBe('Không tìm thấy bài nào có “xyzkhongco”.');
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

  it('the search page with results has no axe-core violations', async () => {
    const { page } = await openSearch();
    await typeQuery(page, 'dang uy');
    await page.addScriptTag({ content: AXE_SOURCE });
    const results = await page.evaluate(() => (window as unknown as { axe: { run(): Promise<AxeResults> } }).axe.run());
    expect(results.passes.length).toBeGreaterThan(0);
    expect(results.violations.map((v) => `${v.id}: ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
    await page.close();
  });
});
