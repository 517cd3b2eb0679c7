/**
 * A story's life in the browser: a link shared before its title was fixed still lands on it, and
 * the corrections page, a corrected story and a taken-down story's address read well (axe, 390 px).
 * Built under /tin/, served by nginx, read with Chromium; fails (never skips) without them.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { readFileSync } from 'node:fs';
import type { AxeResults } from 'axe-core';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { story } from '../site/site-fixture.ts';
import { cli, freePort, launchBrowser, PREFIX, ROOT, serveWithNginx, tempDir, type Browser, type StaticServer } from './harness.ts';

const AXE_SOURCE = readFileSync(join(dirname(createRequire(import.meta.url).resolve('axe-core')), 'axe.min.js'), 'utf8');
const SCREENSHOTS = join(ROOT, 'test-artifacts/screenshots');
const PHONE = { width: 390, height: 844 };
const NOW = '2022-03-15T00:00+07:00';

const OLD_URL = '2022/03/cau-tra-khuc-moi-thong-xe/';
const NEW_TITLE = 'Cầu Trà Khúc mới thông xe sáng nay sau hai năm thi công';
const NEW_URL = '2022/03/cau-tra-khuc-moi-thong-xe-sang-nay-sau-hai-nam-thi-cong/';
const TAKEN_DOWN_URL = '2022/03/tin-don-ve-gia-dat/';

const corrections = `corrections:
  - date: 2022-03-12 10:00
    text: Bài đã sửa tên xã cho đúng là xã Nghĩa Hà, huyện Tư Nghĩa, tỉnh Quảng Ngãi; tên cây cầu cũng được viết lại cho đúng.
  - date: 2022-03-13 08:00
    text: Bài đã sửa số liệu tổng vốn đầu tư.`;

let server: StaticServer;
let browser: Browser;
let home: string;

async function writeStories(content: string, title: string): Promise<void> {
  await mkdir(join(content, 'thoi-su'), { recursive: true });
  await writeFile(join(content, 'thoi-su', 'cau.txt'), `---\nupdated: 2022-03-11 09:00\n${corrections}\n---\n${story(title, '08:00, 10/03/2022', 'Bài: PHÓNG VIÊN')}`);
  await writeFile(join(content, 'thoi-su', 'tin-don.txt'), `---\nunpublished: true\n---\n${story('Tin đồn về giá đất', '08:00, 11/03/2022', 'Bài: PHÓNG VIÊN')}`);
  await writeFile(join(content, 'thoi-su', 'khac.txt'), story('Một tin khác trong tháng', '08:00, 09/03/2022', 'Bài: PHÓNG VIÊN'));
}

beforeAll(async () => {
  const content = join(await tempDir('lifecycle-content'), 'content');
  const siteDir = join(await tempDir('lifecycle-site'), '_site');
  const port = await freePort();
  const build = async () => {
    const result = await cli(['build', '--content', content, '--output', siteDir, '--prefix', PREFIX, '--site-url', `http://127.0.0.1:${port}/`, '--now', NOW, '--quiet']);
    if (result.code !== 0) throw new Error(`build exited ${result.code}:\n${result.stderr}`);
  };
  await writeStories(content, 'Cầu Trà Khúc mới thông xe');
  await build();
  // The title fixed after the story was shared: the old address must still lead to it.
  await writeStories(content, NEW_TITLE);
  await build();
  server = await serveWithNginx(siteDir, port);
  browser = await launchBrowser();
  home = `${server.origin}${PREFIX}`;
  await mkdir(SCREENSHOTS, { recursive: true });
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function axeViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ content: AXE_SOURCE });
  const results = await page.evaluate(() => (window as unknown as { axe: { run(): Promise<AxeResults> } }).axe.run());
  expect(results.passes.length).toBeGreaterThan(0);
  return results.violations.map((violation) => `${violation.id}: ${violation.help} at ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`);
}

describe('a story after publication, in the browser', () => {
  it('a link shared before the title was fixed lands on the story', async () => {
    const page = await browser.context.newPage();
    await page.goto(`${home}${OLD_URL}`);
    await page.waitForURL(`${home}${NEW_URL}`, { timeout: 30_000 });
    await expect(page.locator('h1').textContent()).resolves.toBe(NEW_TITLE);
    await page.close();
  });

  it('the corrections page reads well on a 390 px screen: nothing wider than the screen, readable text, no axe violation', async () => {
    const page = await browser.context.newPage();
    await page.setViewportSize(PHONE);
    const response = await page.goto(`${home}dinh-chinh/`);
    expect(response?.status()).toBe(200);
    const items = page.locator('.corrections-list li');
    await expect(items.count()).resolves.toBe(2);
    await expect(items.first().locator('a').first().textContent()).resolves.toBe(NEW_TITLE);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    const fontSize = await items.first().locator('.correction-text').evaluate((element) => parseFloat(getComputedStyle(element).fontSize));
    expect(fontSize).toBeGreaterThanOrEqual(16);
    await page.screenshot({ path: join(SCREENSHOTS, 'corrections-390.png'), fullPage: true });
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
  });

  it('a corrected story shows the notice before its lead on a phone, and passes axe', async () => {
    const page = await browser.context.newPage();
    await page.setViewportSize(PHONE);
    await page.goto(`${home}${NEW_URL}`);
    const notice = await page.locator('aside.corrections').boundingBox();
    const lead = await page.locator('.lead').boundingBox();
    expect(notice!.y).toBeLessThan(lead!.y);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
  });

  it('a taken-down story\'s address explains itself, and passes axe', async () => {
    const page = await browser.context.newPage();
    const response = await page.goto(`${home}${TAKEN_DOWN_URL}`);
    expect(response?.status()).toBe(200);
    await expect(page.locator('h1').textContent()).resolves.toBe('Bài viết đã được gỡ');
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
  });
});
