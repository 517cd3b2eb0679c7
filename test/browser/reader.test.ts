/**
 * A reader's visit: the fixtures built under /tin/, served by nginx, read with Chromium.
 * Fails (never skips) when Chromium or nginx is missing; see harness.ts.
 */
import { readFileSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publishableFixtureFiles } from '../fixtures.ts';
import { EXTRA_ARTICLES, FIXTURES, openReaderSite, ROOT, type ReaderSite } from './harness.ts';

const SCREENSHOTS = join(ROOT, 'test-artifacts/screenshots');
const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 900 };

interface Expected {
  title: string;
  author: string;
  headings: string[];
  captions: string[];
}
const seed = JSON.parse(readFileSync(join(FIXTURES, 'seed.expected.json'), 'utf8')) as Expected;

let site: ReaderSite;

beforeAll(async () => {
  site = await openReaderSite();
  await mkdir(SCREENSHOTS, { recursive: true });
});

afterAll(async () => {
  await site?.close();
});

/** A fresh tab that records what it fetched: scripts, and anything that failed or answered 4xx/5xx. */
async function openTab(viewport = DESKTOP): Promise<{ page: Page; scripts: string[]; broken: string[] }> {
  const page = await site.browser.context.newPage();
  await page.setViewportSize(viewport);
  const scripts: string[] = [];
  const broken: string[] = [];
  page.on('request', (request) => {
    if (request.resourceType() === 'script') scripts.push(request.url());
  });
  page.on('requestfailed', (request) => broken.push(`${request.url()} (${request.failure()?.errorText})`));
  page.on('response', (response) => {
    if (response.status() >= 400 && !response.url().includes('/khong-co-')) broken.push(`${response.url()} (${response.status()})`);
  });
  return { page, scripts, broken };
}

async function scrollWidth(page: Page): Promise<number> {
  return page.evaluate(() => document.scrollingElement!.scrollWidth);
}

async function storyTitles(page: Page): Promise<string[]> {
  return page.locator('main ol li h2').allInnerTexts();
}

/** Every headline on the front page: the lead, the top stories, "Tin mới" and the section blocks. */
async function frontHeadlines(page: Page): Promise<string[]> {
  return page.locator('main .story-title, main .latest a, main .headline a').allInnerTexts();
}

describe('a reader on the site served under /tin/', () => {
  it('opens the listing and follows a story link to the article', async () => {
    const { page, scripts, broken } = await openTab();
    const response = await page.goto(site.home);
    expect(response?.status()).toBe(200);
    expect(await page.locator('html').getAttribute('lang')).toBe('vi');

    await page.getByRole('link', { name: seed.title, exact: true }).click();
    await page.waitForURL(/\/tin\/2018\/05\/[^/]+\/$/);

    await expect.poll(() => page.locator('h1').innerText()).toBe(seed.title);
    expect(await page.locator('time').first().innerText()).toContain('Chủ Nhật, 20/05/2018, 08:45');
    expect(await page.locator('main article h2').allInnerTexts()).toEqual(seed.headings);
    expect(await page.locator('figure > figcaption').allInnerTexts()).toEqual(seed.captions);
    expect(await page.locator('main').innerText()).toContain(seed.author);
    expect(scripts, 'no JavaScript is fetched').toEqual([]);
    expect(broken, 'every link and asset the pages load answers').toEqual([]);
    await page.close();
  });

  it('pages from the front page through the numbered pages to the oldest story, and back to the newest', async () => {
    const { page, broken } = await openTab();
    await page.goto(site.home);
    const front = await frontHeadlines(page);

    // The front page leads to the newest numbered page; each leads to the next older until /trang/1/, the oldest.
    const numbered: string[] = [];
    let next = page.locator('a[rel="next"]');
    while ((await next.count()) > 0) {
      await next.click();
      await page.waitForURL(/\/tin\/trang\/\d+\/$/);
      numbered.push(...(await storyTitles(page)));
      next = page.locator('a[rel="next"]');
    }
    expect(page.url()).toBe(`${site.home}trang/1/`);
    // The newest story is on the front page, and first on the newest numbered page.
    expect(front).toContain(numbered[0]);
    // Every generated story and every fixture but the rejected ones appears on exactly one numbered page.
    expect(new Set(numbered).size).toBe(numbered.length);
    expect(numbered.length).toBe(publishableFixtureFiles().length + EXTRA_ARTICLES);

    await page.locator('a[rel="prev"]').click();
    await page.waitForURL(/\/tin\/trang\/2\/$/);
    await page.getByRole('link', { name: 'Tin mới nhất', exact: true }).click();
    await page.waitForURL(site.home);
    expect(await frontHeadlines(page)).toEqual(front);
    expect(broken).toEqual([]);
    await page.close();
  });

  it('a missing address answers 404 with the site’s own “not found” page', async () => {
    const { page } = await openTab();
    const response = await page.goto(`${site.home}khong-co-trang-nay/`);
    expect(response?.status()).toBe(404);
    expect(await page.locator('h1').innerText()).toBe('Không tìm thấy trang');
    await page.getByRole('link', { name: 'Về trang chủ để đọc tin mới nhất' }).click();
    await page.waitForURL(site.home);
    expect(await frontHeadlines(page)).toContain(seed.title);
    await page.close();
  });

  it('nothing scrolls sideways on a 390 px wide phone (listing, page 2, article, 404)', async () => {
    const { page } = await openTab(PHONE);
    const article = await articleUrl(page);
    for (const url of [site.home, `${site.home}trang/2/`, article, `${site.home}khong-co-trang-nay/`]) {
      await page.goto(url);
      expect(await scrollWidth(page), url).toBeLessThanOrEqual(PHONE.width);
    }
    await page.close();
  });

  it('serves HTML, the feed and the sitemap with their types and UTF-8', async () => {
    const { page } = await openTab();
    await page.goto(site.home);
    const feedHref = await page.locator('link[rel="alternate"][type="application/atom+xml"]').getAttribute('href');
    expect(feedHref).toBeTruthy();
    await page.close();
    const robots = await (await fetch(`${site.home}robots.txt`)).text();
    const sitemap = /^Sitemap:\s*(\S+)/m.exec(robots)?.[1];
    expect(sitemap, robots).toBeTruthy();

    const html = await fetch(site.home);
    expect(html.headers.get('content-type')).toBe('text/html; charset=utf-8');
    for (const url of [new URL(feedHref!, site.home).href, sitemap!]) {
      const response = await fetch(url);
      expect(response.status, url).toBe(200);
      expect(response.headers.get('content-type'), url).toMatch(/^(text|application)\/(atom\+)?xml; charset=utf-8$/);
      expect(await response.text(), url).toMatch(/^<\?xml version="1.0" encoding="utf-8"\?>/i);
    }
  });

  it('pages carry no JavaScript to run (structured data aside)', async () => {
    const { page, scripts } = await openTab();
    for (const url of [site.home, await articleUrl(page)]) {
      await page.goto(url);
      const runnable = await page.locator('script:not([type="application/ld+json"])').count();
      expect(runnable, url).toBe(0);
    }
    expect(scripts).toEqual([]);
    await page.close();
  });

  it('a keyboard reader skips the masthead with the first Tab', async () => {
    const { page } = await openTab();
    await page.goto(await articleUrl(page));
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Bỏ qua, đến nội dung chính');
    await page.keyboard.press('Enter');
    // The jump to the fragment is a navigation the page reports after the key press returns.
    await expect.poll(() => new URL(page.url()).hash).toBe('#noi-dung');
    expect(await page.locator(':target').evaluate((element) => element.tagName)).toBe('MAIN');
    await page.close();
  });

  it('saves screenshots of the listing and an article, phone and desktop', async () => {
    const { page } = await openTab();
    const article = await articleUrl(page);
    for (const [device, viewport] of [['phone', PHONE], ['desktop', DESKTOP]] as const) {
      await page.setViewportSize(viewport);
      for (const [name, url] of [['listing', site.home], ['article', article]] as const) {
        await page.goto(url);
        const file = join(SCREENSHOTS, `${name}-${device}.png`);
        const png = await page.screenshot({ path: file, fullPage: true });
        expect(png.subarray(1, 4).toString()).toBe('PNG');
      }
    }
    await page.close();
  });
});

/** The seed story's address, as the listing links to it. */
async function articleUrl(page: Page): Promise<string> {
  await page.goto(site.home);
  const href = await page.getByRole('link', { name: seed.title, exact: true }).getAttribute('href');
  return new URL(href!, site.home).href;
}
