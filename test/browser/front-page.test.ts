/**
 * The front page, a section and a topic as a reader meets them on a phone (390 px) and a laptop (1280 px),
 * served by nginx under /tin/ and read in Chromium: the lead story's photo in the first screen, nothing
 * scrolling sideways, nothing moving while photos load, the section menu usable without JavaScript,
 * axe-core without violations, and the paper's icons found under the prefix. Screenshots of each page
 * are saved in a temporary folder whose path the test prints.
 */
import { readFileSync } from 'node:fs';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { AxeResults } from 'axe-core';
import type { Page } from 'playwright-core';
import { gzipSync } from 'node:zlib';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSite, freePort, launchBrowser, PREFIX, ROOT, serveWithNginx, tempDir, type Browser, type StaticServer } from './harness.ts';

const AXE_SOURCE = readFileSync(join(dirname(createRequire(import.meta.url).resolve('axe-core')), 'axe.min.js'), 'utf8');
const SCREENS = [
  { name: 'phone', width: 390, height: 844 },
  { name: 'laptop', width: 1280, height: 800 },
] as const;
const PAGES = { home: '', section: 'thoi-su/', topic: 'chu-de/bao-so-4/' } as const;
/** Enough sections for the masthead's menu to be long: on a phone it must fold, not run off the screen. */
const SECTIONS = ['thoi-su', 'chinh-tri', 'kinh-te', 'nong-nghiep', 'xa-hoi', 'giao-duc', 'y-te', 'van-hoa', 'du-lich', 'the-thao', 'phap-luat', 'bien-dao'];

function story(n: number, photo: boolean, tags: readonly string[]): string {
  const caption = `Ảnh của bản tin số ${n} ở Quảng Ngãi.`;
  return [
    ...(tags.length > 0 ? ['---', 'tags:', ...tags.map((tag) => `  - ${tag}`), '---'] : []),
    `Cập nhật lúc: 08:${String(n % 60).padStart(2, '0')}, ${String(1 + (n % 28)).padStart(2, '0')}/09/2024 [GMT+7]`,
    '',
    `Bản tin số ${n} của báo về đời sống ở Quảng Ngãi`,
    '',
    `(Báo Quảng Ngãi)- Bản tin số ${n}: người dân xã Tịnh Khê chuẩn bị mùa vụ mới, nước về đồng sớm hơn mọi năm.`,
    '',
    `Đoạn thân bài của tin số ${n}, kể chuyện bà con ra đồng từ sáng sớm.`,
    ...(photo ? ['', caption, caption] : []),
    '',
    'Tin: MINH ANH',
    '',
  ].join('\n');
}

let content: string;
let siteDir: string;
let server: StaticServer;
let browser: Browser;
let home: string;
/** Kept after the run (CI uploads the folder), beside the other browser tests' screenshots. */
const screenshots = join(ROOT, 'test-artifacts/screenshots');

beforeAll(async () => {
  content = await tempDir('front-content');
  for (const [i, section] of SECTIONS.entries()) {
    await mkdir(join(content, section));
    for (let k = 0; k < 3; k++) {
      const n = i * 3 + k;
      const photo = k !== 1;
      const file = join(content, section, `tin-${n}.txt`);
      await writeFile(file, story(n, photo, k === 0 ? ['Bão số 4'] : []));
      if (photo) {
        const size = k === 2 ? { width: 900, height: 1200 } : { width: 1600, height: 1000 };
        await sharp({ create: { ...size, channels: 3, background: { r: 30 + n * 5, g: 110, b: 160 } } }).jpeg().toFile(file.replace(/\.txt$/, '-1.jpg'));
      }
    }
  }
  siteDir = join(await tempDir('front-site'), '_site');
  await mkdir(screenshots, { recursive: true });
  const port = await freePort();
  await buildSite(content, siteDir, PREFIX, `http://127.0.0.1:${port}/`);
  server = await serveWithNginx(siteDir, port);
  browser = await launchBrowser();
  home = `${server.origin}${PREFIX}`;
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  if (content) await rm(content, { recursive: true, force: true });
  if (siteDir) await rm(join(siteDir, '..'), { recursive: true, force: true });
});

/** Opens `path` at `screen` and waits until every image the page fetched has loaded, recording layout shifts from the start. */
async function open(path: string, screen: (typeof SCREENS)[number]): Promise<{ page: Page; failed: string[] }> {
  const page = await browser.context.newPage();
  const failed: string[] = [];
  page.on('response', (response) => {
    if (response.status() >= 400) failed.push(`${response.status()} ${response.url()}`);
  });
  await page.setViewportSize({ width: screen.width, height: screen.height });
  await page.addInitScript(() => {
    const shifts: number[] = [];
    (window as unknown as { shifts: number[] }).shifts = shifts;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) shifts.push((entry as unknown as { value: number }).value);
    }).observe({ type: 'layout-shift', buffered: true });
  });
  await page.goto(`${home}${path}`, { waitUntil: 'networkidle', timeout: 60_000 });
  return { page, failed };
}

describe.each(SCREENS)('the front page, a section and a topic on a $name ($width px)', (screen) => {
  it.each(Object.entries(PAGES))('%s: lead photo in the first screen, no sideways scroll, no layout shift, no failed request', async (name, path) => {
    const { page, failed } = await open(path, screen);
    const lead = await page.evaluate(() => {
      const img = document.querySelector<HTMLImageElement>('.lead-story .lead-photo img');
      if (!img) return null;
      const box = img.getBoundingClientRect();
      return { top: box.top, bottom: box.bottom, width: box.width, loaded: img.complete && img.naturalWidth > 0 };
    });
    expect(lead, 'the page opens with a lead story that has a photo').not.toBeNull();
    expect(lead!.loaded).toBe(true);
    expect(lead!.top).toBeGreaterThanOrEqual(0);
    expect(lead!.bottom).toBeLessThanOrEqual(screen.height);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(screen.width);
    // Scrolled to each photo in turn, the lazy thumbnails load too; none of them may move anything.
    await page.evaluate(async () => {
      for (const img of Array.from(document.images)) {
        img.scrollIntoView();
        if (!img.complete) await new Promise((done) => ['load', 'error'].forEach((event) => img.addEventListener(event, done, { once: true })));
      }
    });
    expect(await page.evaluate(() => (window as unknown as { shifts: number[] }).shifts.reduce((sum, value) => sum + value, 0))).toBe(0);
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: join(screenshots, `${name}-${screen.width}.png`), fullPage: true });
    expect(failed).toEqual([]);
    await page.close();
  });

  it('thumbnails are drawn at the size they declare, their files from the 640-px set', async () => {
    const { page } = await open(PAGES.home, screen);
    const thumbs = await page.evaluate(() =>
      Array.from(document.querySelectorAll<HTMLImageElement>('.thumb img')).map((img) => ({ width: img.getBoundingClientRect().width, alt: img.alt })),
    );
    expect(thumbs.length).toBeGreaterThan(0);
    for (const thumb of thumbs) {
      expect(thumb.alt).toBe('');
      expect(thumb.width).toBeGreaterThan(100);
      expect(thumb.width).toBeLessThanOrEqual(170);
    }
    await page.close();
  });

  it('axe-core finds no violation on the front page', async () => {
    const { page } = await open(PAGES.home, screen);
    await page.addScriptTag({ content: AXE_SOURCE });
    const results = await page.evaluate(() => (window as unknown as { axe: { run(): Promise<AxeResults> } }).axe.run());
    expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
    await page.close();
  });
});

describe('budgets of the front page', () => {
  it('HTML and CSS within 40 KB compressed, the photos a 390 px phone fetches within 250 KB', async () => {
    const compressed = ['index.html', 'style.css'].reduce((sum, file) => sum + gzipSync(readFileSync(join(siteDir, file))).length, 0);
    expect(compressed).toBeLessThanOrEqual(40 * 1024);
    const page = await browser.context.newPage();
    const images: Promise<number>[] = [];
    page.on('response', (response) => {
      if (response.request().resourceType() === 'image') images.push(response.body().then((body) => body.length));
    });
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(home, { waitUntil: 'networkidle', timeout: 60_000 });
    const bytes = (await Promise.all(images)).reduce((sum, size) => sum + size, 0);
    expect(images.length).toBeGreaterThan(0);
    expect(bytes).toBeLessThanOrEqual(250 * 1024);
    await page.close();
  });
});

describe('the masthead', () => {
  it('on a phone the sections fold into a menu that opens without JavaScript and fits the screen', async () => {
    const page = await browser.context.newPage();
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(home, { waitUntil: 'load' });
    const link = page.locator('nav.sections a', { hasText: 'Biển đảo' });
    expect(await link.isVisible()).toBe(false);
    await page.locator('.menu summary').click();
    expect(await link.isVisible()).toBe(true);
    const box = await link.boundingBox();
    expect(box!.x + box!.width).toBeLessThanOrEqual(390);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await link.click();
    await page.waitForURL(`${home}bien-dao/`);
    await page.close();
  });

  it('on a laptop every section is in view without opening anything, and the paper has its icons', async () => {
    const page = await browser.context.newPage();
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.goto(home, { waitUntil: 'load' });
    expect(await page.locator('.menu summary').isVisible()).toBe(false);
    expect(await page.locator('nav.sections a', { hasText: 'Biển đảo' }).isVisible()).toBe(true);
    const icons = await page.evaluate(() => Array.from(document.querySelectorAll<HTMLLinkElement>('link[rel~="icon"], link[rel="apple-touch-icon"], link[rel="manifest"]')).map((link) => link.href));
    expect(icons).toHaveLength(3);
    for (const icon of icons) {
      expect(icon.startsWith(home)).toBe(true);
      expect((await fetch(icon)).status).toBe(200);
    }
    // Masthead, content and footer share one frame: the footer is neither narrower nor indented.
    const [main, footer] = await page.evaluate(() => ['main', '.site-footer'].map((selector) => {
      const box = document.querySelector(selector)!.getBoundingClientRect();
      return { left: box.left, width: box.width };
    }));
    expect(footer).toEqual(main);
    await page.close();
  });
});
